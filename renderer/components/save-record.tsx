import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { BusyNote } from './busy-note';
import { ProblemBox } from './problem-box';

/** What a save through main's dialog came to: busy, where it was saved, or why not. */
export function SaveOutcome({ saved, testId, text }: { saved: { path: string } | undefined; testId: string; text: string | undefined }) {
  const problem = useApp((s) => s.problems.records);
  return (
    <>
      <BusyNote scope="records" />
      {saved && (
        <p className="ok-box" role="status" data-testid={testId} data-path={saved.path}>
          {text}
        </p>
      )}
      {problem && <ProblemBox problem={problem} onDismiss={() => appStore.getState().dismissProblem('records')} />}
    </>
  );
}

/** "Save a printable record" of one hand-off: main prints it to PDF and saves it where the operator chooses. */
export function SaveRecord({ handoffId, compact = false }: { handoffId: string | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.records !== undefined);
  const mine = useApp((s) => handoffId !== undefined && s.records.handoffId === handoffId);
  const saved = useApp((s) => s.records.saved);
  if (!handoffId) return null;
  return (
    <div className="save-record" data-testid="save-record-box">
      <button type="button" className="secondary" disabled={busy} aria-describedby={compact ? undefined : `record-hint-${handoffId}`} onClick={() => void appStore.getState().saveRecord(handoffId)} data-testid="save-record">
        {t('records.save')}
      </button>
      {!compact && (
        <p className="hint" id={`record-hint-${handoffId}`}>
          {t('records.saveHint')}
        </p>
      )}
      {mine && <SaveOutcome saved={saved} testId="record-saved" text={saved && t('records.saved', { path: saved.path })} />}
    </div>
  );
}
