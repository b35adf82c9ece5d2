import { useEffect } from 'react';
import { DrivePicker } from '../../components/drive-picker';
import { Facts } from '../../components/facts';
import { FileList } from '../../components/file-list';
import { Fingerprint } from '../../components/fingerprint';
import { useTranslation } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { appStore, useApp } from '../../store';
import { AwaitedKey } from '../../components/key-expected';
import { KeyMatchBox } from './key-match-box';


/** Reads the activation key from the USB stick and checks it against this stamp. */
export function KeyStep() {
  const { t } = useTranslation();
  const expiry = (iso?: string) => (iso === undefined || new Date(iso).getUTCFullYear() >= 9999 ? t('key.never') : formatDateTime(iso));
  const act = useApp((s) => s.act);
  const busy = useApp((s) => s.busy.activate !== undefined);
  const handoff = useApp((s) => s.handoffs.find((h) => h.id === s.act.handoffId));
  const read = act.key;
  useEffect(() => {
    // The file list is not kept across reloads; the chosen drive is.
    const { driveId: saved, files: listed } = appStore.getState().act;
    if (saved && listed.length === 0) void appStore.getState().setActivateDrive(saved);
  }, []);
  return (
    <>
      <AwaitedKey />
      <DrivePicker selected={act.driveId} onSelect={(id) => void appStore.getState().setActivateDrive(id)} purpose={t('key.drive')} />
      {act.driveId && (
        <FileList
          files={act.files.filter((f) => f.kind !== 'token')}
          current={act.fileName}
          disabled={busy}
          action={t('key.read')}
          onPick={(name) => void appStore.getState().readKey(name)}
          onRefresh={() => act.driveId && void appStore.getState().setActivateDrive(act.driveId)}
        />
      )}
      {read && (
        <div className="result" data-testid="stamp-key">
          <Fingerprint label={t('facts.keyFingerprint')} value={read.key.fingerprint} testId="stamp-key-fingerprint" />
          <Facts
            label={t('files.kinds.key')}
            rows={[
              [t('facts.cloudId'), read.key.summary.cloudId, 'stamp-key-cloud-id', 'copy'],
              [t('facts.registrationName'), read.key.summary.registrationName],
              [t('facts.subscription'), read.key.summary.subscriptionId],
              [t('facts.resourceGroup'), read.key.summary.resourceGroupName],
              [t('facts.billingModel'), read.key.summary.billingModel],
              [t('facts.usageReporting'), read.key.summary.usageReportingEnabled],
              [t('facts.hosts'), read.key.summary.hostCount],
              [t('facts.expires'), expiry(read.key.summary.expires)],
              [t('facts.practiceKey'), read.key.summary.practice],
            ]}
          />
          <KeyMatchBox match={read.match} />
        </div>
      )}
      {!read && handoff?.keyFingerprint && (
        <p className="hint">{t('key.readEarlier', { fingerprint: handoff.keyFingerprint })}</p>
      )}
    </>
  );
}
