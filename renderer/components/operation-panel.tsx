import type { OperationStatus } from '../../shared/contract';
import { appStore, useApp } from '../store';
import { formatElapsed } from './elapsed';
import { ProblemBox } from './problem-box';
import { useNow } from './use-now';

const STATUS: Record<OperationStatus, string> = {
  running: 'Running',
  cancelling: 'Cancelling',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'outcome-unknown': 'Outcome unknown',
  interrupted: 'Interrupted',
};

const NOTE: Partial<Record<OperationStatus, string>> = {
  'outcome-unknown':
    'The system may have carried on after AzS Registrar stopped listening. Check its state before trying again.',
  interrupted: 'AzS Registrar closed while this ran. Check the result on the system before trying again.',
};

type Props = { operationId: string; title: string };

/** Live progress of one long operation: phase, percent, log, elapsed time and cancel. */
export function OperationPanel({ operationId, title }: Props) {
  const op = useApp((s) => s.ops[operationId]);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const now = useNow(running);
  if (!op) return <p className="busy">Waiting for the operation to report…</p>;
  const last = op.lastProgress;
  const outcome = op.finished?.outcome;
  return (
    <section className="operation" aria-label={title} data-testid="operation" data-status={op.status}>
      <div className="operation-head">
        <strong>{title}</strong>
        <span className={`status status-${op.status}`} data-testid="operation-status">
          {STATUS[op.status]}
        </span>
        {running && (
          <span className="elapsed" data-testid="elapsed" aria-label="Elapsed time">
            {formatElapsed(op.startedAt, now)}
          </span>
        )}
      </div>
      {running && (
        <progress max={100} value={last?.percent} aria-label={`${title} progress`}>
          {last?.percent ?? ''}
        </progress>
      )}
      {last && running && <p className="operation-phase">{last.message}</p>}
      {op.log.length > 0 && (
        <ol className="operation-log" aria-live="polite">
          {op.log.slice(-8).map((l) => (
            <li key={l.seq} className={`log-${l.level}`}>
              <span className="log-phase">{l.phase}</span> {l.message}
            </li>
          ))}
        </ol>
      )}
      {NOTE[op.status] && <p className="notice">{NOTE[op.status]}</p>}
      {outcome && !outcome.ok && <ProblemBox problem={outcome.problem} />}
      {op.cancellable && running && (
        <button type="button" className="secondary" onClick={() => void appStore.getState().cancelOperation(operationId)}>
          Cancel
        </button>
      )}
    </section>
  );
}
