import { AppError } from '../../shared/contract/problems';
import type { RegistrationInfo } from '../../shared/domain/types';
import { answerError } from './arm-http';
import { isOwnLock, type LockInfo } from './locks';
import { resourceGroupScope, subscriptionScope } from './resource-ids';
import type { Session } from './session';

// Before deleting or moving: every lock that would block (resource, group, subscription), ours
// lifted only after we know no other lock stands in the way (contract §6 items 9 and 10).

const describe = (l: LockInfo): string => `${l.name} (${l.level}) on ${l.scope}${l.notes ? `: "${l.notes}"` : ''}`;

/** Throws azure-scope-locked naming every foreign lock; returns whether our own lock is there. */
export const checkLocks = async (s: Session, reg: RegistrationInfo, doing: string, signal?: AbortSignal): Promise<boolean> => {
  const locks = await s.locks.applying(
    {
      subscription: subscriptionScope(reg.subscriptionId),
      resourceGroup: resourceGroupScope(reg.subscriptionId, reg.resourceGroup),
      resource: reg.id,
    },
    signal,
  );
  const foreign = locks.filter((l) => !isOwnLock(l, reg.id));
  if (foreign.length > 0) {
    throw new AppError('azure-scope-locked', `Other locks would block ${doing} registration ${reg.name}; nothing was changed.`, {
      action: `Ask whoever placed them to remove them (they were not placed by this tool), then repeat: ${foreign.map(describe).join('; ')}.`,
      detail: foreign.map((l) => l.id).join('\n'),
    });
  }
  return locks.some((l) => isOwnLock(l, reg.id));
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
