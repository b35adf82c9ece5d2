import { useEffect } from 'react';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';


/** Checks the signed-in account may create the registration before anything is created. */
export function PermissionsStep() {
  const { t } = useTranslation();
  const report = useApp((s) => s.reg.permissions);
  const role = useApp((s) => s.reg.roleCreated);
  const signedIn = useApp((s) => s.reg.account !== undefined);
  const busy = useApp((s) => s.busy.register !== undefined);
  useEffect(() => {
    const s = appStore.getState();
    if (!s.reg.permissions && s.reg.account) void s.checkPermissions();
  }, [signedIn]);
  if (!signedIn) return <p className="notice">{t('gate.signIn')}</p>;
  return (
    <>
      {report && (
        <div data-testid="permissions" className={report.ok ? 'ok-box' : 'warn-box'}>
          <p>
            {report.ok ? t('permissions.ok') : t('permissions.missing')} <code>{report.scope}</code>.
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
                {t(`permissions.flows.${f.flow}`)}:{' '}
                {f.ok ? (
                  t('permissions.allowed')
                ) : (
                  <>
                    {t('permissions.missingList')}{' '}
                    {f.missing.map((m, i) => (
                      <span key={m}>
                        {i > 0 && ', '}
                        <code>{m}</code>
                      </span>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().checkPermissions()}>
        {t('permissions.again')}
      </button>
      {report && !report.ok && (
        <div className="role-offer">
          <p>{t('permissions.roleOffer')}</p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().createRole()}>
            {t('permissions.createRole')}
          </button>
          {role && <p className="ok-line">{t('permissions.roleExists', { role })}</p>}
        </div>
      )}
    </>
  );
}
