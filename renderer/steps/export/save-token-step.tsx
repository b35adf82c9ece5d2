import { DrivePicker } from '../../components/drive-picker';
import { Fingerprint } from '../../components/fingerprint';
import { appStore, useApp } from '../../store';
import { SavedFileNote } from '../saved-file';

/** Writes the token and its metadata to the removable drive and reads both back. */
export function SaveTokenStep() {
  const driveId = useApp((s) => s.exp.driveId);
  const saved = useApp((s) => s.exp.saved);
  const canSave = useApp((s) => s.exp.handoffId !== undefined && s.exp.driveId !== undefined && s.busy.export === undefined);
  return (
    <>
      <DrivePicker selected={driveId} onSelect={(id) => appStore.getState().setExportDrive(id)} purpose="Drive to carry the token" />
      <button type="button" className="primary" disabled={!canSave} onClick={() => void appStore.getState().saveToken()}>
        Save the token to this drive
      </button>
      {saved && (
        <>
          <SavedFileNote saved={saved} what="Registration token" />
          <Fingerprint label="Token fingerprint" value={saved.fingerprint} testId="saved-token-fingerprint" />
        </>
      )}
    </>
  );
}
