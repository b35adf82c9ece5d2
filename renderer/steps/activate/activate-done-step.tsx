import { useTranslation } from '../../i18n';
import { useApp } from '../../store';
import { CloseSession } from '../stamp/pep-session';

export function ActivateDoneStep() {
  const { t } = useTranslation();
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  return (
    <>
      <p className="ok-line">{t('activate.done.complete', { cloudId: cloudId ?? '' })}</p>
      <h3>{t('common.whatNext')}</h3>
      <ol className="next-steps">
        <li>
          {t('activate.done.close')}
          <CloseSession />
        </li>
        <li>{t('activate.done.portal')}</li>
        <li>{t('activate.done.renew')}</li>
      </ol>
    </>
  );
}
