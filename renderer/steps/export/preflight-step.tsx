import { CopyButton } from '../../components/copy-button';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { ErcsHosts, useHostsReady } from '../stamp/ercs-hosts';

/** Checks PowerShell, language mode, execution policy, TrustedHosts and WinRM before any password is typed. */
export function PreflightStep() {
  const { t } = useTranslation();
  const report = useApp((s) => s.stamp.preflight);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const hasHost = useHostsReady();
  return (
    <>
      <ErcsHosts />
      <button type="button" className="primary" disabled={busy || !hasHost} onClick={() => void appStore.getState().runPreflight()}>
        {t('preflight.run')}
      </button>
      {report && (
        <ul className="checks" aria-label={t('preflight.results')} data-testid="preflight">
          {report.checks.map((c) => (
            <li key={c.id} className={c.ok ? 'check-ok' : c.unknown ? 'check-unknown' : 'check-fail'}>
              <span className="check-mark" aria-hidden="true">
                {c.ok ? '✓' : c.unknown ? '?' : '✗'}
              </span>
              <div>
                <strong>{c.title}</strong> <span className="sr-only">{t(c.ok ? 'preflight.passed' : c.unknown ? 'preflight.unknown' : 'preflight.failed')}</span>
                <p className="muted">{c.detail}</p>
                {c.fix && (
                  <p>
                    {t('preflight.fix')} <code className="fix">{c.fix}</code> <CopyButton value={c.fix} what={t('preflight.fix')} />
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {report && !report.ok && <p className="notice">{t('preflight.someFailed')}</p>}
    </>
  );
}
