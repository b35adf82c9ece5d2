import { useEffect } from 'react';
import type { AzureConnection, ProxyRoute } from '../../../shared/domain/types';
import { CloudSelect } from '../../components/cloud-select';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { SIGNING_IN } from '../../store/register-slice';
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
  const signingIn = useApp((s) => s.busy.register === SIGNING_IN);
  const set = appStore.getState().setRegister;
  useEffect(() => void appStore.getState().loadConnection(), [cloud]);
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
      <ConnectionNote />
      <button type="button" className="primary" disabled={busy} onClick={() => void appStore.getState().signIn()}>
        {t('signIn.button')}
      </button>
      {signingIn && (
        <>
          <p className="hint" role="status">
            {method === 'browser' ? t('signIn.waitBrowser') : t('signIn.waitCode')}
          </p>
          <button type="button" className="secondary" onClick={() => void appStore.getState().cancelSignIn()}>
            {t('signIn.cancel')}
          </button>
        </>
      )}
      <DeviceCodeBox />
    </>
  );
}

type T = (key: string, values?: Record<string, string>) => string;

const routeText = (t: T, r: ProxyRoute): string => {
  if (r.source === 'practice') return t('signIn.route.practice', { host: r.host });
  if (!r.proxy) return t('signIn.route.direct', { host: r.host });
  return t(r.source === 'system' ? 'signIn.route.system' : 'signIn.route.env', { host: r.host, proxy: r.proxy });
};

const clientText = (t: T, c: AzureConnection['signInClient']): string =>
  c.kind === 'default'
    ? t('signIn.client.default', { clientId: c.clientId })
    : c.tenant
      ? t('signIn.client.ownIn', { clientId: c.clientId, tenant: c.tenant })
      : t('signIn.client.own', { clientId: c.clientId });

/** Which sign-in client and which proxy the sign-in and Azure calls will use. */
function ConnectionNote() {
  const { t: translate } = useTranslation();
  const t: T = (key, values) => translate(key, values ?? {});
  const connection = useApp((s) => s.reg.connection);
  if (!connection) return null;
  return (
    <div className="hint" data-testid="azure-connection">
      <p>{t('signIn.client.line', { client: clientText(t, connection.signInClient) })}</p>
      <p>{t('signIn.route.login', { route: routeText(t, connection.login) })}</p>
      <p>{t('signIn.route.arm', { route: routeText(t, connection.management) })}</p>
    </div>
  );
}
