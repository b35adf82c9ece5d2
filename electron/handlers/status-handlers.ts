import type { Handlers } from '../../shared/contract';
import { statusFlows, type StatusFlowDeps } from '../flows';

export const statusHandlers = (
  deps: StatusFlowDeps,
): Pick<Handlers, 'stampArm.signIn' | 'stampArm.cancelSignIn' | 'stampArm.signOut' | 'status.read' | 'status.prefill'> => ({
  'stampArm.signIn': ({ endpoint, tenant, method }) => deps.stampArm.signIn({ endpoint, method, ...(tenant ? { tenant } : {}) }),
  'stampArm.cancelSignIn': async () => ({ cancelled: deps.stampArm.cancelSignIn() }),
  'stampArm.signOut': async () => {
    deps.stampArm.signOut();
    return {};
  },
  'status.read': ({ cloudId }) => statusFlows.readStatus(deps, cloudId),
  'status.prefill': ({ cloudId }) => statusFlows.recoverReregisterDetails(deps, cloudId),
});
