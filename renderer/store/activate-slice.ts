import type { Api } from '../../shared/contract';
import { makeCall } from './call';
import type { ActivateSlice, Slice } from './types';

export const activateSlice =
  (api: Api): Slice<ActivateSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<ActivateSlice['act']>) => set((s) => ({ act: { ...s.act, ...p } }));
    return {
      act: { step: 'connect', files: [] },

      goActivate: (step) => patch({ step }),
      setActivateDrive: async (driveId) => {
        patch({ driveId, files: [] });
        const files = await call('activate', 'busy.readDrive', () => api['handoff.files']({ driveId }));
        if (files) patch({ files });
      },
      readKey: async (fileName) => {
        const driveId = get().act.driveId;
        if (!driveId) return;
        const sessionId = get().stamp.sessionId;
        const read = await call('activate', 'busy.readKey', () =>
          api['handoff.readKey']({ driveId, file: fileName, ...(sessionId ? { sessionId } : {}) }),
        );
        if (!read) return;
        patch({ key: { key: read.key, match: read.match }, handoffId: read.handoff.id, fileName, operationId: undefined });
      },
      activate: async () => {
        const sessionId = get().stamp.sessionId;
        const handoffId = get().act.handoffId;
        if (!sessionId || !handoffId) return;
        const started = await call('activate', 'busy.startActivation', () =>
          api['operation.start']({ kind: 'stamp.activate', sessionId, handoffId }),
        );
        if (!started) return;
        patch({ operationId: started.operationId });
        await get().syncOperations();
      },
      removeActivation: async () => {
        const sessionId = get().stamp.sessionId;
        if (!sessionId) return;
        const started = await call('activate', 'busy.startRemoval', () =>
          api['operation.start']({ kind: 'stamp.removeActivation', sessionId }),
        );
        if (!started) return;
        patch({ removeOpId: started.operationId });
        await get().syncOperations();
      },
    };
  };
