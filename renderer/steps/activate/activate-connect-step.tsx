import { useTranslation } from '../../i18n';
import { useApp } from '../../store';
import { ErcsHosts } from '../stamp/ercs-hosts';
import { PepConnectForm } from '../stamp/pep-connect-form';
import { PepSession } from '../stamp/pep-session';

/** Reuses the open privileged-endpoint session, or opens a new one. */
export function ActivateConnectStep({ onConnected }: { onConnected: () => void }) {
  const { t } = useTranslation();
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  if (connected) return <PepSession />;
  return (
    <>
      <p className="hint">{t('stamp.connectForKey')}</p>
      <ErcsHosts />
      <PepConnectForm onConnected={onConnected} />
    </>
  );
}
