import { registerScript } from '../../../shared/domain/powershell-script';
import { Fingerprint } from '../../components/fingerprint';
import { SaveRecord } from '../../components/save-record';
import { ScriptBox } from '../../components/script-box';
import { useTranslation } from '../../i18n';
import { useApp } from '../../store';

export function RegisterDoneStep() {
  const { t } = useTranslation();
  const saved = useApp((s) => s.reg.saved);
  const name = useApp((s) => s.reg.registrationName);
  const reg = useApp((s) => s.reg);
  return (
    <>
      {saved && <Fingerprint label={t('facts.keyFingerprint')} value={saved.fingerprint} testId="done-key-fingerprint" />}
      <h3>{t('common.whatNext')}</h3>
      <ol className="next-steps">
        <li>{t('register.done.keepName', { name })}</li>
        <li>{t('register.done.eject')}</li>
        <li>{t('register.done.activate', { file: saved?.fileName ?? t('register.done.keyFile') })}</li>
        <li>{t('register.done.close')}</li>
      </ol>
      <SaveRecord handoffId={reg.handoffId} />
      <ScriptBox
        leg="register"
        script={registerScript({
          cloud: reg.cloud,
          subscriptionId: reg.subscriptionId ?? '',
          tokenFile: reg.fileName ?? 'registration-token.txt',
          registrationName: reg.registrationName,
          resourceGroup: reg.resourceGroup,
          location: reg.location,
          keyFile: saved?.path ?? 'activation-key.txt',
        })}
      />
    </>
  );
}
