import type { Api } from '../../shared/contract';
import { DEFAULT_RESOURCE_GROUP } from '../../shared/domain';
import { makeCall } from './call';
import type { LifecycleSlice, Slice } from './types';

/** Changes, renewals and the connected removal of a registration (contract §2.9, §2.11). */
export const lifecycleSlice =
  (api: Api): Slice<LifecycleSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<LifecycleSlice['life']>) => set((s) => ({ life: { ...s.life, ...p } }));
    const ref = () => {
      const { resourceGroup, registrationName } = get().life;
      const subscriptionId = get().reg.subscriptionId;
      return subscriptionId ? { subscriptionId, resourceGroup: resourceGroup.trim(), registrationName: registrationName.trim() } : undefined;
    };
    return {
      life: {
        change: 'renewal',
        connectivity: 'disconnected',
        resourceGroup: DEFAULT_RESOURCE_GROUP,
        registrationName: '',
        confirmName: '',
        stampDeactivated: false,
      },

      setLife: (p) => patch(p),
      openChange: (change, connectivity) => set((s) => ({ screen: 'change', life: { ...s.life, change, ...(connectivity ? { connectivity } : {}) } })),
      startChangeHandoff: () => {
        const { change } = get().life;
        // A new hand-off: the previous token, and what was saved of it, belong to the old one.
        set((s) => ({
          life: { ...s.life, exportPurpose: change },
          exp: { ...s.exp, step: s.stamp.sessionId ? 'billing' : 'preflight', operationId: undefined, handoffId: undefined, saved: undefined },
          screen: 'export',
        }));
      },
      findForRemoval: async () => {
        const sessionId = get().stamp.sessionId;
        const target = ref();
        if (!sessionId || !target) return;
        patch({ found: undefined });
        const found = await call('lifecycle', 'lifecycle.busy.find', () => api['registration.findForRemoval']({ sessionId, ...target }));
        if (found) patch({ found });
      },
      removeRegistration: async () => {
        const sessionId = get().stamp.sessionId;
        const target = ref();
        if (!sessionId || !target) return;
        const { confirmName, stampDeactivated } = get().life;
        const started = await call('lifecycle', 'lifecycle.busy.remove', () =>
          api['operation.start']({ kind: 'registration.remove', sessionId, ...target, confirmName: confirmName.trim(), stampDeactivated }),
        );
        if (!started) return;
        patch({ removeOpId: started.operationId, confirmName: '' });
        await get().syncOperations();
      },
      checkRenewalName: async () => {
        const { subscriptionId, resourceGroup, registrationName } = get().reg;
        const names = { resourceGroup: resourceGroup.trim(), registrationName: registrationName.trim() };
        if (!subscriptionId || !names.resourceGroup || !names.registrationName) return;
        const existing = await call('register', 'lifecycle.busy.checkName', () => api['azure.registration']({ subscriptionId, ...names }));
        if (existing !== undefined) patch({ renewalCheck: { ...names, existing } });
      },
    };
  };
