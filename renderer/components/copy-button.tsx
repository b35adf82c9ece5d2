import { useState } from 'react';
import { useTranslation } from '../i18n';

/** Copies a value (fingerprint, cloud ID, resource ID, command) to the clipboard and says so. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <>
      <button type="button" className="copy-button" onClick={() => void copy()} aria-label={t('copy.label', { what })}>
        <span aria-hidden="true">⧉</span> {t('copy.button')}
      </button>
      <span className="copy-state" role="status">
        {state === 'idle' ? '' : t(`copy.${state}`)}
      </span>
    </>
  );
}
