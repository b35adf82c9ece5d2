import { said } from '../../shared/contract/said';
import { AppError } from '../../shared/contract/problems';
import type { RegistrationInfo } from '../../shared/domain/types';
import { toAppError } from './arm-error';
import { answerError } from './arm-http';
import { isOwnLock, type LockInfo } from './locks';
import { sameId } from './resource-ids';
import type { Session } from './session';
import type { Ctl } from './types';
import { LOCK_PROPAGATION } from './waits';

// Before deleting or moving: every lock that would block (resource, group, subscription), ours
// lifted only after we know no other lock stands in the way (contract §6 items 9 and 10).

const describe = (l: LockInfo): string => `${l.name} (${l.level}) on ${l.scope}${l.notes ? `: "${l.notes}"` : ''}`;

/** Throws azure-scope-locked naming every foreign lock; returns whether our own lock is there. */
export const checkLocks = async (s: Session, reg: RegistrationInfo, doing: string, signal?: AbortSignal): Promise<boolean> => {
  const locks = await s.locks.applying(reg.id, signal);
  const foreign = locks.filter((l) => !isOwnLock(l, reg.id));
  if (foreign.length > 0) {
    throw new AppError('azure-scope-locked', `Other locks would block ${doing} registration ${reg.name}; nothing was changed.`, {
      action: `Ask whoever placed them to remove them (they were not placed by this tool), then repeat: ${foreign.map(describe).join('; ')}.`,
      detail: foreign.map((l) => l.id).join('\n'),
    });
  }
  return locks.some((l) => isOwnLock(l, reg.id));
};

/**
 * Microsoft's move rule: a lock on the resource blocks its move (ours is lifted first); on the source
 * or target resource group or subscription only a ReadOnly lock does, a CanNotDelete lock there does not.
 * `targetScope` is the target group, or its subscription while the group is still to be created.
 */
export const checkMoveLocks = async (s: Session, reg: RegistrationInfo, targetScope: string, signal?: AbortSignal): Promise<boolean> => {
  const [atSource, atTarget] = await Promise.all([s.locks.applying(reg.id, signal), s.locks.applying(targetScope, signal)]);
  const all = new Map([...atSource, ...atTarget].map((l) => [l.id.toLowerCase(), l]));
  const blocking = [...all.values()].filter((l) => !isOwnLock(l, reg.id) && (sameId(l.scope, reg.id) || /^readonly$/i.test(l.level)));
  if (blocking.length > 0) {
    throw new AppError('azure-scope-locked', `Locks block moving registration ${reg.name}; nothing was changed.`, {
      action: `A ReadOnly lock on the source or target resource group or subscription, or any lock on the registration itself, blocks a move (CanNotDelete locks on groups and subscriptions do not). Ask whoever placed them to remove them, then repeat: ${blocking.map(describe).join('; ')}.`,
      detail: blocking.map((l) => l.id).join('\n'),
    });
  }
  return atSource.some((l) => isOwnLock(l, reg.id));
};

export const removeOwnLock = async (s: Session, reg: RegistrationInfo, signal?: AbortSignal): Promise<void> => {
  const answer = await s.locks.remove(reg.id, signal);
  if (answer.status === 200 || answer.status === 204 || answer.status === 404) return;
  const e = answerError(answer, 'removing the registration lock');
  if (e.problem.code === 'azure-forbidden') {
    throw new AppError('azure-lock-forbidden', `Your account may not remove the registration lock of ${reg.name} (Microsoft.Authorization/locks/delete); nothing was changed.`, {
      action: 'Ask a subscription Owner to add Microsoft.Authorization/locks/delete to your role (Create role does it), then repeat.',
      ...(e.problem.detail ? { detail: e.problem.detail } : {}),
      ...(e.problem.reference ? { reference: e.problem.reference } : {}),
    });
  }
  throw e;
};

/** Puts our lock back; returns a sentence for the operator when that failed too. */
export const restoreLock = async (s: Session, reg: RegistrationInfo): Promise<string> => {
  try {
    const answer = await s.locks.place(reg.id, reg.name);
    if (answer.status === 200 || answer.status === 201) return ' Its lock was put back.';
  } catch (err) {
    s.log.warn('Could not put the registration lock back', { id: reg.id, error: String(err) });
  }
  return ` Its lock could NOT be put back: the registration ${reg.id} is unlocked; run Register again with the same name and token, or re-create lock RegistrationResourceLock (CanNotDelete).`;
};

/**
 * ARM keeps enforcing a lock for a while after its deletion was accepted (every ARM instance has to
 * learn of it), so the call right after we lifted our own lock may get 409 ScopeLocked. Retried for a
 * bounded time on the injected clock; a lock that still blocks after that is reported as it is.
 */
export const afterOwnLockRemoved = async <T>(s: Session, ctl: Ctl, phaseName: string, step: string, fn: () => Promise<T>): Promise<T> => {
  const start = s.clock.now().getTime();
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const e = toAppError(err, step, ctl.signal);
      // The original error goes on: callers read its HTTP status.
      if (e.problem.code !== 'azure-scope-locked' || s.clock.now().getTime() - start >= LOCK_PROPAGATION.maxMs) throw err;
      ctl.progress?.(
        phaseName,
        said(
          'progress.lock-propagating',
          `Azure still applies the lock just removed (removal takes a moment to reach all of Azure); trying again in ${LOCK_PROPAGATION.intervalMs / 1000} s`,
          { seconds: LOCK_PROPAGATION.intervalMs / 1000 },
        ),
      );
      await s.sleep(LOCK_PROPAGATION.intervalMs, ctl.signal);
    }
  }
};
