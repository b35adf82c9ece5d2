import { useTranslation } from '../i18n';
import { CopyButton } from './copy-button';

type Row = [label: string, value: string | number | boolean | undefined, testId?: string, copy?: 'copy'];

/** A definition list that skips unknown values. */
export function Facts({ rows, label }: { rows: Row[]; label: string }) {
  const { t } = useTranslation();
  const show = (v: Row[1]): string => (typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : String(v));
  return (
    <dl className="facts" aria-label={label}>
      {rows
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v, testId, copy]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>
              <span data-testid={testId}>{show(v)}</span>
              {copy && <CopyButton value={show(v)} what={k} />}
            </dd>
          </div>
        ))}
    </dl>
  );
}
