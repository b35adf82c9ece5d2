import type { Problem } from '../../shared/contract';

type Props = { problem: Problem; onDismiss?: () => void };

/** What went wrong, what to do, and the raw text one click away. */
export function ProblemBox({ problem, onDismiss }: Props) {
  return (
    <div className="problem" role="alert" data-testid="problem" data-code={problem.code}>
      <p className="problem-message">{problem.message}</p>
      {problem.action && <p className="problem-action">{problem.action}</p>}
      {(problem.detail || problem.reference) && (
        <details className="problem-detail">
          <summary>Show details</summary>
          {problem.reference && <p>Reference: <code>{problem.reference}</code></p>}
          {problem.detail && <pre>{problem.detail}</pre>}
        </details>
      )}
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
