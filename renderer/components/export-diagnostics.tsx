import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { BusyNote } from './busy-note';
import { ScopeProblem } from './scope-problem';

/** Export diagnostics (About screen; the Help menu starts it here too): one zip, never a secret. */
export function ExportDiagnostics() {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.records !== undefined);
  const saved = useApp((s) => s.records.diagnostics);
  return (
    <section aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h3 id="diagnostics-title">{t('records.diagnosticsTitle')}</h3>
      <p className="hint">{t('records.diagnosticsWhat')}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().exportDiagnostics()} data-testid="export-diagnostics">
        {t('records.exportDiagnostics')}
      </button>
      <BusyNote scope="records" />
      {saved && (
        <p className="ok-box" role="status" data-testid="diagnostics-saved" data-path={saved.path}>
          {t('records.exported', { path: saved.path })}
        </p>
      )}
      <ScopeProblem scope="records" />
    </section>
  );
}
