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
        {/* Drawn, not a font glyph: ⧉ is missing from many system fonts. */}
        <svg className="copy-icon" aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="5.5" y="5.5" width="8.5" height="8.5" rx="1.5" />
          <path d="M10.5 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v6.5a1 1 0 0 0 1 1h.5" />
        </svg>{' '}
        {t('copy.button')}
      </button>
      <span className="copy-state" role="status">
        {state === 'idle' ? '' : t(`copy.${state}`)}
      </span>
    </>
  );
}
