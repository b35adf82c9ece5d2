import { useEffect, useState } from 'react';
import { REGISTRATION_API_VERSIONS } from '../../shared/contract';
import type { RegistrationApiVersion, Settings } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { describedBy, Field, TextField } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { appStore, useApp } from '../store';

const PWSH_HINT = 'Full path of pwsh 7.4 or later, for example /usr/bin/pwsh or C:\\Program Files\\PowerShell\\7\\pwsh.exe. Off Windows it needs the PSWSMan module.';
const API_HINT = 'The Microsoft.AzureStack API version of the registration calls. Keep 2017-06-01 unless your Azure policy requires the newer one.';

/** The label the operator sees for a PowerShell choice. */
const powershellLabel = (choice: Settings['powershell']): string =>
  choice.kind === 'windows-powershell' ? 'Windows PowerShell 5.1 (recommended on Windows)' : `PowerShell 7 at ${choice.path}`;

/** PowerShell for the privileged endpoint and the registration API version, kept by main. */
export function SettingsScreen() {
  const settings = useApp((s) => s.settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => void appStore.getState().loadSettings(), []);
  return (
    <Screen
      name="settings"
      title="Settings"
      what="How this computer reaches the privileged endpoint and Azure. Saving closes the PEP session and signs out of Azure; your progress stays."
    >
      <ScopeProblem scope="settings" />
      {saved && (
        <p className="ok-box" role="status" data-testid="settings-saved">
          Settings saved. If they changed, the privileged-endpoint session was closed and Azure signed out: connect and sign in again.
        </p>
      )}
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} onSaved={() => setSaved(true)} /> : <BusyNote scope="settings" />}
    </Screen>
  );
}

function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved(): void }) {
  const busy = useApp((s) => s.busy.settings !== undefined);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const [kind, setKind] = useState(saved.powershell.kind);
  const [path, setPath] = useState(saved.powershell.kind === 'pwsh' ? saved.powershell.path : '');
  const [apiVersion, setApiVersion] = useState<RegistrationApiVersion>(saved.registrationApiVersion);
  const draft: Settings = {
    powershell: kind === 'pwsh' ? { kind, path: path.trim() } : { kind: 'windows-powershell' },
    registrationApiVersion: apiVersion,
  };
  const pathError = kind === 'pwsh' && path.trim() === '' ? 'Enter the path of pwsh.' : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void appStore.getState().saveSettings(draft).then((ok) => ok && onSaved());
      }}
    >
      <fieldset>
        <legend>PowerShell for the privileged endpoint</legend>
        <p className="hint">The PowerShell that opens the remote session to the ERCS virtual machines. Currently: {powershellLabel(saved.powershell)}.</p>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'windows-powershell'} onChange={() => setKind('windows-powershell')} />
          <span>Windows PowerShell 5.1 (recommended on Windows)</span>
        </label>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'pwsh'} onChange={() => setKind('pwsh')} />
          <span>PowerShell 7 (required on Linux and macOS)</span>
        </label>
        {kind === 'pwsh' && (
          <TextField id="pwsh-path" label="Path of pwsh" hint={PWSH_HINT} error={pathError} value={path} onChange={setPath} spellCheck={false} />
        )}
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
      <button type="submit" className="primary" disabled={busy || pathError !== undefined}>
        Save settings
      </button>
      <BusyNote scope="settings" />
    </form>
  );
}
