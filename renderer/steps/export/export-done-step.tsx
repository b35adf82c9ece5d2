import { Fingerprint } from '../../components/fingerprint';
import { useApp } from '../../store';

/** The hand-off to the connected host, in plain steps. */
export function ExportDoneStep() {
  const saved = useApp((s) => s.exp.saved);
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  return (
    <>
      {saved && <Fingerprint label="Token fingerprint" value={saved.fingerprint} testId="done-token-fingerprint" />}
      <h3>What to do next</h3>
      <ol className="next-steps">
        <li>Safely eject the USB stick and carry it to the internet-connected host.</li>
        <li>
          On that host, open AzS Registrar, choose <strong>Connected host</strong> and <strong>Register in Azure</strong>.
        </li>
        <li>
          Import <code>{saved?.fileName ?? 'the token file'}</code> and check that it shows cloud ID <code>{cloudId}</code> and the
          fingerprint above.
        </li>
        <li>Bring the activation key back on the same stick, then choose <strong>Activate the stamp</strong> here.</li>
      </ol>
    </>
  );
}
