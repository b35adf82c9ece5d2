import type { OperationProgress } from '../../shared/contract';
import { say, useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { formatElapsed } from './elapsed';
import { ProblemBox } from './problem-box';
import { useNow } from './use-now';

/** A progress line in the UI language: our sentences are translated, the stamp's and Azure's own words pass as they are. */
const progressText = (p: OperationProgress): string => (p.said ? say(p.said) : p.message);

type Props = {
  operationId: string;
  title: string;
  /** Asks before cancelling (a 30-minute activation); cancels at once when left out. */
  onCancel?: () => void;
  /**
   * The screen around says itself, once, what an uncertain end (cancelled, outcome unknown, interrupted)
   * may mean and offers the check: the panel then adds no second note or problem.
   */
  uncertaintyExplained?: boolean;
};

/** Live progress of one long operation: phase, percent, log, elapsed time and cancel. */
export function OperationPanel({ operationId, title, onCancel, uncertaintyExplained = false }: Props) {
  const { t } = useTranslation();
  const op = useApp((s) => s.ops[operationId]);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const now = useNow(running);
  if (!op) return <p className="busy">{t('operation.waiting')}</p>;
  const last = op.lastProgress;
  const outcome = op.finished?.outcome;
  // Main's phase IDs (register.lock, key …) are named in words; unknown ones are left out.
  const phase = (id: string) => t(`phases.${id}`, { defaultValue: '' });
  const warnings = op.log.filter((l) => l.level === 'warning');
  const uncertain = uncertaintyExplained && (op.status === 'outcome-unknown' || op.status === 'interrupted' || op.status === 'cancelled');
  return (
    <section className="operation" aria-label={title} data-testid="operation" data-status={op.status}>
      <div className="operation-head">
        <strong>{title}</strong>
        <span className={`status status-${op.status}`} data-testid="operation-status">
          {t(`operation.status.${op.status}`)}
        </span>
        {running && (
          <span className="elapsed" data-testid="elapsed" aria-label={t('operation.elapsed')}>
            {formatElapsed(op.startedAt, now)}
          </span>
        )}
      </div>
      {running && (
        <progress max={100} value={last?.percent} aria-label={t('operation.progress', { title })}>
          {last?.percent ?? ''}
        </progress>
      )}
      {last && running && (
        <p className="operation-phase" data-testid="operation-phase">
          {phase(last.phase) && <strong>{phase(last.phase)}: </strong>}
          {progressText(last)}
        </p>
      )}
      {warnings.length > 0 && (
        <div className="warn-box" data-testid="operation-warnings">
          <p>
            <strong>{t('operation.warnings')}</strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.seq}>{progressText(w)}</li>
            ))}
          </ul>
        </div>
      )}
      {op.log.length > 0 && (
        <details className="operation-details">
          <summary>{t('operation.log', { count: op.log.length })}</summary>
          <ol className="operation-log">
            {op.log.slice(-50).map((l) => (
              <li key={l.seq} className={`log-${l.level}`}>
                {phase(l.phase) && <span className="log-phase">{phase(l.phase)}</span>} {progressText(l)}
              </li>
            ))}
          </ol>
        </details>
      )}
      {!uncertain && (op.status === 'outcome-unknown' || op.status === 'interrupted') && <p className="notice">{t(`operation.note.${op.status}`)}</p>}
      {!uncertain && outcome && !outcome.ok && <ProblemBox problem={outcome.problem} />}
      {op.cancellable && running && (
        <button type="button" className="secondary" onClick={onCancel ?? (() => void appStore.getState().cancelOperation(operationId))}>
          {t('common.cancel')}
        </button>
      )}
    </section>
  );
}
