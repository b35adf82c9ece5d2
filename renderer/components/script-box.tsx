import type { ScriptLeg } from '../../shared/domain/powershell-script';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { CopyButton } from './copy-button';
import { SaveOutcome } from './save-record';

/** The equivalent PowerShell of a leg, to copy or save as a .ps1 for a change board or to do a step by hand. */
export function ScriptBox({ script, leg }: { script: string; leg: ScriptLeg }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.records !== undefined);
  const mine = useApp((s) => s.records.script?.leg === leg);
  const saved = useApp((s) => s.records.script?.saved);
  return (
    <details className="script-box" data-testid="script">
      <summary>{t('script.summary')}</summary>
      <p className="hint">{t('script.hint')}</p>
      {/* Focusable: a long line scrolls, and the keyboard must reach it. */}
      <pre tabIndex={0}>
        <code>{script}</code>
      </pre>
      <CopyButton value={script} what={t('script.summary')} />
      {/* Main's dialog chooses where; the renderer never sends a path. */}
      <button type="button" className="secondary script-save" disabled={busy} onClick={() => void appStore.getState().saveScript(leg, script)}>
        {t('scriptFile.save')}
      </button>
      {mine && <SaveOutcome saved={saved} testId="script-saved" text={saved && t('scriptFile.saved', { path: saved.path })} />}
    </details>
  );
}
