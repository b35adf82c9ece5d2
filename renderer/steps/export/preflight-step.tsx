import { CopyButton } from '../../components/copy-button';
import type { Problem } from '../../../shared/contract/problems';
import { ProblemDetails, problemWords } from '../../components/problem-box';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { ErcsHosts, useHostsReady } from '../stamp/ercs-hosts';

/** Why a check could not run, and what to do, in the UI language (main's English under the details). */
function CheckProblem({ problem }: { problem: Problem }) {
  const { translated, message, action } = problemWords(problem);
  return (
    <>
      <p>
        {message} {action}
      </p>
      <ProblemDetails problem={problem} translated={translated} />
    </>
  );
}

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
                <strong>{say(c.title)}</strong> <span className="sr-only">{t(c.ok ? 'preflight.passed' : c.unknown ? 'preflight.unknown' : 'preflight.failed')}</span>
                <p className="muted">{[c.detail, ...(c.more ?? [])].map(say).join(' ')}</p>
                {c.problem && <CheckProblem problem={c.problem} />}
                {c.fix && (
                  <p>
                    {t('preflight.fix')} <code className="fix">{c.fix}</code> <CopyButton value={c.fix} what={t('preflight.fix')} />
                  </p>
                )}
                {c.step && <p>{say(c.step)}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {report && !report.ok && <p className="notice">{t('preflight.someFailed')}</p>}
    </>
  );
}
