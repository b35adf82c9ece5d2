type Props<S extends string> = {
  steps: readonly S[];
  current: S;
  /** Steps whose facts still hold: shown with ✓ and reachable in one click. */
  done: readonly boolean[];
  titles: Record<S, string>;
  label: string;
  go: (step: S) => void;
};

/** Where the operator is in the flow. Done steps can be revisited; there is no skipping ahead. */
export function Stepper<S extends string>({ steps, current, done, titles, label, go }: Props<S>) {
  const at = steps.indexOf(current);
  return (
    <ol className="stepper" aria-label={label}>
      {steps.map((s, i) => {
        const isDone = done[i] === true;
        const state = isDone ? 'stepper-done' : i === at ? 'stepper-current' : 'stepper-todo';
        const body = (
          <>
            <span className="stepper-number" aria-hidden="true">
              {isDone ? '✓' : i + 1}
            </span>
            <span className="stepper-title">{titles[s]}</span>
          </>
        );
        return (
          <li key={s} className={state} aria-current={i === at ? 'step' : undefined} data-done={isDone}>
            {isDone ? (
              <button type="button" className="stepper-link" onClick={() => go(s)} title={titles[s]}>
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ol>
  );
}
