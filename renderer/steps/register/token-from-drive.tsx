import { useEffect } from 'react';
import { DrivePicker } from '../../components/drive-picker';
import { FileList } from '../../components/file-list';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

export function TokenFromDrive() {
  const { t } = useTranslation();
  const driveId = useApp((s) => s.reg.driveId);
  const files = useApp((s) => s.reg.files);
  const current = useApp((s) => s.reg.fileName);
  const busy = useApp((s) => s.busy.register !== undefined);
  useEffect(() => {
    // The file list is not kept across reloads; the chosen drive is.
    const { driveId: saved, files: listed } = appStore.getState().reg;
    if (saved && listed.length === 0) void appStore.getState().setRegisterDrive(saved);
  }, []);
  return (
    <>
      <DrivePicker selected={driveId} onSelect={(id) => void appStore.getState().setRegisterDrive(id)} purpose={t('register.token.drive')} />
      {driveId && (
        <FileList
          files={files.filter((f) => f.kind !== 'key')}
          current={current}
          disabled={busy}
          action={t('register.token.read')}
          onPick={(name) => void appStore.getState().readToken(name)}
          onRefresh={() => void appStore.getState().setRegisterDrive(driveId)}
        />
      )}
    </>
  );
}
