import type { Api } from '../../shared/contract';
import type { TokenChoices } from '../../shared/domain/types';
import { makeCall } from './call';
import type { ExportSlice, Slice } from './types';

/** Only the fields that apply to the chosen model, trimmed; empty ones left out. */
export const choicesToSend = (c: TokenChoices): TokenChoices => {
  const agreement = c.agreementNumber?.trim();
  const tag = c.msAssetTag?.trim();
  const needsAgreement = c.billingModel === 'Capacity' || c.billingModel === 'Ruggedized';
  // Ruggedized stamps register disconnected as Capacity with their asset tag.
  const needsTag = c.billingModel !== 'Development' && c.billingModel !== 'PayAsYouUse';
  return {
    billingModel: c.billingModel,
    targetCloud: c.targetCloud,
    ...(needsAgreement && agreement ? { agreementNumber: agreement } : {}),
    ...(needsTag && tag ? { msAssetTag: tag } : {}),
    ...(c.tokenVersion ? { tokenVersion: c.tokenVersion } : {}),
  };
};

export const exportSlice =
  (api: Api): Slice<ExportSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<ExportSlice['exp']>) => set((s) => ({ exp: { ...s.exp, ...p } }));
    return {
      exp: { step: 'preflight', choices: { billingModel: 'Capacity', targetCloud: 'AzureCloud', agreementNumber: '' } },

      goExport: (step) => patch({ step }),
      setChoices: (p) => set((s) => ({ exp: { ...s.exp, choices: { ...s.exp.choices, ...p } } })),
      setExportDrive: (driveId) => patch({ driveId }),

      generateToken: async () => {
        const sessionId = get().stamp.sessionId;
        if (!sessionId) return;
        const choices = choicesToSend(get().exp.choices);
        const purpose = get().life.exportPurpose;
        const started = await call('export', 'busy.startToken', () =>
          api['operation.start']({ kind: 'stamp.createToken', sessionId, choices, ...(purpose ? { purpose } : {}) }),
        );
        if (!started) return;
        // A new token replaces the previous one and whatever was saved of it.
        patch({ operationId: started.operationId, handoffId: undefined, saved: undefined });
        await get().syncOperations();
      },
      saveToken: async () => {
        const { handoffId, driveId } = get().exp;
        if (!handoffId || !driveId) return;
        const saved = await call('export', 'busy.saveToken', () => api['handoff.saveToken']({ handoffId, driveId }));
        if (!saved) return;
        patch({ saved });
        await get().refreshHandoffs();
      },
    };
  };
