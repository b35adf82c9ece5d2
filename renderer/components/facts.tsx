import { useTranslation } from '../i18n';

type Row = [label: string, value: string | number | boolean | undefined, testId?: string];

/** A definition list that skips unknown values. */
export function Facts({ rows, label }: { rows: Row[]; label: string }) {
  const { t } = useTranslation();
  const show = (v: Row[1]): string => (typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : String(v));
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
