import { useApp } from '../../store';
import { PepConnectForm } from '../stamp/pep-connect-form';
import { PepSession } from '../stamp/pep-session';

export function ConnectStep({ onConnected }: { onConnected: () => void }) {
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  return connected ? <PepSession /> : <PepConnectForm onConnected={onConnected} />;
}
