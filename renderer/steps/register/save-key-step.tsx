import { DrivePicker } from '../../components/drive-picker';
import { Fingerprint } from '../../components/fingerprint';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { SavedFileNote } from '../saved-file';

/** Writes the activation key to the USB stick and reads it back. */
export function SaveKeyStep() {
  const { t } = useTranslation();
  const driveId = useApp((s) => s.reg.driveId);
  const saved = useApp((s) => s.reg.saved);
  const canSave = useApp((s) => s.reg.handoffId !== undefined && s.reg.driveId !== undefined && s.busy.register === undefined);
  return (
    <>
      <DrivePicker selected={driveId} onSelect={(id) => void appStore.getState().setRegisterDrive(id)} purpose={t('register.save.drive')} />
      <button type="button" className="primary" disabled={!canSave} onClick={() => void appStore.getState().saveKey()}>
        {t('register.save.button')}
      </button>
      {saved && (
        <>
          <SavedFileNote saved={saved} what={t('files.kinds.key')} />
          <Fingerprint label={t('facts.keyFingerprint')} value={saved.fingerprint} testId="saved-key-fingerprint" />
        </>
      )}
    </>
  );
}
