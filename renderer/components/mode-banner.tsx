import { useState } from 'react';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';
import { ConfirmDialog } from './confirm-dialog';

/** Always visible: the operator must never confuse a rehearsal with the production stamp. */
export function ModeBanner() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const [asking, setAsking] = useState(false);
  if (!info) {
    return (
      <section className="mode-banner mode-unknown" data-testid="mode-banner" aria-label={t('mode.label')}>
        {t('mode.starting')}
      </section>
    );
  }
  const practice = info.mode === 'practice';
  const other = practice ? 'live' : 'practice';
  return (
    <section className={practice ? 'mode-banner mode-practice' : 'mode-banner mode-live'} data-testid="mode-banner" aria-label={t('mode.label')}>
      <strong>{t(`mode.${info.mode}.title`)}</strong>
      <span>{t(`mode.${info.mode}.what`)}</span>
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        {t(`mode.switchTo.${other}`)}
      </button>
      <ConfirmDialog
        open={asking}
        title={t(`mode.ask.${other}`)}
        confirmLabel={t(`mode.switchTo.${other}`)}
        cancelLabel={t(`mode.stay.${info.mode}`)}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void appStore.getState().setMode(other);
        }}
      >
        <p>{t('mode.askWhat')}</p>
      </ConfirmDialog>
    </section>
  );
}
