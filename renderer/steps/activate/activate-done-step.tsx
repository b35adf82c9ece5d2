import { activateScript } from '../../../shared/domain/powershell-script';
import { SaveRecord } from '../../components/save-record';
import { ScriptBox } from '../../components/script-box';
import { useTranslation } from '../../i18n';
import { useApp } from '../../store';
import { CloseSession } from '../stamp/pep-session';

export function ActivateDoneStep() {
  const { t } = useTranslation();
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  const stamp = useApp((s) => s.stamp);
  const keyFile = useApp((s) => s.act.fileName);
  const handoffId = useApp((s) => s.act.handoffId);
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
      <SaveRecord handoffId={handoffId} />
      <ScriptBox leg="activate" script={activateScript({ ercs: stamp.host ?? stamp.hosts[0] ?? '', user: stamp.user, keyFile: keyFile ?? 'activation-key.txt' })} />
    </>
  );
}
