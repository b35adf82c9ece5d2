import { Fingerprint } from '../../components/fingerprint';
import { useTranslation } from '../../i18n';
import { useApp } from '../../store';

/** The hand-off to the connected host, in plain steps. */
export function ExportDoneStep() {
  const { t } = useTranslation();
  const saved = useApp((s) => s.exp.saved);
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  return (
    <>
      {saved && <Fingerprint label={t('facts.tokenFingerprint')} value={saved.fingerprint} testId="done-token-fingerprint" />}
      <h3>{t('common.whatNext')}</h3>
      <ol className="next-steps">
        <li>{t('export.done.eject')}</li>
        <li>{t('export.done.open')}</li>
        <li>{t('export.done.import', { file: saved?.fileName ?? t('export.done.tokenFile'), cloudId: cloudId ?? '' })}</li>
        <li>{t('export.done.back')}</li>
      </ol>
    </>
  );
}
