import type { AppError } from '../../shared/contract/problems';
import type { HostConnection, HostReply } from './host-connection';
import { encodeLine } from './protocol';
import type { Sleep } from './types';

// One request/reply round trip with a deadline and cancellation. On timeout or abort the host gets
// `cancel` (Stop-Job); if it does not answer within the grace period the process is killed.

export type FinalReply = Extract<HostReply, { type: 'result' | 'error' | 'connected' | 'preflight' | 'closed' }>;
export type RecordReply = Exclude<HostReply, FinalReply>;
export type StopKind = 'timeout' | 'cancelled';

type ExchangeOptions = {
  sleep: Sleep;
  timeoutMs: number;
  cancelGraceMs: number;
  signal?: AbortSignal;
  onRecord?(msg: RecordReply): void;
  /** The error to throw when the request was stopped before it finished. */
  stopped(kind: StopKind): AppError;
};

const FINAL_TYPES: ReadonlySet<string> = new Set(['result', 'error', 'connected', 'preflight', 'closed']);
const isFinal = (m: HostReply): m is FinalReply => FINAL_TYPES.has(m.type);

export const exchange = async (conn: HostConnection, id: string, line: string | Buffer, opts: ExchangeOptions): Promise<FinalReply> => {
  if (opts.signal?.aborted) throw opts.stopped('cancelled');
  const reply = new Promise<FinalReply>((resolve, reject) =>
    conn.track(id, {
      onMessage: (m) => (isFinal(m) ? resolve(m) : opts.onRecord?.(m)),
      onFailure: reject,
    }),
  );
  reply.catch(() => undefined); // a late failure after we stopped waiting is expected, not unhandled
  const timer = new AbortController();
  let onAbort: (() => void) | undefined;
  const stop = new Promise<StopKind>((resolve) => {
    opts.sleep(opts.timeoutMs, timer.signal).then(
      () => resolve('timeout'),
      () => undefined,
    );
    onAbort = () => resolve('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    conn.write(line);
    const first = await Promise.race([reply, stop]);
    if (typeof first !== 'string') return first;

    conn.write(encodeLine({ op: 'cancel', id }));
    const grace = new AbortController();
    const after = await Promise.race([
      reply.then(
        (r) => r,
        () => 'failed' as const,
      ),
      opts.sleep(opts.cancelGraceMs, grace.signal).then(
        () => 'late' as const,
        () => 'late' as const,
      ),
    ]);
    grace.abort();
    const err = opts.stopped(first);
    if (after === 'late') conn.kill(err);
    // The command completed in the same instant it was stopped: its result is the truth.
    else if (after !== 'failed' && after.type === 'result' && after.errors.length === 0) return after;
    throw err;
  } finally {
    timer.abort();
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    conn.untrack(id);
  }
};
