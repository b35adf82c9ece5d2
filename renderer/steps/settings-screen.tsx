import { useEffect, useState } from 'react';
import { REGISTRATION_API_VERSIONS, SignInClientSchema } from '../../shared/contract';
import type { PowerShellInfo, RegistrationApiVersion, Settings, SettingsRequest } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { describedBy, Field, TextField } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { appStore, useApp } from '../store';

const PWSH_HINT =
  'pwsh 7.4 or later, installed on this computer (not on a network share): it receives the CloudAdmin password. Off Windows it needs the PSWSMan module.';
const CLIENT_HINT =
  "Empty: the Azure CLI's public client, which works in every tenant unless yours blocks it; sign-in logs show \"Microsoft Azure CLI\". To use your organisation's own app registration (README, \"Sign-in client\"), enter its application (client) ID.";
const CLIENT_TENANT_HINT = 'The tenant ID or domain (e.g. contoso.onmicrosoft.com) the app is registered in; needed for a single-tenant app. Empty: your home directory.';
const API_HINT = 'The Microsoft.AzureStack API version of the registration calls. Keep 2017-06-01 unless your Azure policy requires the newer one.';

/** PowerShell for the privileged endpoint and the registration API version, kept by main. */
export function SettingsScreen() {
  const settings = useApp((s) => s.settings);
  useEffect(() => void appStore.getState().loadSettings(), []);
  return (
    <Screen
      name="settings"
      title="Settings"
      what="How this computer reaches the privileged endpoint and Azure. Saving closes the PEP session and signs out of Azure; your progress stays."
    >
      <ScopeProblem scope="settings" />
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} /> : <BusyNote scope="settings" />}
    </Screen>
  );
}

/** What the app will start, as main found it when it ran it. */
function WillRun({ info }: { info: PowerShellInfo | null }) {
  if (!info) return <p className="hint">Checking which PowerShell will run…</p>;
  return (
    <div className={info.problem ? 'notice' : 'hint'} data-testid="powershell-info">
      <p>
        Will run <code>{info.path}</code>
        {info.version ? `: PowerShell ${info.version} (${info.edition ?? ''})` : ''}.
      </p>
      {info.problem && <p>It cannot be used: {info.problem}</p>}
    </div>
  );
}

function SettingsForm({ saved }: { saved: Settings }) {
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
    clientCheck.success ? undefined : clientCheck.error.issues.find((i) => i.path[0] === field)?.message;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void appStore.getState().saveSettings(draft);
      }}
    >
      <fieldset>
        <legend>PowerShell for the privileged endpoint</legend>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'windows-powershell'} onChange={() => setKind('windows-powershell')} />
          <span>Windows PowerShell 5.1 (recommended on Windows)</span>
        </label>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'pwsh'} onChange={() => setKind('pwsh')} />
          <span>PowerShell 7 (required on Linux and macOS)</span>
        </label>
        {kind === 'pwsh' && (
          <div className="field">
            <p className="hint" id="pwsh-hint">
              {PWSH_HINT}
            </p>
            <button type="button" className="secondary" disabled={busy} aria-describedby="pwsh-hint" onClick={() => void appStore.getState().choosePowerShell()}>
              Choose pwsh…
            </button>
          </div>
        )}
        {kind === saved.powershell.kind && <WillRun info={info} />}
        {needsChoice && <p className="hint">Choose the pwsh executable: the app saves it once it has checked that it runs.</p>}
        {practice && <p className="hint">Practice mode uses its simulated stamp: this choice applies in live mode.</p>}
      </fieldset>
      <Field id="api-version" label="Registration API version" hint={API_HINT}>
        <select id="api-version" value={apiVersion} onChange={(e) => setApiVersion(e.target.value as RegistrationApiVersion)} aria-describedby={describedBy('api-version', API_HINT)}>
          {REGISTRATION_API_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
              {v === '2017-06-01' ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>Azure sign-in client</legend>
        <TextField id="sign-in-client-id" label="Application (client) ID (optional)" hint={CLIENT_HINT} error={clientError('clientId')} value={clientId} onChange={setClientId} spellCheck={false} maxLength={36} />
        <TextField id="sign-in-client-tenant" label="Tenant of the app (optional)" hint={CLIENT_TENANT_HINT} error={clientError('tenant')} value={clientTenant} onChange={setClientTenant} spellCheck={false} maxLength={253} />
      </fieldset>
      <button type="submit" className="primary" disabled={busy || needsChoice || !clientCheck.success}>
        Save settings
      </button>
      <BusyNote scope="settings" />
    </form>
  );
}
