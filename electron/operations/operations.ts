import { AppError, isAppError, textOf } from '../../shared/contract';
import type { Said } from '../../shared/contract';
import type {
  EventSink,
  OperationFinished,
  OperationKind,
  OperationOutcome,
  OperationOutcomes,
  OperationProgress,
  OperationSnapshot,
  ProgressLevel,
  Problem,
  Result,
} from '../../shared/contract';
import type { Logger } from '../log';

export type Clock = { now(): Date };

const LOG_LIMIT = 200;
export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Where operations are journaled, so a restart can tell which ones were interrupted. */
export type OperationJournal = {
  operationStarted(id: string, kind: OperationKind, meta: Record<string, unknown>): Promise<void>;
  operationEnded(id: string, status: OperationFinished['status']): Promise<void>;
};

/** A message is a sentence of ours (`said`, which the UI translates) or words we pass on as they are. */
export type ProgressInput = { level?: ProgressLevel; phase: string; message: string | Said; percent?: number };

export type RunContext = { signal: AbortSignal; progress(p: ProgressInput): void };

export type StartOptions<K extends OperationKind> = {
  kind: K;
  /** How long before we stop waiting (activation: longer than the cmdlet's own 1800 s). */
  timeoutMs: number;
  /** Whether cancelling is safe at all for this kind. */
  cancellable: boolean;
  /** After an abort, the stamp or Azure may have carried on: report outcome-unknown, not cancelled. */
  abortLeavesOutcomeUnknown: boolean;
  /** Non-secret context for the journal. */
  meta: Record<string, unknown>;
  run(ctx: RunContext): Promise<OperationOutcomes[K]>;
};

type Entry = {
  snapshot: OperationSnapshot;
  controller: AbortController;
  timeout: unknown;
  abortLeavesOutcomeUnknown: boolean;
  timedOut: boolean;
  /** Aborted because the app is closing. */
  interrupted: boolean;
};

/** What the journal remembers of an operation that never ended (the app quit or crashed). */
export type UnfinishedOperation = { id: string; kind: OperationKind; startedAt: string };

const INTERRUPTED: Problem = {
  code: 'cancelled',
  message: 'AzS Registrar closed while this was running, so its result was not seen.',
  action: 'Verify the result before you try again: the stamp or Azure may have finished it.',
  retryable: false,
};

export type Operations = ReturnType<typeof createOperations>;

export const createOperations = (deps: {
  clock: Clock;
  timers: Timers;
  events: EventSink;
  journal: OperationJournal;
  log: Logger;
  newId(): string;
}) => {
  const entries = new Map<string, Entry>();

  const finish = (entry: Entry, status: OperationFinished['status'], outcome: Result<OperationOutcome>) => {
    const snap = entry.snapshot;
    deps.timers.clearTimeout(entry.timeout);
    snap.seq += 1;
    snap.status = status;
    snap.cancellable = false;
    const finished: OperationFinished = { operationId: snap.operationId, seq: snap.seq, status, outcome };
    snap.finished = finished;
    // The end is journalled before anyone is told: an outcome the operator saw is never reported as unseen
    // ("closed while this was running") after a crash right after it (the kill tests in the fault matrix).
    void deps.journal
      .operationEnded(snap.operationId, status)
      .catch((err: unknown) => deps.log.error('could not journal the end of an operation', { operationId: snap.operationId, error: String(err) }))
      .finally(() => deps.events('operation.finished', finished));
  };

  const failureOf = (entry: Entry, err: unknown): { status: OperationFinished['status']; problem: Problem } => {
    const aborted = entry.controller.signal.aborted;
    // The flow itself knows the outcome is unknown (e.g. a move sent to Azure): it says so in its own words.
    if (isAppError(err) && err.problem.code === 'azure-outcome-unknown' && !entry.interrupted) return { status: 'outcome-unknown', problem: err.problem };
    if (aborted && entry.interrupted) return { status: 'interrupted', problem: INTERRUPTED };
    if (aborted && entry.abortLeavesOutcomeUnknown) {
      return {
        status: 'outcome-unknown',
        problem: {
          code: entry.timedOut ? 'timeout' : 'cancelled',
          message: entry.timedOut
            ? 'We stopped waiting, but the stamp may still be working on it.'
            : 'You stopped waiting, but the stamp may still be working on it.',
          action: 'Check the result before you try again: reconnect to the privileged endpoint and look at the activation state.',
          retryable: false,
        },
      };
    }
    if (aborted) {
      return entry.timedOut
        ? { status: 'failed', problem: { code: 'timeout', message: 'The operation took too long and was stopped.', action: 'Try again. If it keeps timing out, check connectivity.', retryable: true } }
        : { status: 'cancelled', problem: { code: 'cancelled', message: 'Cancelled.', retryable: true } };
    }
    // The stamp may have carried the change out although we could not see it finish.
    if (isAppError(err) && err.problem.code === 'pep-outcome-unknown') return { status: 'outcome-unknown', problem: err.problem };
    if (isAppError(err)) return { status: 'failed', problem: err.problem };
    deps.log.error('operation failed unexpectedly', { kind: entry.snapshot.kind, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return {
      status: 'failed',
      problem: { code: 'internal', message: 'Something went wrong inside AzS Registrar.', action: 'Try again. If it keeps happening, contact support with the diagnostics log.', retryable: true },
    };
  };

  const start = async <K extends OperationKind>(opts: StartOptions<K>): Promise<{ operationId: string }> => {
    const operationId = deps.newId();
    const now = deps.clock.now();
    const entry: Entry = {
      controller: new AbortController(),
      timeout: undefined,
      abortLeavesOutcomeUnknown: opts.abortLeavesOutcomeUnknown,
      timedOut: false,
      interrupted: false,
      snapshot: {
        operationId,
        kind: opts.kind,
        status: 'running',
        seq: 0,
        startedAt: now.toISOString(),
        deadline: new Date(now.getTime() + opts.timeoutMs).toISOString(),
        cancellable: opts.cancellable,
        log: [],
      },
    };
    entries.set(operationId, entry);
    try {
      await deps.journal.operationStarted(operationId, opts.kind, opts.meta);
    } catch (err) {
      // Never started: left in the map it would count as running forever and block mode switches.
      entries.delete(operationId);
      throw err;
    }
    entry.timeout = deps.timers.setTimeout(() => {
      entry.timedOut = true;
      entry.controller.abort(new AppError('timeout', 'The operation took too long.'));
    }, opts.timeoutMs);

    const progress = (p: ProgressInput) => {
      const snap = entry.snapshot;
      if (snap.finished) return;
      snap.seq += 1;
      const event: OperationProgress = {
        operationId,
        seq: snap.seq,
        at: deps.clock.now().toISOString(),
        level: p.level ?? 'progress',
        phase: p.phase,
        message: textOf(p.message),
        ...(typeof p.message === 'string' ? {} : { said: p.message }),
        ...(p.percent === undefined ? {} : { percent: p.percent }),
      };
      snap.lastProgress = event;
      snap.log = [...snap.log, event].slice(-LOG_LIMIT);
      deps.events('operation.progress', event);
    };

    // Runs in the background: the invoke that started it has already returned.
    void opts
      .run({ signal: entry.controller.signal, progress })
      .then((value) => {
        // The pairing of kind and outcome is guaranteed by StartOptions<K>.
        const outcome = { kind: opts.kind, ...value } as unknown as OperationOutcome;
        finish(entry, 'succeeded', { ok: true, value: outcome });
      })
      .catch((err: unknown) => {
        const { status, problem } = failureOf(entry, err);
        finish(entry, status, { ok: false, problem });
      });
    return { operationId };
  };

  const get = (operationId: string): Entry => {
    const entry = entries.get(operationId);
    if (!entry) throw new AppError('not-found', 'That operation is not known to this session of the app.', { action: 'Refresh the page.' });
    return entry;
  };

  const cancel = (operationId: string): OperationSnapshot => {
    const entry = get(operationId);
    const snap = entry.snapshot;
    if (snap.status !== 'running') return { ...snap };
    if (!snap.cancellable) {
      throw new AppError('bad-request', 'This step cannot be cancelled safely once it has started.', {
        action: 'Wait for it to finish.',
      });
    }
    snap.status = 'cancelling';
    snap.seq += 1;
    entry.controller.abort(new AppError('cancelled', 'Cancelled by the operator.'));
    return { ...snap };
  };

  const list = (): OperationSnapshot[] => [...entries.values()].map((e) => ({ ...e.snapshot }));

  /** On quit: stop everything still running; the journal marks them interrupted. */
  const abortAll = (): number => {
    let n = 0;
    for (const e of entries.values()) {
      if (e.snapshot.status === 'running' || e.snapshot.status === 'cancelling') {
        e.interrupted = true;
        e.controller.abort(new AppError('cancelled', 'The app is closing.'));
        n += 1;
      }
    }
    return n;
  };

  /** At start: operations the journal saw start and never end are shown as interrupted, once. */
  const restoreInterrupted = (unfinished: readonly UnfinishedOperation[]): void => {
    for (const op of unfinished) {
      const entry: Entry = {
        controller: new AbortController(),
        timeout: undefined,
        abortLeavesOutcomeUnknown: true,
        timedOut: false,
        interrupted: true,
        snapshot: { operationId: op.id, kind: op.kind, status: 'running', seq: 0, startedAt: op.startedAt, deadline: op.startedAt, cancellable: false, log: [] },
      };
      entries.set(op.id, entry);
      finish(entry, 'interrupted', { ok: false, problem: INTERRUPTED });
    }
  };

  const running = (): number =>
    [...entries.values()].filter((e) => e.snapshot.status === 'running' || e.snapshot.status === 'cancelling').length;

  return { start, cancel, list, abortAll, restoreInterrupted, running };
};
