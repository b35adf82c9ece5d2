import type { OperationState, PollerLike } from '@azure/core-lro';
import { AppError } from '../../shared/contract/problems';
import type { Session } from './session';

// ARM long-running operations (moves), polled at the pace Azure asks for (Retry-After on each
// 202) through the injected sleep, and for a bounded time.

const LRO = { defaultIntervalMs: 5_000, minIntervalMs: 1_000, maxPolls: 120 };

export const driveLro = async (s: Session, start: () => PollerLike<OperationState<void>, void>, what: string, signal?: AbortSignal): Promise<void> => {
  // Held in an object: a poller is a thenable, and awaiting it would poll on the SDK's own timer.
  const lro = { poller: start() };
  await lro.poller.submitted();
  for (let polls = 0; !lro.poller.isDone; polls++) {
    if (polls >= LRO.maxPolls) {
      throw new AppError('timeout', `Azure had not finished ${what} after ${LRO.maxPolls} checks.`, {
        action: 'Look at the resource groups in the portal before doing anything else: the operation may still complete.',
        retryable: false,
      });
    }
    // Retry-After: 0 would make a tight loop of the bounded polls; wait at least a second.
    await s.sleep(Math.max(LRO.minIntervalMs, s.stats.lastRetryAfterMs() ?? LRO.defaultIntervalMs), signal);
    await lro.poller.poll(signal ? { abortSignal: signal } : {});
  }
  await lro.poller.pollUntilDone();
};
