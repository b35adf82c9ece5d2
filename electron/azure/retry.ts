import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { Logger } from '../log';
import type { Sleep } from './types';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';

// ARM retry, owned here instead of the SDK's default policy so that waits go through the injected
// sleep (tests and cancellation) and every wait honours what Azure asked for in Retry-After.

export const RETRY_LIMITS = {
  /** Attempts after the first for 429. */
  throttled: 4,
  /** Attempts after the first for 5xx, resets and timeouts. */
  transient: 3,
  /** Longest single wait we accept; a longer Retry-After ends the call with that time in the message. */
  maxWaitMs: 120_000,
  /** A request that sends nothing back for this long is treated like a dropped connection. */
  requestTimeoutMs: 100_000,
};

const TRANSIENT_STATUS = new Set([408, 500, 502, 503, 504]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'REQUEST_SEND_ERROR']);
// POSTs whose repetition changes nothing; a dropped moveResources POST is not blindly repeated.
const IDEMPOTENT_POST = /\/(getactivationkey|register|validateMoveResources)(\?|$)/i;
// For a POST that is not idempotent, only answers saying the request was refused before any work
// (429 throttled, 503 unavailable) prove it did not start; a 500/502/504 or a dropped connection may
// come after ARM accepted it. Connection refused and name lookup failures never reached ARM.
const NOT_STARTED_STATUS = new Set([429, 503]);
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

/** Retry-After in milliseconds from any of the headers ARM uses; undefined when absent or unreadable. */
export const retryAfterMs = (headers: { get(name: string): string | undefined }, now: Date): number | undefined => {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = headers.get(name);
    if (v !== undefined && /^\d+(\.\d+)?$/.test(v.trim())) return Math.round(Number(v));
  }
  const v = headers.get('retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
};

type RetryOutcome = { response?: PipelineResponse; error?: unknown; callerAborted: boolean };

type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: Said; limit: number; asked: boolean };

const isIdempotent = (req: Pick<PipelineRequest, 'method' | 'url'>): boolean =>
  req.method !== 'POST' && req.method !== 'PATCH' ? true : IDEMPOTENT_POST.test(new URL(req.url).pathname);

const backoff = (attempt: number): number => Math.min(1000 * 2 ** attempt, 16_000);

const errorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; name?: unknown };
  if (e.name === 'AbortError') return 'TIMEOUT';
  return typeof e.code === 'string' ? e.code : undefined;
};

/** Pure: whether to try again after this attempt, and how long to wait first. */
export const decideRetry = (
  req: Pick<PipelineRequest, 'method' | 'url'>,
  outcome: RetryOutcome,
  attempt: number,
  now: Date,
): RetryDecision => {
  if (outcome.callerAborted) return { retry: false };
  const { response } = outcome;
  if (response) {
    const asked = retryAfterMs(response.headers, now);
    if (response.status === 429) {
      if (attempt >= RETRY_LIMITS.throttled) return { retry: false };
      const delayMs = asked ?? backoff(attempt);
      return delayMs > RETRY_LIMITS.maxWaitMs
        ? { retry: false }
        : { retry: true, delayMs, reason: said('retry.throttled', 'throttled (429)'), limit: RETRY_LIMITS.throttled, asked: asked !== undefined };
    }
    if (!isIdempotent(req) && !NOT_STARTED_STATUS.has(response.status)) return { retry: false };
    if (TRANSIENT_STATUS.has(response.status) && attempt < RETRY_LIMITS.transient) {
      const delayMs = Math.min(asked ?? backoff(attempt), RETRY_LIMITS.maxWaitMs);
      return { retry: true, delayMs, reason: said('retry.http', `HTTP ${response.status}`, { status: String(response.status) }), limit: RETRY_LIMITS.transient, asked: asked !== undefined };
    }
    return { retry: false };
  }
  const code = errorCode(outcome.error);
  const retryable = code !== undefined && (isIdempotent(req) ? NETWORK_CODES.has(code) || code === 'TIMEOUT' : NOT_SENT_CODES.has(code));
  if (code !== undefined && retryable && attempt < RETRY_LIMITS.transient) {
    return {
      retry: true,
      delayMs: backoff(attempt),
      reason: code === 'TIMEOUT' ? said('retry.timeout', 'no answer in time') : said('retry.connection', `connection error ${code}`, { code }),
      limit: RETRY_LIMITS.transient,
      asked: false,
    };
  }
  return { retry: false };
};

export const armRetryPolicy = (deps: {
  sleep: Sleep;
  clock: { now(): Date };
  log: Logger;
  /** The operation waiting on this call hears about each retry (the operator sees it, not only the log). */
  onRetry?: (notice: { reason: Said; waitMs: number; attempt: number; limit: number; asked: boolean }) => void;
}): PipelinePolicy => ({
  name: 'azsArmRetry',
  async sendRequest(request, next) {
    const callerSignal = request.abortSignal;
    if (!request.timeout) request.timeout = RETRY_LIMITS.requestTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      let outcome: RetryOutcome;
      try {
        outcome = { response: await next(request), callerAborted: false };
      } catch (error) {
        outcome = { error, callerAborted: callerSignal?.aborted === true };
      }
      const decision = decideRetry(request, outcome, attempt, deps.clock.now());
      if (!decision.retry) {
        if (outcome.response) return outcome.response;
        throw outcome.error;
      }
      const url = new URL(request.url);
      deps.log.warn('Azure call will be retried', {
        method: request.method,
        path: url.pathname,
        reason: decision.reason.text,
        waitMs: decision.delayMs,
        attempt: attempt + 1,
      });
      deps.onRetry?.({ reason: decision.reason, waitMs: decision.delayMs, attempt: attempt + 1, limit: decision.limit, asked: decision.asked });
      await deps.sleep(decision.delayMs, callerSignal instanceof AbortSignal ? callerSignal : undefined);
    }
  },
});
