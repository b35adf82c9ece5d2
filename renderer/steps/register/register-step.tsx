import { Facts } from '../../components/facts';
import { Fingerprint } from '../../components/fingerprint';
import { OperationPanel } from '../../components/operation-panel';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';

/** Creates the registration resource (provider, group, resource, lock) and fetches the activation key. */
export function RegisterStep() {
  const reg = useApp((s) => s.reg);
  const op = useApp((s) => (s.reg.operationId ? s.ops[s.reg.operationId] : undefined));
  const busy = useApp((s) => s.busy.register !== undefined);
  const sub = reg.subscriptions.find((s) => s.id === reg.subscriptionId);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const result = outcomeOf(op, 'azure.register');
  return (
    <>
      <Facts
        label="Registration to create"
        rows={[
          ['Subscription', sub ? `${sub.displayName} (${sub.id})` : reg.subscriptionId],
          ['Resource group', reg.resourceGroup],
          ['Location', reg.location],
          ['Registration name', reg.registrationName],
        ]}
      />
      {/* Running it again is safe (same token and name): after an unregister, or to fetch the key anew. */}
      <button
        type="button"
        className={result ? 'secondary' : 'primary'}
        disabled={busy || running || !reg.handoffId}
        onClick={() => void appStore.getState().register()}
      >
        {result ? 'Register again' : 'Register in Azure'}
      </button>
      {reg.operationId && <OperationPanel operationId={reg.operationId} title="Registering in Azure" />}
      {result && (
        <div className="result" data-testid="registered">
          {result.reused && <p className="notice">A registration for this stamp already existed with the same settings; it was reused.</p>}
          <Facts
            label="Registration"
            rows={[
              ['Resource ID', result.registration.id],
              ['Billing model', result.registration.billingModel],
              ['Cloud ID', result.registration.cloudId],
              ['Locked against deletion', result.registration.locked],
            ]}
          />
          <Fingerprint label="Activation key fingerprint" value={result.key.fingerprint} testId="host-key-fingerprint" />
        </div>
      )}
    </>
  );
}
