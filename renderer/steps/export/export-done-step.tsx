import { exportScript } from '../../../shared/domain/powershell-script';
import { Fingerprint } from '../../components/fingerprint';
import { SaveRecord } from '../../components/save-record';
import { ScriptBox } from '../../components/script-box';
import { useTranslation } from '../../i18n';
import { useApp } from '../../store';
import { ActivateButton } from '../../components/key-expected';

/** The hand-off to the connected host, in plain steps. */
export function ExportDoneStep() {
  const { t } = useTranslation();
  const saved = useApp((s) => s.exp.saved);
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  const stamp = useApp((s) => s.stamp);
  const choices = useApp((s) => s.exp.choices);
  const handoffId = useApp((s) => s.exp.handoffId);
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
      {handoffId && (
        <p className="next-leg">
          <ActivateButton handoffId={handoffId} label={t('navigation.activateWhenBack')} tone="secondary" />
        </p>
      )}
      <SaveRecord handoffId={handoffId} />
      <ScriptBox
        leg="export"
        script={exportScript({
          ercs: stamp.host ?? stamp.hosts[0] ?? '',
          user: stamp.user,
          billingModel: choices.billingModel,
          ...(choices.agreementNumber ? { agreementNumber: choices.agreementNumber } : {}),
          ...(choices.msAssetTag ? { msAssetTag: choices.msAssetTag } : {}),
          tokenFile: saved?.path ?? 'registration-token.txt',
        })}
      />
    </>
  );
}
