import { DrivePicker } from '../../components/drive-picker';
import { Fingerprint } from '../../components/fingerprint';
import { appStore, useApp } from '../../store';
import { SavedFileNote } from '../saved-file';

/** Writes the activation key to the USB stick and reads it back. */
export function SaveKeyStep() {
  const driveId = useApp((s) => s.reg.driveId);
  const saved = useApp((s) => s.reg.saved);
  const canSave = useApp((s) => s.reg.handoffId !== undefined && s.reg.driveId !== undefined && s.busy.register === undefined);
  return (
    <>
      <DrivePicker
        selected={driveId}
        onSelect={(id) => void appStore.getState().setRegisterDrive(id)}
        purpose="Drive to carry the activation key"
      />
      <button type="button" className="primary" disabled={!canSave} onClick={() => void appStore.getState().saveKey()}>
        Save the activation key to this drive
      </button>
      {saved && (
        <>
          <SavedFileNote saved={saved} what="Activation key" />
          <Fingerprint label="Activation key fingerprint" value={saved.fingerprint} testId="saved-key-fingerprint" />
        </>
      )}
    </>
  );
}
