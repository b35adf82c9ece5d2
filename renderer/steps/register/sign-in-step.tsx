import { useEffect } from 'react';
import type { AzureConnection, ProxyRoute } from '../../../shared/domain/types';
import { CloudSelect } from '../../components/cloud-select';
import { TextField } from '../../components/field';
import { appStore, useApp } from '../../store';
import { SIGNING_IN } from '../../store/register-slice';
import { DeviceCodeBox } from './device-code-box';

const TENANT_HINT = 'Optional: the directory (tenant) ID or domain, e.g. contoso.onmicrosoft.com, when your account belongs to several directories. Leave empty for your home directory.';

/** Signs in to Azure in the cloud the token will be registered in. */
export function SignInStep() {
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
        <p className="ok-line">
          Signed in to <strong>{account.cloud}</strong> as <strong>{account.username}</strong> (tenant {account.tenantId}).
        </p>
        {account.practice && <p className="hint">This is the practice identity: no real Azure account is used.</p>}
        <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().signOut()}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <>
      <CloudSelect id="azure-cloud" label="Azure cloud" value={cloud} onChange={(c) => set({ cloud: c })} />
      <p className="hint">Azure Germany subscriptions are not supported for registration.</p>
      <TextField
        id="azure-tenant"
        label="Tenant (optional)"
        hint={TENANT_HINT}
        value={tenant}
        onChange={(v) => set({ tenant: v })}
        maxLength={128}
        spellCheck={false}
      />
      <fieldset>
        <legend>How to sign in</legend>
        <label className="choice">
          <input type="radio" name="method" checked={method === 'browser'} onChange={() => set({ method: 'browser' })} />
          <span>In the web browser on this machine</span>
        </label>
        <label className="choice">
          <input type="radio" name="method" checked={method === 'device-code'} onChange={() => set({ method: 'device-code' })} />
          <span>With a code, on another device (when this machine has no usable browser)</span>
        </label>
      </fieldset>
      {practice && <p className="hint">Practice mode signs in with a practice identity; nothing reaches Azure.</p>}
      <ConnectionNote />
      <button type="button" className="primary" disabled={busy} onClick={() => void appStore.getState().signIn()}>
        Sign in to Azure
      </button>
      {signingIn && (
        <>
          <p className="hint" role="status">
            {method === 'browser'
              ? 'Finish signing in in the browser window that opened. The sign-in stops by itself after 5 minutes.'
              : 'Enter the code below on another device. The sign-in stops by itself after 15 minutes.'}
          </p>
          <button type="button" className="secondary" onClick={() => void appStore.getState().cancelSignIn()}>
            Cancel sign-in
          </button>
        </>
      )}
      <DeviceCodeBox />
    </>
  );
}

const routeText = (r: ProxyRoute): string => {
  if (r.source === 'practice') return `${r.host}: the practice Azure on this computer, never through a proxy`;
  if (!r.proxy) return `${r.host}: direct, no proxy applies`;
  return `${r.host}: through ${r.proxy} (${r.source === 'system' ? "this computer's proxy settings" : 'HTTPS_PROXY'})`;
};

const clientText = (c: AzureConnection['signInClient']): string =>
  c.kind === 'default'
    ? `the Azure CLI's public client (${c.clientId}); sign-in logs show "Microsoft Azure CLI". An organisation's own app can be set in Settings.`
    : `your organisation's app ${c.clientId}${c.tenant ? ` in ${c.tenant}` : ''}; sign-in logs show its name.`;

/** Which sign-in client and which proxy the sign-in and Azure calls will use. */
function ConnectionNote() {
  const connection = useApp((s) => s.reg.connection);
  if (!connection) return null;
  return (
    <div className="hint" data-testid="azure-connection">
      <p>Signs in with {clientText(connection.signInClient)}</p>
      <p>Sign-in: {routeText(connection.login)}.</p>
      <p>Azure Resource Manager: {routeText(connection.management)}.</p>
    </div>
  );
}
