import { OperationPanel } from '../../components/operation-panel';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';

/** Runs New-AzureStackActivation through the privileged endpoint: up to 30 minutes on a real stamp. */
export function ActivationStep() {
  const operationId = useApp((s) => s.act.operationId);
  const op = useApp((s) => (s.act.operationId ? s.ops[s.act.operationId] : undefined));
  const ready = useApp((s) => s.stamp.sessionId !== undefined && s.act.handoffId !== undefined);
  const busy = useApp((s) => s.busy.activate !== undefined);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const result = outcomeOf(op, 'stamp.activate');
  // The stamp may have finished on its own: retrying blindly could collide with it.
  const uncertain = op?.status === 'outcome-unknown' || op?.status === 'interrupted';
  const handoffId = useApp((s) => s.act.handoffId);
  const stage = useApp((s) => s.handoffs.find((h) => h.id === s.act.handoffId)?.stage);
  const start = () => {
    if (uncertain && !window.confirm('The last activation may have completed on the stamp. Activate again anyway?')) return;
    void appStore.getState().activate();
  };
  return (
    <>
      {!result && (
        <>
          <p className="hint">
            Activation on a real stamp can take up to 30 minutes. Keep AzS Registrar open; if the window reloads, progress is picked
            up again.
          </p>
          <button
            type="button"
            className="primary"
            disabled={!ready || busy || running}
            onClick={start}
          >
            {uncertain ? 'Activate again' : 'Activate the stamp'}
          </button>
        </>
      )}
      {!ready && !result && <p className="notice">Connect to the privileged endpoint and read the activation key first.</p>}
      {uncertain && !result && stage !== 'activated' && (
        <div className="notice" data-testid="activation-check">
          <p>
            Check before activating again: the administrator portal (Region management, Properties) shows whether the stamp is
            activated. If it is, mark it here; if not, activate again.
          </p>
          {handoffId && stage === 'activating' && (
            <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(handoffId)}>
              The portal shows the stamp activated
            </button>
          )}
        </div>
      )}
      {uncertain && stage === 'activated' && (
        <p className="ok-box" role="status">
          Marked as activated after your check. This hand-off is complete.
        </p>
      )}
      {operationId && <OperationPanel operationId={operationId} title="Activating the stamp" />}
      {result && (
        <p className="ok-box" data-testid="activation-result" role="status">
          The stamp is activated (at {new Date(result.activatedAt).toLocaleString()}). Marketplace syndication and usage reporting
          follow the billing model in the key.
        </p>
      )}
    </>
  );
}
