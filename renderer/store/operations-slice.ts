import type { Api, OperationSnapshot } from '../../shared/contract';
import { makeCall } from './call';
import type { OperationsSlice, OperationView, Slice } from './types';

const LOG_LINES = 200;

// Main's snapshot carries the recent log; lines already seen as events are not repeated.
const fromSnapshot = (snap: OperationSnapshot, prior?: OperationView): OperationView => {
  const seen = new Set((prior?.log ?? []).map((l) => l.seq));
  const log = [...(prior?.log ?? []), ...snap.log.filter((l) => !seen.has(l.seq))].sort((a, b) => a.seq - b.seq);
  return { ...snap, log: log.slice(-LOG_LINES) };
};

/** Mirrors main's operations; main is the record, events after a snapshot only move it forward. */
export const operationsSlice =
  (api: Api): Slice<OperationsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);

    /** Hand-off ids travel from an operation's outcome into the flow that started it. */
    const settle = (op: OperationView) => {
      const outcome = op.finished?.outcome;
      if (!outcome?.ok) return;
      const value = outcome.value;
      if (value.kind === 'stamp.createToken' && get().exp.operationId === op.operationId) {
        set((s) => ({ exp: { ...s.exp, handoffId: value.handoff.id } }));
      }
      if (value.kind === 'azure.register' && get().reg.operationId === op.operationId) {
        set((s) => ({ reg: { ...s.reg, handoffId: value.handoff.id } }));
      }
    };

    return {
      ops: {},

      syncOperations: async () => {
        const list = await call('shell', 'busy.operations', () => api['operation.list']({}));
        if (!list) return;
        const settled: OperationView[] = [];
        set((s) => {
          const ops = { ...s.ops };
          for (const snap of list) {
            const prior = ops[snap.operationId];
            if (prior && prior.seq > snap.seq) continue;
            ops[snap.operationId] = fromSnapshot(snap, prior);
            if (snap.finished && !prior?.finished) settled.push(ops[snap.operationId] as OperationView);
          }
          return { ops };
        });
        settled.forEach(settle);
        // Hand-off stages move with operations.
        if (settled.length > 0) await get().refreshHandoffs();
      },
      onProgress: (p) => {
        const prior = get().ops[p.operationId];
        if (!prior) {
          // Started elsewhere or before the start call returned: the list has it.
          void get().syncOperations();
          return;
        }
        if (p.seq <= prior.seq) return;
        const view: OperationView = { ...prior, seq: p.seq, lastProgress: p, log: [...prior.log, p].slice(-LOG_LINES) };
        set((s) => ({ ops: { ...s.ops, [p.operationId]: view } }));
      },
      onFinished: (f) => {
        const prior = get().ops[f.operationId];
        if (!prior) {
          void get().syncOperations();
          return;
        }
        if (f.seq <= prior.seq || prior.finished) return;
        const view: OperationView = { ...prior, seq: f.seq, status: f.status, cancellable: false, finished: f };
        set((s) => ({ ops: { ...s.ops, [f.operationId]: view } }));
        settle(view);
        void get().refreshHandoffs();
      },
      cancelOperation: async (operationId) => {
        const snap = await call('shell', 'busy.cancel', () => api['operation.cancel']({ operationId }));
        if (!snap) return;
        const prior = get().ops[operationId];
        if (prior && prior.seq > snap.seq) return;
        set((s) => ({ ops: { ...s.ops, [operationId]: fromSnapshot(snap, prior) } }));
      },
    };
  };
