import { useEffect, useState } from 'react';
import { DEFAULT_PRACTICE_SCENARIO, PRACTICE_PERMISSION_PROFILES, PRACTICE_STAMP_VERSIONS } from '../../shared/contract';
import type { PracticeScenario } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { ConfirmDialog } from '../components/confirm-dialog';
import { describedBy, Field } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { appStore, useApp } from '../store';

type Version = PracticeScenario['stampVersion'];
type Profile = PracticeScenario['azurePermissions'];
type Switch = 'firstAddressDown' | 'eceBusy' | 'hardwareInfoUnreachable' | 'azureThrottling' | 'activationKeyUnavailable' | 'lockForbidden';

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
};
const SWITCHES: { key: Switch; label: string; what: string }[] = [
  { key: 'firstAddressDown', label: 'First ERCS address down', what: 'The first privileged endpoint address does not answer: connecting fails over to the next one.' },
  { key: 'eceBusy', label: 'Stamp busy (ECE)', what: 'Token and activation cmdlets fail with "another action is in progress", as while an update runs.' },
  { key: 'hardwareInfoUnreachable', label: "A host's hardware information unreachable", what: "Token generation and activation cannot read the last host's hardware." },
  { key: 'azureThrottling', label: 'Azure throttles the registration', what: 'The registration PUT answers 429 twice with Retry-After 5 s: Register waits, then succeeds.' },
  { key: 'activationKeyUnavailable', label: 'Activation key service unavailable once', what: 'The first getactivationkey call answers 503: the app retries and the key still comes.' },
  { key: 'lockForbidden', label: 'Lock write forbidden', what: 'The first lock write answers 403 AuthorizationFailed: Register stops with the registration unprotected; running it again adds the lock.' },
];

const NODES_HINT = 'How many hosts the simulated stamp has (1 to 16); the hosts it already has are kept.';
const DURATION_HINT = 'How long activation (New-AzsActivationResource) takes; 1800 rehearses the real wait of up to 30 minutes.';

/** The simulated stamp and Azure of practice mode, and the failures to rehearse on them. */
export function PracticeScreen() {
  const scenario = useApp((s) => s.scenario);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const [done, setDone] = useState<'saved' | 'reset'>();
  useEffect(() => void appStore.getState().loadScenario(), []);
  return (
    <Screen
      name="practice"
      title="Practice scenarios"
      what="What the simulated stamp and Azure do in practice mode. Saving restarts the simulation: the PEP session closes and Azure signs out; your progress stays."
    >
      <ScopeProblem scope="practice" />
      {!practice && <p className="hint">Practice scenarios apply only in practice mode.</p>}
      {done && (
        <p className="ok-box" role="status" data-testid="practice-done">
          {done === 'saved'
            ? 'Scenario saved. The practice stamp and Azure restarted with it: connect to the stamp and sign in to Azure again.'
            : 'The practice stamp and Azure start afresh: a new stamp with no activation, an Azure with no registration.'}
        </p>
      )}
      {scenario ? <ScenarioForm key={JSON.stringify(scenario)} saved={scenario} onSaved={() => setDone('saved')} /> : <BusyNote scope="practice" />}
      {practice && <PracticeReset onReset={() => setDone('reset')} />}
    </Screen>
  );
}

const inRange = (value: string, min: number, max: number): number | undefined => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/**
 * A scenario change starts a new practice Azure (no registrations) while the practice stamp keeps its
 * activation, as a real stamp would: the operator is told, and can start both afresh together.
 */
function PracticeReset({ onReset }: { onReset(): void }) {
  const busy = useApp((s) => s.busy.practice !== undefined);
  const [asking, setAsking] = useState(false);
  return (
    <section className="practice-reset" aria-labelledby="practice-reset-title">
      <h3 id="practice-reset-title">Start the rehearsal afresh</h3>
      <p className="hint">
        Saving a scenario restarts the practice Azure without the registrations made so far, while the practice stamp keeps
        its activation. To rehearse from the beginning, reset both: the practice stamp gets a new cloud ID and no activation.
        The hand-off history is kept.
      </p>
      <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(true)}>
        Reset the practice stamp and Azure
      </button>
      <ConfirmDialog
        open={asking}
        title="Reset the practice stamp and Azure?"
        confirmLabel="Reset both"
        cancelLabel="Keep them"
        tone="danger"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void appStore.getState().resetPractice().then((ok) => ok && onReset());
        }}
      >
        <p>The practice stamp forgets its activation and gets a new cloud ID; the practice Azure forgets every registration. The PEP session closes and Azure signs out.</p>
      </ConfirmDialog>
    </section>
  );
}

function ScenarioForm({ saved, onSaved }: { saved: PracticeScenario; onSaved(): void }) {
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
        if (numberOfNodes === undefined || activationSeconds === undefined) return;
        void appStore.getState().saveScenario({ ...draft, numberOfNodes, activationSeconds }).then((ok) => ok && onSaved());
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
        {SWITCHES.slice(0, 3).map((s) => (
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
        {SWITCHES.slice(3).map((s) => (
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
