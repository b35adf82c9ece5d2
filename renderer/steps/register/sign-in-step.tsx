import { CloudSelect } from '../../components/cloud-select';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { DeviceCodeBox } from './device-code-box';

/** Signs in to Azure in the cloud the token will be registered in. */
export function SignInStep() {
  const { t } = useTranslation();
  const cloud = useApp((s) => s.reg.cloud);
  const method = useApp((s) => s.reg.method);
  const tenant = useApp((s) => s.reg.tenant);
  const account = useApp((s) => s.reg.account);
  const busy = useApp((s) => s.busy.register !== undefined);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const set = appStore.getState().setRegister;
  if (account) {
    return (
      <div className="session" data-testid="azure-account">
        <p className="ok-line">{t('signIn.signedIn', { cloud: account.cloud, user: account.username, tenant: account.tenantId })}</p>
        {account.practice && <p className="hint">{t('signIn.practiceIdentity')}</p>}
        <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().signOut()}>
          {t('signIn.signOut')}
        </button>
      </div>
    );
  }
  return (
    <>
      <CloudSelect id="azure-cloud" label={t('signIn.cloud')} value={cloud} onChange={(c) => set({ cloud: c })} />
      <p className="hint">{t('signIn.germany')}</p>
      <TextField
        id="azure-tenant"
        label={t('signIn.tenant')}
        hint={t('signIn.tenantHint')}
        value={tenant}
        onChange={(v) => set({ tenant: v })}
        maxLength={128}
        spellCheck={false}
      />
      <fieldset>
        <legend>{t('signIn.how')}</legend>
        <label className="choice">
          <input type="radio" name="method" checked={method === 'browser'} onChange={() => set({ method: 'browser' })} />
          <span>{t('signIn.browser')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="method" checked={method === 'device-code'} onChange={() => set({ method: 'device-code' })} />
          <span>{t('signIn.code')}</span>
        </label>
      </fieldset>
      {practice && <p className="hint">{t('signIn.practice')}</p>}
      <button type="button" className="primary" disabled={busy} onClick={() => void appStore.getState().signIn()}>
        {t('signIn.button')}
      </button>
      <DeviceCodeBox />
    </>
  );
}
