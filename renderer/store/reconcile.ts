import type { HandoffSummary } from '../../shared/domain/types';
import { FLOW_STEPS } from '../../shared/domain/flow';
import { isArchived } from '../../shared/domain/archive';
import type { AppState, OperationView } from './types';

// What the screens hold is a copy of main's record. After main says something changed, these pure
// functions bring every copy back in line with the record: nothing shows a state main no longer has.

/** The latest successful removal of the stamp's activation this machine ran, if any. */
const lastRemovalAt = (ops: Record<string, OperationView>): string | undefined =>
  Object.values(ops)
    .map((op) => op.finished?.outcome)
    .flatMap((o) => (o?.ok && o.value.kind === 'stamp.removeActivation' ? [o.value.removedAt] : []))
    .sort()
    .at(-1);

/** When the stamp was last activated through this flow: the operation's outcome or the journal. */
const activatedAt = (s: AppState): string | undefined => {
  const op = s.act.operationId ? s.ops[s.act.operationId] : undefined;
  const outcome = op?.finished?.outcome;
  const fromOp = outcome?.ok && outcome.value.kind === 'stamp.activate' ? outcome.value.activatedAt : undefined;
  const handoff = s.handoffs.find((h) => h.id === s.act.handoffId);
  const fromJournal = handoff?.history.filter((e) => e.stage === 'activated').at(-1)?.at;
  return [fromOp, fromJournal].filter((t): t is string => t !== undefined).sort().at(-1);
};

/** Whether the stamp is activated as far as this machine knows: activated, and not removed since. */
export const stampActivated = (s: AppState): boolean => {
  const at = activatedAt(s);
  if (at === undefined) return false;
  const removed = lastRemovalAt(s.ops);
  return removed === undefined || removed < at;
};

/** Host side: one hand-off per stamp (the newest), since a registration is found by the stamp's cloud ID. */
export const hostTokens = (handoffs: readonly HandoffSummary[]): HandoffSummary[] => {
  const byCloud = new Map<string, HandoffSummary>();
  for (const h of handoffs) {
    if (h.side !== 'host') continue;
    const seen = byCloud.get(h.cloudId);
    if (!seen || seen.updatedAt < h.updatedAt) byCloud.set(h.cloudId, h);
  }
  return [...byCloud.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};

const TOKEN_STEP = FLOW_STEPS.register.indexOf('token');
const KEY_STEP = FLOW_STEPS.activate.indexOf('key');

/** The Azure sign-in is gone: so is everything read with it (a permission report is about an account). */
export const azureGone = (reg: AppState['reg']): AppState['reg'] => ({
  ...reg,
  account: undefined,
  deviceCode: undefined,
  subscriptions: [],
  locations: [],
  permissions: undefined,
});

/** Main's services were recomposed: every PEP session and Azure sign-in is gone. */
export const sessionsGone = (s: AppState): Partial<AppState> => ({
  stamp: { ...s.stamp, sessionId: undefined, host: undefined },
  reg: azureGone(s.reg),
});

/** Brings the flows' copies in line with main's hand-offs and operations (just re-read). */
export const reconcile = (s: AppState): Partial<AppState> => {
  const patch: Partial<AppState> = {};
  // A hand-off main has closed (or no longer has) cannot be registered: the token is let go of.
  const regHandoff = s.handoffs.find((h) => h.id === s.reg.handoffId);
  if (s.reg.handoffId && (!regHandoff || regHandoff.complete || isArchived(regHandoff))) {
    const step = FLOW_STEPS.register.indexOf(s.reg.step) > TOKEN_STEP ? 'token' : s.reg.step;
    patch.reg = {
      ...s.reg,
      step,
      token: undefined,
      handoffId: undefined,
      fileName: undefined,
      tokenConfirmed: false,
      operationId: undefined,
      saved: undefined,
    };
  }
  // The activation was removed since: the key's hand-off is over, so the leg starts again from the key.
  const actOutcome = s.act.operationId ? s.ops[s.act.operationId]?.finished?.outcome : undefined;
  const succeeded = actOutcome?.ok === true && actOutcome.value.kind === 'stamp.activate';
  if ((succeeded || s.act.step === 'done') && activatedAt(s) !== undefined && !stampActivated(s)) {
    const step = FLOW_STEPS.activate.indexOf(s.act.step) > KEY_STEP ? 'key' : s.act.step;
    patch.act = { ...s.act, step, key: undefined, handoffId: undefined, fileName: undefined, operationId: undefined };
  }
  if (s.mng.handoffId && !hostTokens(s.handoffs).some((h) => h.id === s.mng.handoffId)) {
    patch.mng = { ...s.mng, handoffId: undefined };
  }
  return patch;
};
