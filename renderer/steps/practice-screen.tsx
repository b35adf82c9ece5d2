import { useEffect, useState } from 'react';
import { DEFAULT_PRACTICE_SCENARIO, PRACTICE_PERMISSION_PROFILES, PRACTICE_SIGN_IN_OUTCOMES, PRACTICE_STAMP_VERSIONS, WORKSTATION_LANGUAGES } from '../../shared/contract';
import type { PracticeScenario } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { describedBy, Field } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { appStore, useApp } from '../store';

type Version = PracticeScenario['stampVersion'];
type Profile = PracticeScenario['azurePermissions'];
type Language = PracticeScenario['workstationLanguage'];
type SignInOutcome = PracticeScenario['signIn'];
type Switch =
  | 'firstAddressDown'
  | 'eceBusy'
  | 'eceBusyVerboseOnly'
  | 'hardwareInfoUnreachable'
  | 'sessionDropsDuringActivation'
  | 'closeBreaksSession'
  | 'trustedHostsUnreadable'
  | 'azureThrottling'
  | 'activationKeyUnavailable'
  | 'lockForbidden'
  | 'lockPropagationDelay'
  | 'policyDeniesResourceGroups'
  | 'subscriptionPastDue'
  | 'foreignLocks'
  | 'moveNeverFinishes'
  | 'noSubscriptionWideList';

// What each choice rehearses, in one sentence (the version gates are registration-contract §1.9).
const VERSIONS: Record<Version, string> = {
  '1.1910.0.58': 'Stamp 1.1910: Custom billing and the asset tag are refused, as on a real stamp of that build.',
  '1.2005.0.40': 'Stamp 1.2005: the token carries no TokenVersion, as on builds before 1.2008.',
  '1.2206.0.6': 'Stamp 1.2206: no registration key pair is set before the token, as on builds up to 1.2209.',
  '1.2406.0.8': 'Stamp 1.2406 (default): a current build with every registration parameter.',
};
const PROFILES: Record<Profile, { label: string; what: string }> = {
  owner: { label: 'Owner', what: 'Every Azure call is allowed.' },
  'registration-role': { label: 'Custom registration role (current)', what: 'Registration and its lock work; removing the lock (Unregister) is refused.' },
  'registration-role-2019': { label: 'Custom registration role (2019)', what: 'The registration is created but its lock is refused, as with the role documented before 2020.' },
  'registration-owner-builtin': { label: 'Built-in Azure Stack Registration Owner', what: 'Not enough to register: it may read registrations, but Azure refuses creating the resource group and the registration.' },
  'user-access-administrator': { label: 'User Access Administrator', what: 'May manage access but not resources: Permissions shows what is missing; Create role makes the registration role and assigns it to you, after which every flow is allowed.' },
};
const SIGN_IN: Record<SignInOutcome, { label: string; what: string }> = {
  completes: { label: 'Completes', what: 'The practice browser answers at once and you are signed in.' },
  'browser-abandoned': { label: 'Browser abandoned', what: 'The browser opens but nobody signs in: use Cancel, or wait for the 5-minute limit (15 for a device code).' },
  'login-unreachable': { label: 'Login endpoint unreachable', what: 'The sign-in service cannot be reached: the app says it is the network and names the proxy, and does not fall back to a device code.' },
};
const SWITCHES: { key: Switch; label: string; what: string }[] = [
  { key: 'firstAddressDown', label: 'First ERCS address down', what: 'The first privileged endpoint address does not answer: connecting fails over to the next one.' },
  { key: 'eceBusy', label: 'Stamp busy (ECE)', what: 'Token and activation cmdlets fail with "another action is in progress", as while an update runs.' },
  { key: 'eceBusyVerboseOnly', label: 'Stamp busy, said only in the verbose output', what: 'The stamp writes "another action is in progress" only as a verbose line and fails with an unrelated error: the app still says the stamp is busy.' },
  { key: 'hardwareInfoUnreachable', label: "A host's hardware information unreachable", what: "Token generation and activation cannot read the last host's hardware." },
  { key: 'sessionDropsDuringActivation', label: 'Session drops during activation', what: 'The first activation completes on the stamp but the connection breaks before the answer: the outcome is unknown and must be checked, never blindly repeated.' },
  { key: 'closeBreaksSession', label: 'Session breaks after Close-PrivilegedEndpoint', what: 'With a transcript share, the connection breaks right after the transcripts are copied: the app says they were probably copied and to check the share.' },
  {
    key: 'trustedHostsUnreadable',
    label: 'TrustedHosts unreadable on this workstation',
    what: 'The connection check cannot read TrustedHosts from the registry and says "unknown", with how to check it by hand.',
  },
  { key: 'azureThrottling', label: 'Azure throttles the registration', what: 'The registration PUT answers 429 twice with Retry-After 5 s: Register waits, then succeeds.' },
  { key: 'activationKeyUnavailable', label: 'Activation key service unavailable once', what: 'The first getactivationkey call answers 503: the app retries and the key still comes.' },
  { key: 'lockForbidden', label: 'Lock write forbidden', what: 'The first lock write answers 403 AuthorizationFailed: Register stops with the registration unprotected; running it again adds the lock.' },
  { key: 'lockPropagationDelay', label: 'Lock removal reaches Azure late', what: 'A removed lock still blocks for 20 s (409 ScopeLocked), as while the removal spreads through Azure: Unregister and Move wait it out.' },
  { key: 'policyDeniesResourceGroups', label: 'Azure Policy refuses new resource groups', what: 'Creating a resource group answers 403 RequestDisallowedByPolicy ("Require a tag on resource groups"): Register names the policy.' },
  { key: 'subscriptionPastDue', label: 'Pay-As-You-Go subscription past due', what: 'That subscription is PastDue: it cannot be chosen, and the subscription step says why (the cancelled EA one is always disabled).' },
  { key: 'foreignLocks', label: "Other admins' locks", what: 'CanNotDelete on the EA subscription (a move still works, Unregister is blocked) and ReadOnly on its group "archive" (moving there is refused).' },
  { key: 'moveNeverFinishes', label: 'Move never finishes', what: 'Azure accepts the move but never completes it while the app polls (10 minutes): the outcome is unknown and the Move screen offers the check.' },
  { key: 'noSubscriptionWideList', label: 'No subscription-wide registration list', what: 'As with older 2017-06-01 revisions, registrations cannot be listed by subscription: searching the whole subscription goes group by group.' },
];

const STAMP_SWITCHES = 7;
const LANGUAGES: Record<Language, string> = {
  'en-US': 'English Windows: connection errors in English.',
  'fr-FR': 'French Windows: this computer\'s own connection errors (wrong password, no answer, TrustedHosts) come in French; the app still recognises them.',
};

const NODES_HINT = 'How many hosts the simulated stamp has (1 to 16); the hosts it already has are kept.';
const DURATION_HINT = 'How long activation (New-AzsActivationResource) takes; 1800 rehearses the real wait of up to 30 minutes.';

/** The simulated stamp and Azure of practice mode, and the failures to rehearse on them. */
export function PracticeScreen() {
  const scenario = useApp((s) => s.scenario);
  const practice = useApp((s) => s.info?.mode === 'practice');
  useEffect(() => void appStore.getState().loadScenario(), []);
  return (
    <Screen
      name="practice"
      title="Practice scenarios"
      what="What the simulated stamp and Azure do in practice mode. Saving restarts the simulation: the PEP session closes and Azure signs out; your progress stays."
    >
      <ScopeProblem scope="practice" />
      {!practice && <p className="hint">Practice scenarios apply only in practice mode.</p>}
      {scenario ? <ScenarioForm key={JSON.stringify(scenario)} saved={scenario} /> : <BusyNote scope="practice" />}
    </Screen>
  );
}

const inRange = (value: string, min: number, max: number): number | undefined => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

function ScenarioForm({ saved }: { saved: PracticeScenario }) {
  const busy = useApp((s) => s.busy.practice !== undefined);
  const [draft, setDraft] = useState(saved);
  const [nodes, setNodes] = useState(String(saved.numberOfNodes));
  const [seconds, setSeconds] = useState(String(saved.activationSeconds));
  const numberOfNodes = inRange(nodes, 1, 16);
  const activationSeconds = inRange(seconds, 1, 1800);
  const nodesError = numberOfNodes === undefined ? 'Enter a whole number from 1 to 16.' : undefined;
  const secondsError = activationSeconds === undefined ? 'Enter a whole number of seconds from 1 to 1800.' : undefined;
  const change = (patch: Partial<PracticeScenario>) => setDraft((d) => ({ ...d, ...patch }));
  const reset = () => {
    setDraft(DEFAULT_PRACTICE_SCENARIO);
    setNodes(String(DEFAULT_PRACTICE_SCENARIO.numberOfNodes));
    setSeconds(String(DEFAULT_PRACTICE_SCENARIO.activationSeconds));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (numberOfNodes !== undefined && activationSeconds !== undefined) void appStore.getState().saveScenario({ ...draft, numberOfNodes, activationSeconds });
      }}
    >
      <fieldset>
        <legend>Simulated stamp</legend>
        <Field id="practice-version" label="Stamp build" hint={VERSIONS[draft.stampVersion]}>
          <select id="practice-version" value={draft.stampVersion} onChange={(e) => change({ stampVersion: e.target.value as Version })} aria-describedby={describedBy('practice-version', VERSIONS[draft.stampVersion])}>
            {PRACTICE_STAMP_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field id="practice-nodes" label="Number of hosts" hint={NODES_HINT} {...(nodesError ? { error: nodesError } : {})}>
          <input id="practice-nodes" type="number" min={1} max={16} value={nodes} onChange={(e) => setNodes(e.target.value)} aria-describedby={describedBy('practice-nodes', NODES_HINT, nodesError)} />
        </Field>
        <Field id="practice-activation" label="Activation duration (seconds)" hint={DURATION_HINT} {...(secondsError ? { error: secondsError } : {})}>
          <input id="practice-activation" type="number" min={1} max={1800} value={seconds} onChange={(e) => setSeconds(e.target.value)} aria-describedby={describedBy('practice-activation', DURATION_HINT, secondsError)} />
        </Field>
        <Field id="practice-language" label="Workstation language" hint={LANGUAGES[draft.workstationLanguage]}>
          <select id="practice-language" value={draft.workstationLanguage} onChange={(e) => change({ workstationLanguage: e.target.value as Language })} aria-describedby={describedBy('practice-language', LANGUAGES[draft.workstationLanguage])}>
            {WORKSTATION_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        {SWITCHES.slice(0, STAMP_SWITCHES).map((s) => (
          <SwitchField key={s.key} item={s} checked={draft[s.key]} onChange={(v) => change({ [s.key]: v })} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Simulated Azure</legend>
        <Field id="practice-permissions" label="Your Azure permissions" hint={PROFILES[draft.azurePermissions].what}>
          <select id="practice-permissions" value={draft.azurePermissions} onChange={(e) => change({ azurePermissions: e.target.value as Profile })} aria-describedby={describedBy('practice-permissions', PROFILES[draft.azurePermissions].what)}>
            {PRACTICE_PERMISSION_PROFILES.map((p) => (
              <option key={p} value={p}>
                {PROFILES[p].label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="practice-sign-in" label="Sign-in" hint={SIGN_IN[draft.signIn].what}>
          <select id="practice-sign-in" value={draft.signIn} onChange={(e) => change({ signIn: e.target.value as SignInOutcome })} aria-describedby={describedBy('practice-sign-in', SIGN_IN[draft.signIn].what)}>
            {PRACTICE_SIGN_IN_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {SIGN_IN[o].label}
              </option>
            ))}
          </select>
        </Field>
        {SWITCHES.slice(STAMP_SWITCHES).map((s) => (
          <SwitchField key={s.key} item={s} checked={draft[s.key]} onChange={(v) => change({ [s.key]: v })} />
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || nodesError !== undefined || secondsError !== undefined}>
        Save scenario
      </button>
      <button type="button" onClick={reset} disabled={busy}>
        Restore defaults
      </button>
      <BusyNote scope="practice" />
    </form>
  );
}

function SwitchField({ item, checked, onChange }: { item: (typeof SWITCHES)[number]; checked: boolean; onChange(value: boolean): void }) {
  const id = `practice-${item.key}`;
  return (
    <div className="field">
      <label className="choice">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint`} />
        <span>{item.label}</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {item.what}
      </p>
    </div>
  );
}
