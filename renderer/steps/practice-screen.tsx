import { useEffect, useState } from 'react';
import {
  DEFAULT_PRACTICE_SCENARIO,
  PRACTICE_AZURE_REGISTRATIONS,
  PRACTICE_PERMISSION_PROFILES,
  PRACTICE_SIGN_IN_OUTCOMES,
  PRACTICE_STAMP_VERSIONS,
  PRACTICE_STATUS_REHEARSALS,
  WORKSTATION_LANGUAGES,
} from '../../shared/contract/choices';
import type { PracticeScenario } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { ConfirmDialog } from '../components/confirm-dialog';
import { describedBy, Field } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';

type Version = PracticeScenario['stampVersion'];
type Profile = PracticeScenario['azurePermissions'];
type Language = PracticeScenario['workstationLanguage'];
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
  | 'noSubscriptionWideList'
  | ConnectedSwitch;
/** Connected registration's failures; their texts live in the connected catalogue section. */
type ConnectedSwitch = 'refreshTokenRefused' | 'roleAssignmentForbidden' | 'notRegistrationOwner';
const CONNECTED_SWITCHES: ConnectedSwitch[] = ['refreshTokenRefused', 'roleAssignmentForbidden', 'notRegistrationOwner'];

const SWITCHES: Switch[] = [
  'firstAddressDown',
  'eceBusy',
  'eceBusyVerboseOnly',
  'hardwareInfoUnreachable',
  'sessionDropsDuringActivation',
  'closeBreaksSession',
  'trustedHostsUnreadable',
  'azureThrottling',
  'activationKeyUnavailable',
  'lockForbidden',
  'lockPropagationDelay',
  'policyDeniesResourceGroups',
  'subscriptionPastDue',
  'foreignLocks',
  'moveNeverFinishes',
  'noSubscriptionWideList',
];
const STAMP_SWITCHES = 7;
/** Catalogue keys cannot hold dots or dashes of locale tags as-is. */
const key = (value: string): string => value.replaceAll(/[.-]/g, '_');

/** The simulated stamp and Azure of practice mode, and the failures to rehearse on them. */
export function PracticeScreen() {
  const { t } = useTranslation();
  const scenario = useApp((s) => s.scenario);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const [done, setDone] = useState<'saved' | 'reset'>();
  useEffect(() => void appStore.getState().loadScenario(), []);
  return (
    <Screen
      name="practice"
      title={t('practice.title')}
      what={t('practice.what')}
    >
      <ScopeProblem scope="practice" />
      {!practice && <p className="hint">{t('practice.onlyPractice')}</p>}
      {done && (
        <p className="ok-box" role="status" data-testid="practice-done">
          {t(`practice.done.${done}`)}
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
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.practice !== undefined);
  const [asking, setAsking] = useState(false);
  return (
    <section className="practice-reset" aria-labelledby="practice-reset-title">
      <h3 id="practice-reset-title">{t('practice.reset.title')}</h3>
      <p className="hint">{t('practice.reset.hint')}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(true)}>
        {t('practice.reset.button')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('practice.reset.ask')}
        confirmLabel={t('practice.reset.yes')}
        cancelLabel={t('practice.reset.no')}
        tone="danger"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void appStore.getState().resetPractice().then((ok) => ok && onReset());
        }}
      >
        <p>{t('practice.reset.what')}</p>
      </ConfirmDialog>
    </section>
  );
}

function ScenarioForm({ saved, onSaved }: { saved: PracticeScenario; onSaved(): void }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.practice !== undefined);
  const [draft, setDraft] = useState(saved);
  const [nodes, setNodes] = useState(String(saved.numberOfNodes));
  const [seconds, setSeconds] = useState(String(saved.activationSeconds));
  const numberOfNodes = inRange(nodes, 1, 16);
  const activationSeconds = inRange(seconds, 1, 1800);
  const nodesError = numberOfNodes === undefined ? t('practice.nodesError') : undefined;
  const secondsError = activationSeconds === undefined ? t('practice.secondsError') : undefined;
  const versionHint = t(`practice.versions.${key(draft.stampVersion)}`);
  const profileHint = t(`practice.profiles.${draft.azurePermissions}.what`);
  const nodesHint = t('practice.nodesHint');
  const durationHint = t('practice.durationHint');
  const change = (patch: Partial<PracticeScenario>) => setDraft((d) => ({ ...d, ...patch }));
  const reset = () => {
    setDraft(DEFAULT_PRACTICE_SCENARIO);
    setNodes(String(DEFAULT_PRACTICE_SCENARIO.numberOfNodes));
    setSeconds(String(DEFAULT_PRACTICE_SCENARIO.activationSeconds));
  };
  const toggle = (key: Switch) => <SwitchField key={key} name={key} checked={draft[key]} onChange={(v) => change({ [key]: v })} />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (numberOfNodes === undefined || activationSeconds === undefined) return;
        void appStore.getState().saveScenario({ ...draft, numberOfNodes, activationSeconds }).then((ok) => ok && onSaved());
      }}
    >
      <fieldset>
        <legend>{t('practice.stamp')}</legend>
        <Field id="practice-version" label={t('practice.version')} hint={versionHint}>
          <select id="practice-version" value={draft.stampVersion} onChange={(e) => change({ stampVersion: e.target.value as Version })} aria-describedby={describedBy('practice-version', versionHint)}>
            {PRACTICE_STAMP_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field id="practice-nodes" label={t('practice.nodes')} hint={nodesHint} {...(nodesError ? { error: nodesError } : {})}>
          <input id="practice-nodes" type="number" min={1} max={16} value={nodes} onChange={(e) => setNodes(e.target.value)} aria-describedby={describedBy('practice-nodes', nodesHint, nodesError)} />
        </Field>
        <Field id="practice-activation" label={t('practice.duration')} hint={durationHint} {...(secondsError ? { error: secondsError } : {})}>
          <input id="practice-activation" type="number" min={1} max={1800} value={seconds} onChange={(e) => setSeconds(e.target.value)} aria-describedby={describedBy('practice-activation', durationHint, secondsError)} />
        </Field>
        <Field id="practice-language" label={t('practice.language')} hint={t(`practice.languages.${key(draft.workstationLanguage)}`)}>
          <select
            id="practice-language"
            value={draft.workstationLanguage}
            onChange={(e) => change({ workstationLanguage: e.target.value as Language })}
            aria-describedby={describedBy('practice-language', 'hint')}
          >
            {WORKSTATION_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        {SWITCHES.slice(0, STAMP_SWITCHES).map(toggle)}
      </fieldset>
      <fieldset>
        <legend>{t('practice.azure')}</legend>
        <Field id="practice-permissions" label={t('practice.permissions')} hint={profileHint}>
          <select id="practice-permissions" value={draft.azurePermissions} onChange={(e) => change({ azurePermissions: e.target.value as Profile })} aria-describedby={describedBy('practice-permissions', profileHint)}>
            {PRACTICE_PERMISSION_PROFILES.map((p) => (
              <option key={p} value={p}>
                {t(`practice.profiles.${p}.label`)}
              </option>
            ))}
          </select>
        </Field>
        <ChoiceField
          id="practice-sign-in"
          label={t('practice.signIn')}
          catalogue="practice.signIns"
          values={PRACTICE_SIGN_IN_OUTCOMES}
          value={draft.signIn}
          onChange={(v) => change({ signIn: v })}
        />
        {SWITCHES.slice(STAMP_SWITCHES).map(toggle)}
        {/* What the practice Azure holds from the start (lifecycle rehearsals). */}
        <ChoiceField
          id="practice-azure-registration"
          label={t('lifecycle.practice.registration')}
          catalogue="lifecycle.practice.registrations"
          values={PRACTICE_AZURE_REGISTRATIONS}
          value={draft.azureRegistration}
          onChange={(v) => change({ azureRegistration: v })}
        />
        <SwitchField name="registrationDeleteRefused" catalogue="lifecycle.practice" checked={draft.registrationDeleteRefused} onChange={(v) => change({ registrationDeleteRefused: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('status.practice.legend')}</legend>
        <ChoiceField
          id="practice-status-rehearsal"
          label={t('status.practice.rehearsal')}
          catalogue="status.practice.rehearsals"
          values={PRACTICE_STATUS_REHEARSALS}
          value={draft.statusRehearsal}
          onChange={(v) => change({ statusRehearsal: v })}
        />
        <SwitchField name="stampArmCertificateUntrusted" catalogue="status.practice" checked={draft.stampArmCertificateUntrusted} onChange={(v) => change({ stampArmCertificateUntrusted: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('connected.scenarios.legend')}</legend>
        {CONNECTED_SWITCHES.map((k) => (
          <SwitchField key={k} name={k} catalogue="connected.scenarios" checked={draft[k]} onChange={(v) => change({ [k]: v })} />
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || nodesError !== undefined || secondsError !== undefined}>
        {t('practice.save')}
      </button>
      <button type="button" className="secondary" onClick={reset} disabled={busy}>
        {t('practice.defaults')}
      </button>
      <BusyNote scope="practice" />
    </form>
  );
}

/** A choice among a scenario's values; `catalogue` holds each value's `label` and `what`. */
function ChoiceField<V extends string>(props: { id: string; label: string; catalogue: string; values: readonly V[]; value: V; onChange(value: V): void }) {
  const { t } = useTranslation();
  const { id, catalogue, value } = props;
  // Widened to string: i18next's key types cannot follow a generic value.
  const words = (v: string, part: 'label' | 'what'): string => t(`${catalogue}.${v}.${part}`);
  const hint = words(value, 'what');
  return (
    <Field id={id} label={props.label} hint={hint}>
      <select id={id} value={value} onChange={(e) => props.onChange(props.values.find((v) => v === e.target.value) ?? value)} aria-describedby={describedBy(id, hint)}>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {words(v, 'label')}
          </option>
        ))}
      </select>
    </Field>
  );
}

function SwitchField({
  name,
  checked,
  onChange,
  catalogue = 'practice.switches',
}: {
  name: Switch | 'registrationDeleteRefused' | 'stampArmCertificateUntrusted';
  checked: boolean;
  onChange(value: boolean): void;
  catalogue?: string;
}) {
  const { t } = useTranslation();
  const id = `practice-${name}`;
  return (
    <div className="field">
      <label className="choice">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint`} />
        <span>{t(`${catalogue}.${name}.label`)}</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t(`${catalogue}.${name}.what`)}
      </p>
    </div>
  );
}
