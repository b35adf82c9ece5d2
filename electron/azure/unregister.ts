import { said } from '../../shared/contract/said';
import { AppError } from '../../shared/contract/problems';
import { sameGuid } from '../../shared/domain/ids';
import type { RegistrationInfo } from '../../shared/domain/types';
import { rephrase, toAppError } from './arm-error';
import { afterOwnLockRemoved, checkLocks, removeOwnLock, restoreLock } from './lock-guard';
import { evaluatePermissions, FLOW_ACTIONS } from './permissions';
import { readPermissions } from './queries';
import { matchesCloud } from './registration-api';
import { phase, type Session } from './session';
import type { Ctl, RegistrationRef, UnregisterRequest } from './types';

// Contract §2.8: find the registration (by name, or by the token's cloud ID across the group or
// subscription), check locks at every scope, lift ours, DELETE, then confirm Azure no longer has it.

const DEFAULT_RESOURCE_GROUP = 'azurestack';
const DELETE_CHECK = { intervalMs: 2_000, attempts: 10 };

const candidates = (found: RegistrationInfo[]): string =>
  found.length === 0 ? 'There are no registrations there.' : `Registrations there: ${found.map((r) => `${r.name} in ${r.resourceGroup} (cloud ID ${r.cloudId ?? 'unknown'})`).join('; ')}.`;

/** GET by name; a subscription where Microsoft.AzureStack was never registered has none. */
export const findRegistration = (s: Session, ref: RegistrationRef, signal?: AbortSignal): Promise<RegistrationInfo | undefined> =>
  s.registrations.get(ref.subscriptionId, ref.resourceGroup, ref.registrationName, signal).catch((err: unknown) => {
    const e = toAppError(err, `reading registration ${ref.registrationName}`, signal);
    if (e.problem.code === 'azure-provider-unregistered') return undefined;
    throw e;
  });

const locate = async (s: Session, req: UnregisterRequest, signal?: AbortSignal): Promise<RegistrationInfo> => {
  const sub = req.subscriptionId;
  if (req.target.by === 'name') {
    const rg = req.resourceGroup ?? DEFAULT_RESOURCE_GROUP;
    const name = req.target.registrationName;
    const found = await findRegistration(s, { subscriptionId: sub, resourceGroup: rg, registrationName: name }, signal);
    if (!found) {
      throw new AppError('azure-not-found', `No registration named ${name} in resource group ${rg} of subscription ${sub}. Nothing was deleted.`, {
        action: 'Check the subscription, resource group and name shown in the admin portal (Region management > Properties), or search by the registration token.',
      });
    }
    if (req.target.cloudId && found.cloudId && !sameGuid(found.cloudId, req.target.cloudId)) {
      throw new AppError('azure-confirmation-mismatch', `Registration ${name} belongs to another stamp (cloud ID ${found.cloudId}), not to this one (cloud ID ${req.target.cloudId}). Nothing was deleted.`, {
        action: 'Check the registration name; search by the registration token to find this stamp\'s registration.',
      });
    }
    return found;
  }
  const cloudId = req.target.cloudId;
  const where = req.resourceGroup ? `resource group ${req.resourceGroup} of subscription ${sub}` : `subscription ${sub}`;
  const all = await s.registrations.list(sub, req.resourceGroup, signal).catch((err: unknown) => {
    const e = toAppError(err, 'listing registrations', signal);
    if (e.problem.code === 'azure-provider-unregistered' || e.problem.code === 'azure-not-found') return [];
    throw e;
  });
  const matches = all.filter((r) => matchesCloud(r, cloudId));
  const [match] = matches;
  if (!match) {
    throw new AppError('azure-not-found', `No registration for cloud ID ${cloudId} in ${where}. Nothing was deleted. ${candidates(all)}`, {
      action: req.resourceGroup ? 'Search the whole subscription (leave the resource group empty), or sign in to the subscription used at registration.' : 'Sign in to the subscription used at registration and search again.',
    });
  }
  if (matches.length > 1) {
    throw new AppError('azure-failed', `Several registrations carry cloud ID ${cloudId} in ${where}: ${matches.map((r) => r.id).join(', ')}. Nothing was deleted.`, {
      action: 'Unregister the one you mean by name and resource group.',
    });
  }
  return match;
};

/**
 * Before a connected removal deactivates the stamp: what would then stop the deletion in Azure (missing
 * rights, another lock at the registration, its group or subscription), found while nothing is changed.
 */
export const checkRemovable = async (s: Session, reg: RegistrationInfo, signal?: AbortSignal): Promise<void> => {
  const { scope, entries } = await readPermissions(s, reg.subscriptionId, reg.resourceGroup);
  const { missing } = evaluatePermissions(entries, FLOW_ACTIONS.unregister);
  if (missing.length > 0) {
    throw new AppError('azure-forbidden', `Your account lacks what deleting registration ${reg.name} needs at ${scope}: ${missing.join(', ')}. Nothing was changed, on the stamp or in Azure.`, {
      action: 'Ask a subscription Owner for these actions (Create role adds Microsoft.Authorization/locks/delete to the registration role), then start the removal again.',
    });
  }
  await checkLocks(s, reg, 'deleting', signal);
};

export const unregister = async (s: Session, req: UnregisterRequest, ctl: Ctl): Promise<RegistrationInfo> => {
  const signal = ctl.signal;
  const reg = await phase(s, ctl, 'unregister.find', said('progress.unregister-find', 'Finding the registration'), () => locate(s, req, signal));
  await req.confirm?.(reg);
  const hadLock = await phase(s, ctl, 'unregister.locks', said('progress.unregister-locks', 'Checking locks on the registration, its resource group and subscription'), () =>
    checkLocks(s, reg, 'deleting', signal),
  );
  if (hadLock) await phase(s, ctl, 'unregister.unlock', said('progress.unregister-unlock', 'Removing the registration lock'), () => removeOwnLock(s, reg, signal));

  await phase(s, ctl, 'unregister.delete', said('progress.unregister-delete', `Deleting registration ${reg.name}`, { name: reg.name }), async () => {
    try {
      const remove = () => s.registrations.delete(reg, signal);
      await (hadLock ? afterOwnLockRemoved(s, ctl, 'unregister.delete', `deleting registration ${reg.name}`, remove) : remove());
    } catch (err) {
      const e = toAppError(err, `deleting registration ${reg.name}`, signal);
      const relock = hadLock ? await restoreLock(s, reg) : '';
      throw rephrase(e, `${e.message} Registration ${reg.name} may still exist.${relock}`, e.problem.action ?? 'Repeat the unregister; it is safe.');
    }
  });

  await phase(s, ctl, 'unregister.verify', said('progress.unregister-verify', 'Checking that Azure no longer has the registration'), async () => {
    for (let i = 0; i < DELETE_CHECK.attempts; i++) {
      if (!(await s.registrations.get(reg.subscriptionId, reg.resourceGroup, reg.name, signal))) return;
      await s.sleep(DELETE_CHECK.intervalMs, signal);
    }
    throw new AppError('azure-partial', `Azure accepted the deletion of ${reg.name} but still lists it after ${(DELETE_CHECK.intervalMs * DELETE_CHECK.attempts) / 1000} s. Its lock is already removed.`, {
      action: 'Check again in a few minutes (Registrations list); repeat the unregister if it is still there.',
      retryable: true,
    });
  });
  s.log.info('Registration deleted', { id: reg.id });
  return { ...reg, locked: false };
};
