import { useEffect } from 'react';
import { appStore, useApp } from '../../store';

const FLOW_LABEL: Record<'register' | 'unregister' | 'move', string> = { register: 'Register', unregister: 'Unregister', move: 'Move' };

/** Checks the signed-in account may create the registration before anything is created. */
export function PermissionsStep() {
  const report = useApp((s) => s.reg.permissions);
  const role = useApp((s) => s.reg.roleCreated);
  const busy = useApp((s) => s.busy.register !== undefined);
  useEffect(() => {
    if (!appStore.getState().reg.permissions) void appStore.getState().checkPermissions();
  }, []);
  return (
    <>
      {report && (
        <div data-testid="permissions" className={report.ok ? 'ok-box' : 'warn-box'}>
          <p>
            {report.ok ? 'The signed-in account has every permission registration needs on ' : 'Missing permissions on '}
            <code>{report.scope}</code>.
          </p>
          {report.missing.length > 0 && (
            <ul>
              {report.missing.map((m) => (
                <li key={m}>
                  <code>{m}</code>
                </li>
              ))}
            </ul>
          )}
          <ul className="flow-permissions" data-testid="flow-permissions">
            {report.flows.map((f) => (
              <li key={f.flow} className={f.ok ? 'ok-line' : 'warning'}>
                {FLOW_LABEL[f.flow]}: {f.ok ? 'allowed' : <>missing {f.missing.map((m, i) => <span key={m}>{i > 0 && ', '}<code>{m}</code></span>)}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().checkPermissions()}>
        Check again
      </button>
      {report && !report.ok && (
        <div className="role-offer">
          <p>
            An owner of the subscription can create the least-privilege custom role for Azure Stack registration and assign it
            to your account.
          </p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().createRole()}>
            Create the registration role
          </button>
          {role && (
            <p className="ok-line">
              Role <strong>{role}</strong> exists but your account still lacks what is listed: ask an owner to assign it to your account, then check again.
            </p>
          )}
        </div>
      )}
    </>
  );
}
