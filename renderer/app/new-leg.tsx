import { useEffect } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { inProgress } from '../store/nav-slice';
import type { Leg } from '../store/types';

/** Ctrl+Shift+E / Ctrl+Shift+R (⌘ on macOS); the File menu shows them (electron/main/menu.ts). */
const SHORTCUTS: Record<string, Leg> = { KeyE: 'export', KeyR: 'register' };
const KEYS: Record<Leg, string> = { export: 'Control+Shift+E', register: 'Control+Shift+R' };

/** The window's shortcuts for a new leg, wherever focus is. */
export const useNewLegShortcuts = (): void => {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const leg = SHORTCUTS[e.code];
      if (!leg || !(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return;
      e.preventDefault();
      appStore.getState().startNew(leg);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};

/** "New export" and "New registration", in the side navigation on every screen. */
export function NewLegButtons() {
  const { t } = useTranslation();
  return (
    <div className="new-legs" role="group" aria-label={t('navigation.newLabel')}>
      {(['export', 'register'] as const).map((leg) => (
        <button
          key={leg}
          type="button"
          className="secondary"
          aria-keyshortcuts={KEYS[leg]}
          title={t('navigation.shortcut', { keys: KEYS[leg].replace('Control', 'Ctrl') })}
          onClick={() => appStore.getState().startNew(leg)}
          data-testid={`new-${leg}`}
        >
          {t(`navigation.new.${leg}`)}
        </button>
      ))}
    </div>
  );
}

/** Asks before a new leg replaces one in progress, saying what becomes of the current hand-off. */
export function NewLegDialog() {
  const { t } = useTranslation();
  const leg = useApp((s) => s.pendingNew);
  // Plain values from the selectors: a new object each time would re-render without end.
  const handoffId = useApp((s) => (s.pendingNew ? inProgress(s, s.pendingNew)?.handoff?.id : undefined));
  const running = useApp((s) => (s.pendingNew ? inProgress(s, s.pendingNew)?.running === true : false));
  const h = useApp((s) => s.handoffs.find((x) => x.id === handoffId));
  const keeps = h?.keyFingerprint ? t('navigation.keepsBoth') : t('navigation.keepsToken');
  return (
    <ConfirmDialog
      open={leg !== null}
      titleId="new-leg-title"
      title={t(`navigation.ask.${leg ?? 'export'}`)}
      confirmLabel={t(`navigation.new.${leg ?? 'export'}`)}
      cancelLabel={t('navigation.keepCurrent')}
      onConfirm={() => appStore.getState().confirmNew()}
      onCancel={() => appStore.getState().cancelNew()}
    >
      {h && (
        <p data-testid="new-leg-current">
          {t('navigation.current', { cloudId: h.cloudId, stage: t(`stages.${h.stage}`) })} {keeps}{' '}
          {t(leg === 'register' ? 'navigation.resumeHost' : h.stage === 'token-created' ? 'navigation.resumeUnsaved' : 'navigation.resumeStamp')}
        </p>
      )}
      {running && <p>{t('navigation.running')}</p>}
    </ConfirmDialog>
  );
}
