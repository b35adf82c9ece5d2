import type { Handlers, OperationStart } from '../../shared/contract';
import { azureFlows, connectedFlows, removalFlows, stampFlows } from '../flows';
import type { AzureFlowDeps, ConnectedFlowDeps, RemovalFlowDeps, StampFlowDeps } from '../flows';
import type { Operations } from '../operations';
import { MOVE_TIME_BUDGET_MS } from '../azure/waits';

const MINUTE = 60_000;

// Deadlines sit above each cmdlet's own timeout (activation: -TimeoutInSeconds 1800).
// Cancelling an activation or a deactivation leaves the stamp's state unknown: the UI offers verify.
export const operationHandlers = (
  ops: Operations,
  stamp: StampFlowDeps,
  azure: AzureFlowDeps,
  connected: ConnectedFlowDeps,
  removal: RemovalFlowDeps,
): Pick<Handlers, 'operation.start' | 'operation.cancel' | 'operation.list' | 'registration.findForRemoval'> => ({
  'registration.findForRemoval': (req) => removalFlows.findForRemoval(removal, req),
  'operation.start': (req: OperationStart) => {
    switch (req.kind) {
      case 'stamp.createToken':
        return ops.start({
          kind: req.kind, timeoutMs: 20 * MINUTE, cancellable: true, abortLeavesOutcomeUnknown: false,
          meta: { sessionId: req.sessionId, billingModel: req.choices.billingModel, purpose: req.purpose ?? 'first-registration' },
          run: (ctx) => stampFlows.createToken(stamp, req, ctx),
        });
      case 'stamp.activate':
        return ops.start({
          kind: req.kind, timeoutMs: 36 * MINUTE, cancellable: true, abortLeavesOutcomeUnknown: true,
          meta: { handoffId: req.handoffId },
          run: (ctx) => stampFlows.activate(stamp, req, ctx),
        });
      case 'stamp.removeActivation':
        return ops.start({
          kind: req.kind, timeoutMs: 36 * MINUTE, cancellable: false, abortLeavesOutcomeUnknown: true,
          meta: {},
          run: (ctx) => stampFlows.removeActivation(stamp, req, ctx),
        });
      case 'azure.register':
        return ops.start({
          kind: req.kind, timeoutMs: 15 * MINUTE, cancellable: true, abortLeavesOutcomeUnknown: false,
          meta: { handoffId: req.handoffId, subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, registrationName: req.registrationName },
          run: (ctx) => azureFlows.register(azure, req, ctx),
        });
      case 'azure.unregister':
        return ops.start({
          kind: req.kind, timeoutMs: 15 * MINUTE, cancellable: false, abortLeavesOutcomeUnknown: false,
          meta: azureFlows.unregisterMeta(req),
          run: (ctx) => azureFlows.unregister(azure, req, ctx),
        });
      case 'registration.remove':
        return ops.start({
          // The stamp step cannot be stopped safely; the Azure step has its own limits.
          kind: req.kind, timeoutMs: 50 * MINUTE, cancellable: false, abortLeavesOutcomeUnknown: true,
          meta: { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, registrationName: req.registrationName, stampDeactivated: req.stampDeactivated },
          run: (ctx) => removalFlows.removeRegistration(removal, req, ctx),
        });
      case 'azure.move':
        return ops.start({
          // Above the move's own polling budget: the flow decides when its outcome is unknown, not a timer.
          kind: req.kind, timeoutMs: MOVE_TIME_BUDGET_MS + 10 * MINUTE, cancellable: false, abortLeavesOutcomeUnknown: false,
          meta: { subscriptionId: req.subscriptionId, from: req.resourceGroup, to: req.targetResourceGroup },
          run: (ctx) => azureFlows.move(azure, req, ctx),
        });
      case 'connected.register':
        return ops.start({
          // Above the bridge principal's and the activation's own 1800 s each, plus the Azure calls.
          kind: req.kind, timeoutMs: 75 * MINUTE, cancellable: true, abortLeavesOutcomeUnknown: true,
          meta: { sessionId: req.sessionId, purpose: req.purpose, subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, registrationName: req.registrationName, billingModel: req.choices.billingModel },
          run: (ctx) => connectedFlows.registerConnected(connected, req, ctx),
        });
    }
  },
  'operation.cancel': async ({ operationId }) => ops.cancel(operationId),
  'operation.list': async () => ops.list(),
});
