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
      <button type="button" className="secondary" onClick={() => void appStore.getState().disconnect()}>
        Close the session
      </button>
    </div>
  );
}
