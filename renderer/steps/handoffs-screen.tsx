import { useEffect } from 'react';
import type { HandoffStage } from '../../shared/domain';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { appStore, useApp } from '../store';

const STAGE_TEXT: Record<HandoffStage, string> = {
  'token-created': 'Token generated on the stamp',
  'token-saved': 'Token saved to the drive',
  'key-received': 'Activation key read on the stamp',
  activating: 'Activating',
  activated: 'Stamp activated',
  'token-received': 'Token read on this host',
  registered: 'Registered in Azure',
  'key-issued': 'Activation key issued',
  'key-saved': 'Activation key saved to the drive',
  'activation-confirmed': 'Stamp activation confirmed',
};

const when = (iso: string) => new Date(iso).toLocaleString();

/** Every round trip across the air gap this machine knows, and where it stands. */
export function HandoffsScreen() {
  const handoffs = useApp((s) => s.handoffs);
  useEffect(() => {
    void appStore.getState().refreshHandoffs();
  }, []);
  return (
    <Screen name="handoffs" title="Hand-offs" what="Each registration round trip recorded on this machine, newest first.">
      <ScopeProblem scope="shell" />
      {handoffs.length === 0 && <p className="hint">No hand-off yet.</p>}
      <ul className="handoffs">
        {[...handoffs]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map((h) => (
            <li key={h.id} className="handoff" data-testid="handoff">
              <div className="handoff-head">
                <strong>{h.registrationName ?? `Stamp ${h.cloudId}`}</strong>
                <span className="tag">{h.side === 'stamp' ? 'Stamp side' : 'Connected host'}</span>
                {h.practice && <span className="tag">practice</span>}
                <span className={h.complete ? 'status status-succeeded' : 'status status-running'}>
                  {STAGE_TEXT[h.stage]}
                </span>
              </div>
              <p className="muted">
                Cloud ID {h.cloudId}
                {h.tokenFingerprint && <> · token {h.tokenFingerprint}</>}
                {h.keyFingerprint && <> · key {h.keyFingerprint}</>}
              </p>
              {h.side === 'stamp' && h.stage === 'activating' && (
                <div className="handoff-close">
                  <p className="hint">
                    The activation did not report back (the session broke or the app closed). Check the administrator portal
                    (Region management, Properties): if the stamp is activated, close this hand-off; if not, activate again.
                  </p>
                  <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                    The portal shows the stamp activated: close this hand-off
                  </button>
                </div>
              )}
              {h.side === 'host' && h.stage === 'key-saved' && (
                <div className="handoff-close">
                  <p className="hint">
                    This machine keeps the token and the key until you confirm the stamp is activated, so the key can be
                    written again if the stick is lost or damaged.
                  </p>
                  <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                    The stamp is activated: close this hand-off
                  </button>
                </div>
              )}
              <details>
                <summary>History</summary>
                <ol className="history">
                  {h.history.map((e) => (
                    <li key={`${e.stage}-${e.at}`}>
                      <time dateTime={e.at}>{when(e.at)}</time> {STAGE_TEXT[e.stage]}
                      {e.note && <span className="muted"> — {e.note}</span>}
                    </li>
                  ))}
                </ol>
                {h.files.length > 0 && (
                  <ul className="files-written" aria-label="Files written">
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
