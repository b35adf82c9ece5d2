import { randomUUID } from 'node:crypto';
import type { HostToNode } from '../../pep/protocol';
import { actionInProgress, actionInProgressText, actionPlanFailed, CmdletError } from './error-records';
import type { Bound, ParamSpec } from './param-binder';
import type { PracticeStampSettings } from './settings';
import type { Clock, StampStore } from './stamp-store';

// What a simulated cmdlet sees while it runs: the stamp, its streams, and simulated work time.

type Progress = Omit<Extract<HostToNode, { type: 'progress' }>, 'type' | 'id'>;

export type CmdletContext = {
  settings: PracticeStampSettings;
  store: StampStore;
  clock: Clock;
  progress(record: Progress): void;
  verbose(message: string): void;
  warning(message: string): void;
  /** Simulated work; rejects with `Cancelled` once the command is stopped. */
  pause(ms: number): Promise<void>;
};

export type Cmdlet = {
  params: readonly ParamSpec[];
  /** Whether this stamp build has the cmdlet at all. */
  exists?(stampVersion: string): boolean;
  run(ctx: CmdletContext, values: Bound): Promise<unknown[]>;
};

/** Thrown out of `pause` when the running command is stopped (cancel, stdin closed, kill). */
export class Cancelled extends Error {
  constructor() {
    super('The pipeline has been stopped.');
    this.name = 'Cancelled';
  }
}

/** Emits one progress record per step, spreading `totalMs` of simulated work over the steps. */
export const work = async (
  ctx: CmdletContext,
  activity: string,
  totalMs: number,
  steps: readonly string[],
  onStep?: (index: number) => void,
): Promise<void> => {
  const stepMs = steps.length > 0 ? totalMs / steps.length : 0;
  for (const [i, status] of steps.entries()) {
    ctx.progress({
      activity,
      status,
      percent: Math.floor((i * 100) / steps.length),
      secondsRemaining: Math.ceil((stepMs * (steps.length - i)) / 1000),
    });
    onStep?.(i);
    await ctx.pause(stepMs);
  }
  ctx.progress({ activity, status: 'Completed', percent: 100, secondsRemaining: 0 });
};

/**
 * ECE runs one action plan at a time; the rehearsal fault makes every action plan collide. With
 * `busyOnlyInVerbose` the stamp says so only in the verbose stream and fails with an unrelated error.
 */
export const ensureNoActionPlanRunning = (ctx: CmdletContext): void => {
  if (ctx.settings.faults.busyOnlyInVerbose) {
    ctx.verbose('Invoking action plan.');
    ctx.verbose(actionInProgressText(randomUUID()));
    throw new CmdletError(actionPlanFailed());
  }
  if (ctx.settings.faults.actionInProgress) throw new CmdletError(actionInProgress(randomUUID()));
};

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Simulated work that stops the moment `signal` aborts, whether or not the injected sleep
 * honours the signal itself.
 */
export const pauseWith =
  (sleep: Sleep, signal: AbortSignal) =>
  async (ms: number): Promise<void> => {
    if (signal.aborted) throw new Cancelled();
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(new Cancelled());
      signal.addEventListener('abort', onAbort, { once: true });
      sleep(ms, signal).then(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? new Cancelled() : err);
        },
      );
    });
    if (signal.aborted) throw new Cancelled();
  };
