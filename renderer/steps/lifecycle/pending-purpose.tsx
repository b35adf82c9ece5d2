import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** Export leg, before its token exists: the purpose the new hand-off will carry, and the way back to a first registration. */
export function PendingPurpose() {
  const { t } = useTranslation();
  const purpose = useApp((s) => s.life.exportPurpose);
  const tokenMade = useApp((s) => s.exp.handoffId !== undefined);
  if (!purpose || tokenMade) return null;
  return (
    <div className="notice" role="note" data-testid="pending-purpose">
      <p>
        {t('lifecycle.pending', { purpose: t(`lifecycle.purposes.${purpose}`) })}
      </p>
      <button type="button" className="link-button" onClick={() => appStore.getState().setLife({ exportPurpose: undefined })}>
        {t('lifecycle.pendingClear')}
      </button>
    </div>
  );
}
