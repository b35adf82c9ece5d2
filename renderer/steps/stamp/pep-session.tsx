import { Facts } from '../../components/facts';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** The open session: which ERCS answered, the stamp behind it, and notices such as failover. */
export function PepSession() {
  const { t } = useTranslation();
  const host = useApp((s) => s.stamp.host);
  const info = useApp((s) => s.stamp.info);
  const notices = useApp((s) => s.stamp.notices);
  if (!host || !info) return null;
  return (
    <div className="session">
      <p className="ok-line">{t('stamp.connected', { host })}</p>
      <Facts
        label={t('stamp.label')}
        rows={[
          [t('facts.cloudId'), info.cloudId, 'stamp-cloud-id', 'copy'],
          [t('facts.stampVersion'), info.stampVersion],
          [t('facts.region'), info.regionName],
          [t('facts.nodes'), info.numberOfNodes],
          [t('facts.externalDomain'), info.externalDomainFqdn],
          [t('facts.identitySystem'), info.identitySystem],
        ]}
      />
      {notices.map((n) => (
        <p key={n.text} className="notice" data-testid="pep-notice">
          {say(n)}
        </p>
      ))}
      <CloseSession />
    </div>
  );
}

/** Closes the privileged-endpoint session, or says it is closed and where its transcripts went. */
export function CloseSession() {
  const { t } = useTranslation();
  const open = useApp((s) => s.stamp.sessionId !== undefined);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const notices = useApp((s) => s.stamp.notices);
  if (!open) {
    return (
      <div className="ok-box" role="status" data-testid="session-closed">
        <p>{t('stamp.closed')}</p>
        {notices.map((n) => (
          <p key={n.text}>{say(n)}</p>
        ))}
      </div>
    );
  }
  return (
    <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().disconnect()}>
      {t('stamp.close')}
    </button>
  );
}
