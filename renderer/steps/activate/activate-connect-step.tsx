import { useApp } from '../../store';
import { ErcsHosts } from '../stamp/ercs-hosts';
import { PepConnectForm } from '../stamp/pep-connect-form';
import { PepSession } from '../stamp/pep-session';

/** Reuses the open privileged-endpoint session, or opens a new one. */
export function ActivateConnectStep({ onConnected }: { onConnected: () => void }) {
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  if (connected) return <PepSession />;
  return (
    <>
      <p className="hint">Connect to the privileged endpoint of the stamp this key was issued for.</p>
      <ErcsHosts />
      <PepConnectForm onConnected={onConnected} />
    </>
  );
}
