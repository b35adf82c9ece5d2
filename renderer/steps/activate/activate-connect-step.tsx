import { useTranslation } from '../../i18n';
import { useApp } from '../../store';
import { ErcsHosts } from '../stamp/ercs-hosts';
import { PepConnectForm } from '../stamp/pep-connect-form';
import { PepSession } from '../stamp/pep-session';

/** Reuses the open privileged-endpoint session, or opens a new one; `hint` says what the session is for (default: the key's stamp). */
export function ActivateConnectStep({ onConnected, hint }: { onConnected: () => void; hint?: string }) {
  const { t } = useTranslation();
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  if (connected) return <PepSession />;
  return (
    <>
      <p className="hint">{hint ?? t('stamp.connectForKey')}</p>
      <ErcsHosts />
      <PepConnectForm onConnected={onConnected} />
    </>
  );
}
