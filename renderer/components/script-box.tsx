import { useTranslation } from '../i18n';
import { CopyButton } from './copy-button';

/** The equivalent PowerShell of a leg, to copy for a change board or to do a step by hand. */
export function ScriptBox({ script }: { script: string }) {
  const { t } = useTranslation();
  return (
    <details className="script-box" data-testid="script">
      <summary>{t('script.summary')}</summary>
      <p className="hint">{t('script.hint')}</p>
      {/* Focusable: a long line scrolls, and the keyboard must reach it. */}
      <pre tabIndex={0}>
        <code>{script}</code>
      </pre>
      <CopyButton value={script} what={t('script.summary')} />
    </details>
  );
}
