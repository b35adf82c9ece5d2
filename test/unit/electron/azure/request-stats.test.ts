import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { createRequestStats } from '../../../../electron/azure/request-stats';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };

const deferred = () => {
  let resolve: (r: PipelineResponse) => void = () => undefined;
  const promise = new Promise<PipelineResponse>((r) => (resolve = r));
  return { promise, resolve };
};
const answer = (headers: Record<string, string> = {}): PipelineResponse => ({
  status: 200,
  headers: createHttpHeaders(headers),
  request: createPipelineRequest({ url: 'https://arm.test/' }),
});

describe('createRequestStats', () => {
  it('counts every request, and overlapping ones as one round trip of their phase', async () => {
    const stats = createRequestStats(clock);
    const send = () => stats.policy.sendRequest(createPipelineRequest({ url: 'https://arm.test/' }), async () => answer());
    await stats.inPhase('check', async () => {
      const a = deferred();
      const first = stats.policy.sendRequest(createPipelineRequest({ url: 'https://arm.test/a' }), () => a.promise);
      const second = send();
      await second;
      a.resolve(answer());
      await first;
    });
    await stats.inPhase('put', send);
    await stats.inPhase('put', send);
    expect(stats.stats()).toEqual({ requests: 4, roundTripsByPhase: { check: 1, put: 2 } });
    stats.reset();
    expect(stats.stats()).toEqual({ requests: 0, roundTripsByPhase: {} });
  });

  it('remembers the Retry-After of the last answer in the phase', async () => {
    const stats = createRequestStats(clock);
    const seen = await stats.inPhase('move', async () => {
      await stats.policy.sendRequest(createPipelineRequest({ url: 'https://arm.test/' }), async () => answer({ 'retry-after': '15' }));
      return stats.lastRetryAfterMs();
    });
    expect(seen).toBe(15_000);
    expect(stats.lastRetryAfterMs()).toBeUndefined();
  });
});
