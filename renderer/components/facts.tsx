type Row = [label: string, value: string | number | boolean | undefined, testId?: string];

const show = (v: Row[1]): string => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v));

/** A definition list that skips unknown values. */
export function Facts({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <dl className="facts" aria-label={label}>
      {rows
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v, testId]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd data-testid={testId}>{show(v)}</dd>
          </div>
        ))}
    </dl>
  );
}
