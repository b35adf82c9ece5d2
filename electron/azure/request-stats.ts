import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import type { AzureStats } from './types';
import { retryAfterMs } from './retry';

// Counts what reaches the wire, per phase of the operation that sent it. A "round trip" is a wait the
// operator sits through: requests that overlap in flight count once, so parallel reads cost one.

type CallContext = { phase: string; retryAfterMs?: number; progress?: Progress };
type Progress = (phase: string, message: string | Said) => void;
export type RetryNotice = { reason: Said; waitMs: number; attempt: number; limit: number; asked: boolean };

export type RequestStats = {
  policy: PipelinePolicy;
  /** Runs `fn` with its Azure calls attributed to `phase`; retries inside it are reported to `progress`. */
  inPhase<T>(phase: string, fn: () => Promise<T>, progress?: Progress): Promise<T>;
  /** Tells the operation whose call is being retried (throttling, a dropped connection) how long it waits. */
  retrying(notice: RetryNotice): void;
  /** Retry-After of the last answer seen in this phase (long-running operations poll at that pace). */
  lastRetryAfterMs(): number | undefined;
  stats(): AzureStats;
  reset(): void;
};

export const createRequestStats = (clock: { now(): Date }): RequestStats => {
  const context = new AsyncLocalStorage<CallContext>();
  let requests = 0;
  let inFlight = 0;
  let roundTrips: Record<string, number> = {};
  return {
    policy: {
      name: 'azsRequestStats',
      async sendRequest(request, next) {
        const ctx = context.getStore();
        const phase = ctx?.phase ?? 'other';
        requests += 1;
        if (inFlight === 0) roundTrips[phase] = (roundTrips[phase] ?? 0) + 1;
        inFlight += 1;
        try {
          const response = await next(request);
          if (ctx) ctx.retryAfterMs = retryAfterMs(response.headers, clock.now());
          return response;
        } finally {
          inFlight -= 1;
        }
      },
    },
    inPhase: (phase, fn, progress) => context.run({ phase, ...(progress ? { progress } : {}) }, fn),
    retrying: (n) => {
      const values = { seconds: Math.round(n.waitMs / 100) / 10, reason: n.reason, attempt: n.attempt, limit: n.limit };
      const text = `${n.asked ? `Azure asked to wait ${values.seconds} s (${n.reason.text})` : `${n.reason.text}: waiting ${values.seconds} s`}, then retrying (${n.attempt} of ${n.limit}).`;
      context.getStore()?.progress?.('Retry', said(n.asked ? 'progress.retry-asked' : 'progress.retry-waiting', text, values));
    },
    lastRetryAfterMs: () => context.getStore()?.retryAfterMs,
    stats: () => ({ requests, roundTripsByPhase: { ...roundTrips } }),
    reset: () => {
      requests = 0;
      roundTrips = {};
    },
  };
};
