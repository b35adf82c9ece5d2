import { useEffect, useState } from 'react';
import { REGISTRATION_API_VERSIONS } from '../../shared/contract/choices';
import { SignInClientSchema } from '../../shared/contract/fields';
import type { PowerShellInfo, RegistrationApiVersion, Settings, SettingsRequest } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { describedBy, Field, TextField } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { say, useTranslation } from '../i18n';
import { appStore, useApp } from '../store';

/** PowerShell for the privileged endpoint, the registration API version and the sign-in client, kept by main. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => void appStore.getState().loadSettings(), []);
  return (
    <Screen name="settings" title={t('settings.title')} what={t('settings.what')}>
      <ScopeProblem scope="settings" />
      {saved && (
        <p className="ok-box" role="status" data-testid="settings-saved">
          {t('settings.saved')}
        </p>
      )}
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} onSaved={() => setSaved(true)} /> : <BusyNote scope="settings" />}
    </Screen>
  );
}

/** What the app will start, as main found it when it ran it. */
function WillRun({ info }: { info: PowerShellInfo | null }) {
  const { t } = useTranslation();
  if (!info) return <p className="hint">{t('settings.checking')}</p>;
  return (
    <div className={info.problem ? 'notice' : 'hint'} data-testid="powershell-info">
      <p>
        {t('settings.willRun')} <code>{info.path}</code>
        {info.version ? t('settings.version', { version: info.version, edition: info.edition ?? '' }) : ''}.
      </p>
      {info.problem && <p>{t('settings.cannotUse', { problem: say(info.problem) })}</p>}
    </div>
  );
}

function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved(): void }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.settings !== undefined);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const info = useApp((s) => s.powershell);
  const [kind, setKind] = useState(saved.powershell.kind);
  const [apiVersion, setApiVersion] = useState<RegistrationApiVersion>(saved.registrationApiVersion);
  const [clientId, setClientId] = useState(saved.signInClient?.clientId ?? '');
  const [clientTenant, setClientTenant] = useState(saved.signInClient?.tenant ?? '');
  const signInClient = { ...(clientId.trim() ? { clientId: clientId.trim() } : {}), ...(clientTenant.trim() ? { tenant: clientTenant.trim() } : {}) };
  const draft: SettingsRequest = {
    powershell: { kind },
    registrationApiVersion: apiVersion,
    ...(Object.keys(signInClient).length > 0 ? { signInClient } : {}),
  };
  // The pwsh path is only ever chosen in main's file dialog, which saves it.
  const needsChoice = kind === 'pwsh' && saved.powershell.kind !== 'pwsh';
  const clientCheck = SignInClientSchema.safeParse(signInClient);
  const clientError = (field: 'clientId' | 'tenant') =>
    clientCheck.success ? undefined : clientCheck.error.issues.find((i) => i.path[0] === field) ? t(`settings.clientErrors.${field}`) : undefined;
  const apiHint = t('settings.apiHint');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void appStore.getState().saveSettings(draft).then((ok) => ok && onSaved());
      }}
    >
      <fieldset>
        <legend>{t('settings.powershell')}</legend>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'windows-powershell'} onChange={() => setKind('windows-powershell')} />
          <span>{t('settings.windowsPowerShell')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'pwsh'} onChange={() => setKind('pwsh')} />
          <span>{t('settings.pwsh')}</span>
        </label>
        {kind === 'pwsh' && (
          <div className="field">
            <p className="hint" id="pwsh-hint">
              {t('settings.pathHint')}
            </p>
            <button type="button" className="secondary" disabled={busy} aria-describedby="pwsh-hint" onClick={() => void appStore.getState().choosePowerShell()}>
              {t('settings.choose')}
            </button>
          </div>
        )}
        {kind === saved.powershell.kind && <WillRun info={info} />}
        {needsChoice && <p className="hint">{t('settings.needsChoice')}</p>}
        {practice && <p className="hint">{t('settings.practice')}</p>}
      </fieldset>
      <Field id="api-version" label={t('settings.api')} hint={apiHint}>
        <select id="api-version" value={apiVersion} onChange={(e) => setApiVersion(e.target.value as RegistrationApiVersion)} aria-describedby={describedBy('api-version', apiHint)}>
          {REGISTRATION_API_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
              {v === '2017-06-01' ? ` ${t('settings.default')}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>{t('settings.client')}</legend>
        <TextField
          id="sign-in-client-id"
          label={t('settings.clientId')}
          hint={t('settings.clientIdHint')}
          error={clientError('clientId')}
          value={clientId}
          onChange={setClientId}
          spellCheck={false}
          maxLength={36}
        />
        <TextField
          id="sign-in-client-tenant"
          label={t('settings.clientTenant')}
          hint={t('settings.clientTenantHint')}
          error={clientError('tenant')}
          value={clientTenant}
          onChange={setClientTenant}
          spellCheck={false}
          maxLength={253}
        />
      </fieldset>
      <button type="submit" className="primary" disabled={busy || needsChoice || !clientCheck.success}>
        {t('settings.save')}
      </button>
      <BusyNote scope="settings" />
    </form>
  );
}
