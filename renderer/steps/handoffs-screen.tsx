import { useEffect } from 'react';
import { SaveRecord } from '../components/save-record';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { appStore, useApp } from '../store';

/** Every round trip across the air gap this machine knows, and where it stands. */
export function HandoffsScreen() {
  const { t } = useTranslation();
  const handoffs = useApp((s) => s.handoffs);
  useEffect(() => {
    void appStore.getState().refreshHandoffs();
  }, []);
  return (
    <Screen name="handoffs" title={t('handoffs.title')} what={t('handoffs.what')}>
      <ScopeProblem scope="shell" />
      {handoffs.length === 0 && <p className="hint">{t('handoffs.none')}</p>}
      <ul className="handoffs">
        {[...handoffs]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map((h) => (
            <li key={h.id} className="handoff" data-testid="handoff">
              <div className="handoff-head">
                <strong>{h.registrationName ?? t('handoffs.stamp', { cloudId: h.cloudId })}</strong>
                <span className="tag">{t(`sides.${h.side}`)}</span>
                {h.practice && <span className="tag">{t('common.practiceTag')}</span>}
                <span className={h.complete ? 'status status-succeeded' : 'status status-running'}>
                  {t(`stages.${h.stage}`)}
                </span>
              </div>
              <p className="muted">
                {t('handoffs.cloudId', { cloudId: h.cloudId })}
                {h.tokenFingerprint && <> · {t('handoffs.token', { fingerprint: h.tokenFingerprint })}</>}
                {h.keyFingerprint && <> · {t('handoffs.key', { fingerprint: h.keyFingerprint })}</>}
              </p>
              {h.side === 'stamp' && h.stage === 'activating' && (
                <div className="handoff-close">
                  <p className="hint">{t('handoffs.activationUnknown')}</p>
                  <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                    {t('handoffs.portalShows')}
                  </button>
                </div>
              )}
              {h.side === 'host' && h.stage === 'key-saved' && (
                <div className="handoff-close">
                  <p className="hint">{t('handoffs.keeps')}</p>
                  <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                    {t('handoffs.close')}
                  </button>
                </div>
              )}
              <SaveRecord handoffId={h.id} compact />
              <details>
                <summary>{t('handoffs.history')}</summary>
                <ol className="history">
                  {h.history.map((e) => (
                    <li key={`${e.stage}-${e.at}`}>
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time> {t(`stages.${e.stage}`)}
                      {e.note && <span className="muted"> — {e.note}</span>}
                    </li>
                  ))}
                </ol>
                {h.files.length > 0 && (
                  <ul className="files-written" aria-label={t('handoffs.files')}>
                    {h.files.map((f) => (
                      <li key={f}>
                        <code>{f}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </details>
            </li>
          ))}
      </ul>
    </Screen>
  );
}
