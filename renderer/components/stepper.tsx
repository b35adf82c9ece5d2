type Props<S extends string> = { steps: readonly S[]; current: S; titles: Record<S, string>; label: string };

/** Where the operator is in the flow. Past steps are done; there is no skipping ahead. */
export function Stepper<S extends string>({ steps, current, titles, label }: Props<S>) {
  const at = steps.indexOf(current);
  return (
    <ol className="stepper" aria-label={label}>
      {steps.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'stepper-done' : i === at ? 'stepper-current' : 'stepper-todo'}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="stepper-number" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          <span className="stepper-title">{titles[s]}</span>
        </li>
      ))}
    </ol>
  );
}
