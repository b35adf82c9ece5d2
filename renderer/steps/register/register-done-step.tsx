import { Fingerprint } from '../../components/fingerprint';
import { useApp } from '../../store';

export function RegisterDoneStep() {
  const saved = useApp((s) => s.reg.saved);
  const name = useApp((s) => s.reg.registrationName);
  return (
    <>
      {saved && <Fingerprint label="Activation key fingerprint" value={saved.fingerprint} testId="done-key-fingerprint" />}
      <h3>What to do next</h3>
      <ol className="next-steps">
        <li>
          Keep the registration name <code>{name}</code>: you need it to renew, change or remove the registration.
        </li>
        <li>Safely eject the USB stick and carry it back to the machine that reaches the stamp's privileged endpoint.</li>
        <li>
          There, choose <strong>Stamp side</strong> and <strong>Activate the stamp</strong>, import{' '}
          <code>{saved?.fileName ?? 'the key file'}</code> and check the fingerprint above.
        </li>
        <li>
          Once the stamp is activated, open <strong>Hand-offs</strong> here and close this hand-off. Until then this
          machine keeps the token and the key, so you can write the key again if the stick is lost.
        </li>
      </ol>
    </>
  );
}
