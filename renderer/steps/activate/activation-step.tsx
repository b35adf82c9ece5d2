import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
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
  const [asking, setAsking] = useState(false);
  const start = () => (uncertain ? setAsking(true) : void appStore.getState().activate());
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
      <ConfirmDialog
        open={asking}
        title="Activate again?"
        confirmLabel="Activate again"
        cancelLabel="Do not activate"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void appStore.getState().activate();
        }}
      >
        <p>The last activation may have completed on the stamp. Check the region's properties in the administrator portal first.</p>
      </ConfirmDialog>
      {!ready && !result && <p className="notice">Connect to the privileged endpoint and read the activation key first.</p>}
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
