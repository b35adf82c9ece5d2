import { Facts } from '../../components/facts';
import { appStore, useApp } from '../../store';

/** The open session: which ERCS answered, the stamp behind it, and notices such as failover. */
export function PepSession() {
  const host = useApp((s) => s.stamp.host);
  const info = useApp((s) => s.stamp.info);
  const notices = useApp((s) => s.stamp.notices);
  if (!host || !info) return null;
  return (
    <div className="session">
      <p className="ok-line">
        Connected to the privileged endpoint at <strong>{host}</strong>.
      </p>
      <Facts
        label="Stamp"
        rows={[
          ['Cloud ID', info.cloudId, 'stamp-cloud-id'],
          ['Stamp version', info.stampVersion],
          ['Region', info.regionName],
          ['Nodes', info.numberOfNodes],
          ['External domain', info.externalDomainFqdn],
          ['Identity', info.identitySystem],
        ]}
      />
      {notices.map((n) => (
        <p key={n} className="notice" data-testid="pep-notice">
          {n}
        </p>
      ))}
      <CloseSession />
    </div>
  );
}

/** Closes the privileged-endpoint session, or says it is closed and where its transcripts went. */
export function CloseSession() {
  const open = useApp((s) => s.stamp.sessionId !== undefined);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const notices = useApp((s) => s.stamp.notices);
  if (!open) {
    return (
      <div className="ok-box" role="status" data-testid="session-closed">
        <p>The privileged-endpoint session is closed.</p>
        {notices.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
    );
  }
  return (
    <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().disconnect()}>
      Close the session
    </button>
  );
}
