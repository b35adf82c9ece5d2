import { DrivePicker } from '../../components/drive-picker';
import { Fingerprint } from '../../components/fingerprint';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { SavedFileNote } from '../saved-file';

/** Writes the token and its metadata to the removable drive and reads both back. */
export function SaveTokenStep() {
  const { t } = useTranslation();
  const driveId = useApp((s) => s.exp.driveId);
  const saved = useApp((s) => s.exp.saved);
  const canSave = useApp((s) => s.exp.handoffId !== undefined && s.exp.driveId !== undefined && s.busy.export === undefined);
  return (
    <>
      <DrivePicker selected={driveId} onSelect={(id) => appStore.getState().setExportDrive(id)} purpose={t('export.save.drive')} />
      <button type="button" className="primary" disabled={!canSave} onClick={() => void appStore.getState().saveToken()}>
        {t('export.save.button')}
      </button>
      {saved && (
        <>
          <SavedFileNote saved={saved} what={t('files.kinds.token')} />
          <Fingerprint label={t('facts.tokenFingerprint')} value={saved.fingerprint} testId="saved-token-fingerprint" />
        </>
      )}
    </>
  );
}
