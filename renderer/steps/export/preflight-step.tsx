import { appStore, useApp } from '../../store';
import { ErcsHosts, useHostsReady } from '../stamp/ercs-hosts';

/** Checks PowerShell, language mode, execution policy, TrustedHosts and WinRM before any password is typed. */
export function PreflightStep() {
  const report = useApp((s) => s.stamp.preflight);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const hasHost = useHostsReady();
  return (
    <>
      <ErcsHosts />
      <button type="button" className="primary" disabled={busy || !hasHost} onClick={() => void appStore.getState().runPreflight()}>
        Run the connection check
      </button>
      {report && (
        <ul className="checks" aria-label="Connection check results" data-testid="preflight">
          {report.checks.map((c) => (
            <li key={c.id} className={c.ok ? 'check-ok' : c.unknown ? 'check-unknown' : 'check-fail'}>
              <span className="check-mark" aria-hidden="true">
                {c.ok ? '✓' : c.unknown ? '?' : '✗'}
              </span>
              <div>
                <strong>{c.title}</strong> <span className="sr-only">{c.ok ? 'passed' : c.unknown ? 'unknown' : 'failed'}</span>
                <p className="muted">{c.detail}</p>
                {c.fix && (
                  <p>
                    To fix: <code className="fix">{c.fix}</code>
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {report && !report.ok && (
        <p className="notice">Some checks failed or could not be made. Fix them first, or continue if another ERCS address is expected to answer.</p>
      )}
    </>
  );
}
