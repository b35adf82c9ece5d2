import { useTranslation } from '../i18n';
import type { Scope } from '../store';
import { useApp } from '../store';

/** "Connecting to the privileged endpoint…" while a call of this scope runs. */
export function BusyNote({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const label = useApp((s) => s.busy[scope]);
  return (
    <p className="busy" role="status" aria-live="polite">
      {label ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('common.busy', { what: t(label) })}
        </>
      ) : null}
    </p>
  );
}
