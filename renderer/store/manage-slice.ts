import type { Api } from '../../shared/contract';
import { DEFAULT_RESOURCE_GROUP } from '../../shared/domain/registration-defaults';
import { makeCall } from './call';
import type { ManageSlice, Slice } from './types';

/** Unregister and move: host-side maintenance of an existing registration. */
export const manageSlice =
  (api: Api): Slice<ManageSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<ManageSlice['mng']>) => set((s) => ({ mng: { ...s.mng, ...p } }));
    const subscription = () => get().reg.subscriptionId;
    return {
      mng: {
        registrations: [],
        resourceGroup: DEFAULT_RESOURCE_GROUP,
        by: 'name',
        registrationName: '',
        confirmName: '',
        targetResourceGroup: '',
      },

      setManage: (p) => patch(p),
      loadRegistrations: async () => {
        const subscriptionId = subscription();
        if (!subscriptionId) return;
        const rg = get().mng.resourceGroup.trim();
        const registrations = await call('manage', 'busy.registrations', () =>
          api['azure.registrations']({ subscriptionId, ...(rg ? { resourceGroup: rg } : {}) }),
        );
        if (registrations) patch({ registrations });
      },
      unregister: async () => {
        const subscriptionId = subscription();
        const { by, registrationName, handoffId, confirmName, resourceGroup } = get().mng;
        if (!subscriptionId) return;
        const target =
          by === 'name'
            ? { by: 'name' as const, registrationName: registrationName.trim() }
            : handoffId
              ? { by: 'token' as const, handoffId }
              : undefined;
        if (!target) return;
        const rg = resourceGroup.trim();
        const started = await call('manage', 'busy.startRemoval', () =>
          api['operation.start']({
            kind: 'azure.unregister',
            subscriptionId,
            ...(rg ? { resourceGroup: rg } : {}),
            target,
            confirmName: confirmName.trim(),
          }),
        );
        if (!started) return;
        patch({ unregisterOpId: started.operationId, confirmName: '' });
        await get().syncOperations();
      },
      move: async () => {
        const subscriptionId = subscription();
        const { registrationName, resourceGroup, targetResourceGroup } = get().mng;
        if (!subscriptionId) return;
        const started = await call('manage', 'busy.startMove', () =>
          api['operation.start']({
            kind: 'azure.move',
            subscriptionId,
            resourceGroup: resourceGroup.trim(),
            registrationName: registrationName.trim(),
            targetResourceGroup: targetResourceGroup.trim(),
          }),
        );
        if (!started) return;
        patch({ moveOpId: started.operationId, moveCheck: undefined });
        await get().syncOperations();
      },
      checkMove: async () => {
        const subscriptionId = subscription();
        const { registrationName, resourceGroup, targetResourceGroup } = get().mng;
        if (!subscriptionId) return;
        const groups = [targetResourceGroup.trim(), resourceGroup.trim()];
        const name = registrationName.trim().toLowerCase();
        for (const rg of groups) {
          const found = await call('manage', `Looking for the registration in ${rg}`, () => api['azure.registrations']({ subscriptionId, resourceGroup: rg }));
          if (!found) return;
          const registration = found.find((r) => r.name.toLowerCase() === name);
          if (registration) {
            patch({ moveCheck: { registration, checkedGroups: groups } });
            return;
          }
        }
        patch({ moveCheck: { checkedGroups: groups } });
      },
    };
  };
