import { createHttpHeaders, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { decideRetry, RETRY_LIMITS, retryAfterMs } from '../../../../electron/azure/retry';

const now = new Date('2026-01-01T00:00:00Z');
const get = { method: 'GET' as const, url: 'https://arm.test/subscriptions/s/resourcegroups/rg' };
const movePost = { method: 'POST' as const, url: 'https://arm.test/subscriptions/s/resourcegroups/rg/moveResources?api-version=1' };
const keyPost = { method: 'POST' as const, url: 'https://arm.test/x/registrations/r/getactivationkey?api-version=1' };
const res = (status: number, headers: Record<string, string> = {}) =>
  ({ outcome: { response: { status, headers: createHttpHeaders(headers) } as PipelineResponse, callerAborted: false } });
const netError = (code: string) => ({ error: Object.assign(new Error(code), { code }), callerAborted: false });

describe('retryAfterMs', () => {
  it('reads seconds, milliseconds headers and HTTP dates', () => {
    expect(retryAfterMs(createHttpHeaders({ 'retry-after': '12' }), now)).toBe(12_000);
    expect(retryAfterMs(createHttpHeaders({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(retryAfterMs(createHttpHeaders({ 'x-ms-retry-after-ms': '1500' }), now)).toBe(1500);
    expect(retryAfterMs(createHttpHeaders({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(createHttpHeaders({}), now)).toBeUndefined();
    expect(retryAfterMs(createHttpHeaders({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  it('waits exactly what a 429 asks for', () => {
    expect(decideRetry(get, res(429, { 'retry-after': '3' }).outcome, 0, now)).toMatchObject({ retry: true, delayMs: 3000, reason: { code: 'retry.throttled', text: 'throttled (429)' } });
  });

  it('gives up on 429 after the limit, or when the wait is too long to sit through', () => {
    expect(decideRetry(get, res(429, { 'retry-after': '1' }).outcome, RETRY_LIMITS.throttled, now)).toEqual({ retry: false });
    expect(decideRetry(get, res(429, { 'retry-after': '3600' }).outcome, 0, now)).toEqual({ retry: false });
  });

  it('retries 5xx with backoff, or Retry-After when given', () => {
    expect(decideRetry(get, res(500).outcome, 0, now)).toMatchObject({ retry: true, delayMs: 1000 });
    expect(decideRetry(get, res(500).outcome, 2, now)).toMatchObject({ retry: true, delayMs: 4000 });
    expect(decideRetry(get, res(503, { 'retry-after': '2' }).outcome, 0, now)).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decideRetry(get, res(503).outcome, RETRY_LIMITS.transient, now)).toEqual({ retry: false });
  });

  it('does not retry answers that will not change', () => {
    for (const status of [200, 400, 401, 403, 404, 409]) expect(decideRetry(get, res(status).outcome, 0, now)).toEqual({ retry: false });
  });

  it('retries a reset connection only where repeating is harmless', () => {
    expect(decideRetry(get, netError('ECONNRESET'), 0, now)).toMatchObject({ retry: true });
    expect(decideRetry(keyPost, netError('ECONNRESET'), 0, now)).toMatchObject({ retry: true });
    expect(decideRetry(movePost, netError('ECONNRESET'), 0, now)).toEqual({ retry: false });
  });

  it('retries moveResources only when Azure says it did not start (429, 503, connection refused)', () => {
    for (const status of [500, 502, 504, 408]) expect(decideRetry(movePost, res(status).outcome, 0, now)).toEqual({ retry: false });
    expect(decideRetry(movePost, res(503).outcome, 0, now)).toMatchObject({ retry: true });
    expect(decideRetry(movePost, res(429, { 'retry-after': '2' }).outcome, 0, now)).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decideRetry(movePost, netError('ECONNREFUSED'), 0, now)).toMatchObject({ retry: true });
    expect(decideRetry(movePost, netError('ETIMEDOUT'), 0, now)).toEqual({ retry: false });
    // Idempotent POSTs keep their retries on 500.
    expect(decideRetry(keyPost, res(500).outcome, 0, now)).toMatchObject({ retry: true });
  });

  it('never retries after the caller cancelled', () => {
    expect(decideRetry(get, { error: new Error('x'), callerAborted: true }, 0, now)).toEqual({ retry: false });
  });
});
