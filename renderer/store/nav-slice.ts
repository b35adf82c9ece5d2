import type { Api } from '../../shared/contract';
import { isArchived, sameGuid } from '../../shared/domain';
import type { ArchiveReason } from '../../shared/domain';
import type { HandoffFile, HandoffSummary } from '../../shared/domain/types';
import { makeCall } from './call';
import type { AppState, Leg, NavSlice, Slice } from './types';

// Moving between legs and hand-offs from anywhere: a new export or registration (the hand-off in
// progress stays in main's journal, with its token and key), the activation leg opened on a hand-off
// whose key is expected, archiving a hand-off that will never complete, and the remembered ERCS addresses.

/** Stamp side: the token is on the stick (or its key was read) and the stamp is not activated yet. */
export const keyExpected = (h: HandoffSummary): boolean =>
  h.side === 'stamp' && !h.complete && (h.stage === 'token-saved' || h.stage === 'key-received');

/** A key file on the drive for this hand-off's stamp (from its sidecar), one the app can read. */
export const keyFileFor = (h: HandoffSummary | undefined, files: readonly HandoffFile[]): HandoffFile | undefined =>
  h && files.find((f) => f.kind === 'key' && f.problem === undefined && f.cloudId !== undefined && sameGuid(f.cloudId, h.cloudId));

/** What a leg in progress holds: its hand-off (journaled), or an operation still running that will make one. */
export const inProgress = (s: AppState, leg: Leg): { handoff?: HandoffSummary; running: boolean } | undefined => {
  const { handoffId, operationId } = leg === 'export' ? s.exp : s.reg;
  const running = operationId !== undefined && s.ops[operationId]?.status === 'running';
  const handoff = s.handoffs.find((h) => h.id === handoffId);
  if (!running && (!handoff || handoff.complete || isArchived(handoff))) return undefined;
  return { ...(handoff ? { handoff } : {}), running };
};

export const navSlice =
  (api: Api): Slice<NavSlice> =>
  (set, get, store) => {
    const call = makeCall(set, get);

    /** The leg starts over; what is not about one hand-off (session, sign-in, subscription, drive, inputs) stays. */
    const begin = (leg: Leg) => {
      const initial = store.getInitialState();
      set((s) => {
        if (leg === 'export') {
          const step = s.stamp.sessionId ? 'stamp' : 'preflight';
          return { side: 'stamp', screen: 'export', pendingNew: null, exp: { ...initial.exp, step, choices: s.exp.choices, driveId: s.exp.driveId } };
        }
        const { cloud, method, tenant, account, connection, subscriptions, subscriptionId, driveId, resourceGroup, location, locations } = s.reg;
        const step = !account ? 'sign-in' : subscriptionId ? 'token' : 'subscription';
        return {
          side: 'host',
          screen: 'register',
          pendingNew: null,
          reg: { ...initial.reg, step, cloud, method, tenant, account, connection, subscriptions, subscriptionId, driveId, resourceGroup, location, locations },
        };
      });
    };

    return {
      pendingNew: null,
      recentErcs: [],

      startNew: (leg) => {
        if (inProgress(get(), leg)) set({ pendingNew: leg });
        else begin(leg);
      },
      confirmNew: () => {
        const leg = get().pendingNew;
        if (leg) begin(leg);
      },
      cancelNew: () => set({ pendingNew: null }),

      activateHandoff: (handoffId) => {
        const s = get();
        const activating = s.act.operationId !== undefined && s.ops[s.act.operationId]?.status === 'running';
        // An activation running is never dropped: the leg is shown as it is.
        if (!activating) {
          const step = s.stamp.sessionId ? 'key' : 'connect';
          const keep = s.act.handoffId === handoffId;
          set({
            act: keep
              ? { ...s.act, awaiting: handoffId, step: s.act.step === 'done' ? step : s.act.step }
              : { ...store.getInitialState().act, step, driveId: s.act.driveId, awaiting: handoffId },
          });
        }
        set({ side: 'stamp', screen: 'activate' });
        const driveId = get().act.driveId;
        if (driveId && !activating) void get().setActivateDrive(driveId);
      },
      pollKeyFiles: async () => {
        const driveId = get().act.driveId;
        if (!driveId) return;
        // Quietly: no busy note, and a drive pulled meanwhile is left to the operator's next read.
        const files = await api['handoff.files']({ driveId });
        if (files.ok && get().act.driveId === driveId) set((s) => ({ act: { ...s.act, files: files.value } }));
      },

      archiveHandoff: async (handoffId, reason: ArchiveReason, detail) => {
        const detailText = detail?.trim();
        const done = await call('shell', 'navigation.busy.archive', () =>
          api['handoff.archive']({ handoffId, reason, ...(detailText ? { detail: detailText } : {}) }),
        );
        if (done) await get().refreshHandoffs();
        return done !== undefined;
      },
      restoreHandoff: async (handoffId) => {
        const done = await call('shell', 'navigation.busy.restore', () => api['handoff.restore']({ handoffId }));
        if (done) await get().refreshHandoffs();
      },

      loadRecentErcs: async () => {
        const list = await api['settings.recentErcs']({});
        if (list.ok) set({ recentErcs: list.value });
      },
      forgetErcs: async (hosts) => {
        const list = await call('stamp', 'navigation.busy.forget', () => api['settings.forgetErcs'](hosts ? { hosts } : {}));
        if (list) set({ recentErcs: list });
      },
    };
  };
