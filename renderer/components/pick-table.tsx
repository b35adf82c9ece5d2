import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

export type PickColumn<T> = { title: string; cell: (item: T) => ReactNode; className?: string };

type Props<T> = {
  items: readonly T[];
  columns: readonly PickColumn<T>[];
  keyOf: (item: T) => string;
  /** What the button's accessible label names. */
  nameOf: (item: T) => string;
  current: (item: T) => boolean;
  /** Button text, e.g. "Choose". */
  action: string;
  onPick: (item: T) => void;
  disabled?: boolean;
  caption?: string;
  className?: string;
  testId?: string;
};

/** A table of items, the current one marked, each with a button that picks it. */
export function PickTable<T>({ items, columns, keyOf, nameOf, current, action, onPick, disabled, caption, className, testId }: Props<T>) {
  const { t } = useTranslation();
  return (
    <table className={className} data-testid={testId}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} scope="col">
              {c.title}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{t('common.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={keyOf(item)} className={current(item) ? 'row-current' : undefined}>
            {columns.map((c) => (
              <td key={c.title} className={c.className}>
                {c.cell(item)}
              </td>
            ))}
            <td>
              <button type="button" className="secondary" disabled={disabled} onClick={() => onPick(item)} aria-label={t('common.actionOn', { action, name: nameOf(item) })}>
                {action}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
