import { useEffect, useState } from 'react';
import { REGISTRATION_API_VERSIONS } from '../../shared/contract';
import type { RegistrationApiVersion, Settings } from '../../shared/contract';
import { BusyNote } from '../components/busy-note';
import { describedBy, Field, TextField } from '../components/field';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';

/** PowerShell for the privileged endpoint and the registration API version, kept by main. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const [saved, setSaved] = useState(false);
  useEffect(() => void appStore.getState().loadSettings(), []);
  return (
    <Screen
      name="settings"
      title={t('settings.title')}
      what={t('settings.what')}
    >
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

function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved(): void }) {
  const { t } = useTranslation();
  const current = saved.powershell.kind === 'windows-powershell' ? t('settings.windowsPowerShell') : t('settings.pwshAt', { path: saved.powershell.path });
  const apiHint = t('settings.apiHint');
  const busy = useApp((s) => s.busy.settings !== undefined);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const [kind, setKind] = useState(saved.powershell.kind);
  const [path, setPath] = useState(saved.powershell.kind === 'pwsh' ? saved.powershell.path : '');
  const [apiVersion, setApiVersion] = useState<RegistrationApiVersion>(saved.registrationApiVersion);
  const draft: Settings = {
    powershell: kind === 'pwsh' ? { kind, path: path.trim() } : { kind: 'windows-powershell' },
    registrationApiVersion: apiVersion,
  };
  const pathError = kind === 'pwsh' && path.trim() === '' ? t('settings.pathError') : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void appStore.getState().saveSettings(draft).then((ok) => ok && onSaved());
      }}
    >
      <fieldset>
        <legend>{t('settings.powershell')}</legend>
        <p className="hint">{t('settings.powershellHint', { current })}</p>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'windows-powershell'} onChange={() => setKind('windows-powershell')} />
          <span>{t('settings.windowsPowerShell')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="powershell" checked={kind === 'pwsh'} onChange={() => setKind('pwsh')} />
          <span>{t('settings.pwsh')}</span>
        </label>
        {kind === 'pwsh' && (
          <TextField id="pwsh-path" label={t('settings.path')} hint={t('settings.pathHint')} error={pathError} value={path} onChange={setPath} spellCheck={false} />
        )}
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
      <button type="submit" className="primary" disabled={busy || pathError !== undefined}>
        {t('settings.save')}
      </button>
      <BusyNote scope="settings" />
    </form>
  );
}
