import { Facts } from '../../components/facts';
import { useApp } from '../../store';

/** Everything Get-AzureStackStampInformation returned that matters for registration. */
export function StampStep() {
  const info = useApp((s) => s.stamp.info);
  const notices = useApp((s) => s.stamp.notices);
  const host = useApp((s) => s.stamp.host);
  if (!info) return <p className="notice">Connect to the privileged endpoint to read the stamp information.</p>;
  return (
    <>
      <Facts
        label="Stamp information"
        rows={[
          ['Cloud ID', info.cloudId, 'stamp-cloud-id'],
          ['Stamp version', info.stampVersion],
          ['Deployment ID', info.deploymentId],
          ['OEM version', info.oemVersion],
          ['Region', info.regionName],
          ['Nodes', info.numberOfNodes],
          ['External domain', info.externalDomainFqdn],
          ['Domain', info.domainFqdn],
          ['Identity system', info.identitySystem],
          ['Answered through', host],
        ]}
      />
      {notices.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
    </>
  );
}
