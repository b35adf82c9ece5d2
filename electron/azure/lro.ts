import type { OperationState, PollerLike } from '@azure/core-lro';
import { AppError } from '../../shared/contract/problems';
import type { Session } from './session';
import { LRO } from './waits';

// ARM long-running operations (moves), polled at the pace Azure asks for (Retry-After on each
// 202) through the injected sleep, within a time budget on the injected clock.

/** Where a failed long-running operation stood: refused before it started, or after (outcome known or not). */
export type LroStage = { submitted: boolean };

export const driveLro = async (
  s: Session,
  start: () => PollerLike<OperationState<void>, void>,
  what: string,
  signal?: AbortSignal,
  stage: LroStage = { submitted: false },
): Promise<void> => {
  // Held in an object: a poller is a thenable, and awaiting it would poll on the SDK's own timer.
  const lro = { poller: start() };
  await lro.poller.submitted();
  stage.submitted = true;
  const deadline = s.clock.now().getTime() + LRO.budgetMs;
  while (!lro.poller.isDone) {
    if (s.clock.now().getTime() >= deadline) {
      throw new AppError('azure-outcome-unknown', `Azure had not finished ${what} after ${LRO.budgetMs / 60_000} minutes of checking; it may still complete.`, {
        action: 'Check where the registration is before doing anything else (Check where it is).',
        retryable: false,
      });
    }
    // Retry-After: 0 would make a tight loop; a huge one would outlast the budget.
    const asked = s.stats.lastRetryAfterMs() ?? LRO.defaultIntervalMs;
    await s.sleep(Math.min(LRO.maxIntervalMs, Math.max(LRO.minIntervalMs, asked)), signal);
    await lro.poller.poll(signal ? { abortSignal: signal } : {});
  }
  await lro.poller.pollUntilDone();
};
