import { useApp } from '../../store';
import { CloseSession } from '../stamp/pep-session';

export function ActivateDoneStep() {
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  return (
    <>
      <p className="ok-line">
        Registration of stamp <code>{cloudId}</code> is complete.
      </p>
      <h3>What to do next</h3>
      <ol className="next-steps">
        <li>
          Close the privileged-endpoint session so its transcripts are handled:
          <CloseSession />
        </li>
        <li>
          In the administrator portal, the region's properties show the registration. Keep the USB stick's files with your
          records.
        </li>
        <li>
          When the capacity agreement renews, the billing model changes or nodes are added, register again: remove the
          activation here, unregister on the connected host, then repeat the three legs.
        </li>
      </ol>
    </>
  );
}
