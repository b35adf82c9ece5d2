import { useEffect } from 'react';
import { DrivePicker } from '../../components/drive-picker';
import { Facts } from '../../components/facts';
import { FileList } from '../../components/file-list';
import { Fingerprint } from '../../components/fingerprint';
import { appStore, useApp } from '../../store';
import { KeyMatchBox } from './key-match-box';

const expiry = (iso?: string) => (iso === undefined ? 'Never' : new Date(iso).getUTCFullYear() >= 9999 ? 'Never (9999-12-30)' : iso);

/** Reads the activation key from the USB stick and checks it against this stamp. */
export function KeyStep() {
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
      <DrivePicker selected={act.driveId} onSelect={(id) => void appStore.getState().setActivateDrive(id)} purpose="Drive with the activation key" />
      {act.driveId && (
        <FileList
          files={act.files.filter((f) => f.kind !== 'token')}
          current={act.fileName}
          disabled={busy}
          action="Read key"
          onPick={(name) => void appStore.getState().readKey(name)}
          onRefresh={() => act.driveId && void appStore.getState().setActivateDrive(act.driveId)}
        />
      )}
      {read && (
        <div className="result" data-testid="stamp-key">
          <Fingerprint label="Activation key fingerprint" value={read.key.fingerprint} testId="stamp-key-fingerprint" />
          <Facts
            label="Activation key"
            rows={[
              ['Cloud ID', read.key.summary.cloudId, 'stamp-key-cloud-id'],
              ['Registration name', read.key.summary.registrationName],
              ['Subscription', read.key.summary.subscriptionId],
              ['Resource group', read.key.summary.resourceGroupName],
              ['Billing model', read.key.summary.billingModel],
              ['Usage reporting', read.key.summary.usageReportingEnabled],
              ['Hosts', read.key.summary.hostCount],
              ['Expires', expiry(read.key.summary.expires)],
              ['Practice key', read.key.summary.practice],
            ]}
          />
          <KeyMatchBox match={read.match} />
        </div>
      )}
      {!read && handoff?.keyFingerprint && (
        <p className="hint">
          Key {handoff.keyFingerprint} was read earlier. Read it again to check it against the stamp before activating.
        </p>
      )}
    </>
  );
}
