import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { EventName, EventPayloads, OperationFinished } from '../../../../shared/contract';
import { createOperations } from '../../../../electron/operations';
import { memoryLogger } from '../../../../electron/log';

type Sent = { name: EventName; payload: EventPayloads[EventName] };

const setup = () => {
  let now = new Date('2026-11-25T10:00:00Z');
  const timers: { fn: () => void; at: number; cleared: boolean }[] = [];
  const sent: Sent[] = [];
  const journal: string[] = [];
  let n = 0;
  const ops = createOperations({
    clock: { now: () => now },
    timers: {
      setTimeout: (fn, ms) => {
        const t = { fn, at: now.getTime() + ms, cleared: false };
        timers.push(t);
        return t;
      },
      clearTimeout: (h) => {
        if (h) (h as { cleared: boolean }).cleared = true;
      },
    },
    events: (name, payload) => sent.push({ name, payload }),
    journal: {
      operationStarted: async (id, kind) => void journal.push(`start ${id} ${kind}`),
      operationEnded: async (id, status) => void journal.push(`end ${id} ${status}`),
    },
    log: memoryLogger(),
    newId: () => `op-${++n}`,
  });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    for (const t of timers) {
      if (!t.cleared && t.at <= now.getTime()) {
        t.cleared = true;
        t.fn();
      }
    }
  };
  const finished = () => sent.filter((s) => s.name === 'operation.finished').map((s) => s.payload as OperationFinished);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { ops, sent, journal, advance, finished, settle };
};

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('operations', () => {
  it('returns an id at once, streams progress with rising seq, then the outcome', async () => {
    const { ops, sent, journal, finished, settle } = setup();
    const gate = deferred<{ removedAt: string }>();
    const { operationId } = await ops.start({
      kind: 'stamp.removeActivation',
      timeoutMs: 60_000,
      cancellable: false,
      abortLeavesOutcomeUnknown: true,
      meta: {},
      run: async ({ progress }) => {
        progress({ phase: 'stamp', message: 'Removing activation', percent: 10 });
        progress({ level: 'warning', phase: 'stamp', message: 'Marketplace items will be removed' });
        return gate.promise;
      },
    });
    expect(operationId).toBe('op-1');
    expect(ops.list()[0]).toMatchObject({ status: 'running', seq: 2, lastProgress: { level: 'warning' } });
    // A page that subscribes late still gets every line so far.
    expect(ops.list()[0]?.log.map((l) => l.message)).toEqual(['Removing activation', 'Marketplace items will be removed']);
    gate.resolve({ removedAt: '2026-11-25T10:00:05Z' });
    await settle();
    const [done] = finished();
    expect(done).toMatchObject({ status: 'succeeded', seq: 3, outcome: { ok: true, value: { kind: 'stamp.removeActivation', removedAt: '2026-11-25T10:00:05Z' } } });
    expect(sent.map((s) => s.name)).toEqual(['operation.progress', 'operation.progress', 'operation.finished']);
    expect(journal).toEqual(['start op-1 stamp.removeActivation', 'end op-1 succeeded']);
  });

  it('passes an AppError through as the problem', async () => {
    const { ops, finished, settle } = setup();
    await ops.start({
      kind: 'stamp.removeActivation',
      timeoutMs: 1000,
      cancellable: false,
      abortLeavesOutcomeUnknown: false,
      meta: {},
      run: async () => {
        throw new AppError('pep-busy', 'An update is running on the stamp.', { action: 'Wait and retry.', retryable: true });
      },
    });
    await settle();
    expect(finished()[0]).toMatchObject({ status: 'failed', outcome: { ok: false, problem: { code: 'pep-busy', action: 'Wait and retry.' } } });
  });

  it('finishes as outcome-unknown, keeping the check to make, when the stamp may have carried a change out', async () => {
    const { ops, finished, settle } = setup();
    await ops.start({
      kind: 'stamp.activate',
      timeoutMs: 1000,
      cancellable: false,
      abortLeavesOutcomeUnknown: true,
      meta: {},
      run: async () => {
        throw new AppError('pep-outcome-unknown', 'The connection broke while New-AzureStackActivation ran.', { action: 'Check the activation state.' });
      },
    });
    await settle();
    expect(finished()[0]).toMatchObject({
      status: 'outcome-unknown',
      outcome: { ok: false, problem: { code: 'pep-outcome-unknown', action: 'Check the activation state.' } },
    });
  });

  it('refuses to cancel a step that is not safe to cancel', async () => {
    const { ops } = setup();
    const { operationId } = await ops.start({
      kind: 'azure.move', timeoutMs: 1000, cancellable: false, abortLeavesOutcomeUnknown: false, meta: {},
      run: () => new Promise(() => undefined),
    });
    expect(() => ops.cancel(operationId)).toThrow(/cannot be cancelled/);
  });

  it('cancels through the abort signal', async () => {
    const { ops, finished, settle } = setup();
    const { operationId } = await ops.start({
      kind: 'azure.register', timeoutMs: 1000, cancellable: true, abortLeavesOutcomeUnknown: false, meta: {},
      run: ({ signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    expect(ops.cancel(operationId).status).toBe('cancelling');
    await settle();
    expect(finished()[0]?.status).toBe('cancelled');
  });

  it('reports outcome-unknown when an activation is abandoned by its deadline', async () => {
    const { ops, advance, finished, settle } = setup();
    await ops.start({
      kind: 'stamp.activate', timeoutMs: 35 * 60_000, cancellable: true, abortLeavesOutcomeUnknown: true, meta: {},
      run: ({ signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    advance(34 * 60_000);
    await settle();
    expect(finished()).toHaveLength(0);
    advance(60_000);
    await settle();
    expect(finished()[0]).toMatchObject({ status: 'outcome-unknown', outcome: { ok: false, problem: { code: 'timeout' } } });
  });

  it('reports outcome-unknown in the flow\'s own words when it says so (a move sent to Azure), even after its deadline', async () => {
    const { ops, advance, finished, settle } = setup();
    const problem = { code: 'azure-outcome-unknown' as const, message: 'The move was sent to Azure but its outcome is unknown.', action: 'Check where the registration is.' };
    await ops.start({
      kind: 'azure.move', timeoutMs: 60_000, cancellable: false, abortLeavesOutcomeUnknown: false, meta: {},
      run: ({ signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new AppError(problem.code, problem.message, { action: problem.action })))),
    });
    advance(60_000);
    await settle();
    expect(finished()[0]).toMatchObject({ status: 'outcome-unknown', outcome: { ok: false, problem } });
  });

  it('abortAll stops what is running and says how many', async () => {
    const { ops, settle, finished } = setup();
    for (let i = 0; i < 2; i += 1) {
      await ops.start({
        kind: 'azure.register', timeoutMs: 1000, cancellable: true, abortLeavesOutcomeUnknown: false, meta: {},
        run: ({ signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      });
    }
    expect(ops.running()).toBe(2);
    expect(ops.abortAll()).toBe(2);
    await settle();
    expect(finished().map((f) => f.status)).toEqual(['interrupted', 'interrupted']);
    expect(ops.running()).toBe(0);
  });
});

describe('operations across a restart', () => {
  it('marks what was running at quit as interrupted, not cancelled', async () => {
    const { ops, finished, settle, journal } = setup();
    await ops.start({
      kind: 'stamp.activate', timeoutMs: 1000, cancellable: true, abortLeavesOutcomeUnknown: true, meta: {},
      run: ({ signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    ops.abortAll();
    await settle();
    expect(finished()[0]).toMatchObject({ status: 'interrupted', outcome: { ok: false, problem: { message: expect.stringContaining('closed while this was running') } } });
    expect(journal.at(-1)).toBe('end op-1 interrupted');
  });

  it('shows operations the journal never saw end as interrupted, and journals that once', async () => {
    const { ops, journal } = setup();
    ops.restoreInterrupted([{ id: 'old-1', kind: 'stamp.activate', startedAt: '2026-11-24T09:00:00.000Z' }]);
    expect(ops.list()).toEqual([
      expect.objectContaining({ operationId: 'old-1', kind: 'stamp.activate', status: 'interrupted', cancellable: false, startedAt: '2026-11-24T09:00:00.000Z' }),
    ]);
    expect(() => ops.cancel('old-1')).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(journal).toEqual(['end old-1 interrupted']);
  });
});
