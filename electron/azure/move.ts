import { said } from '../../shared/contract/said';
import type { ResourceGroup } from '@azure/arm-resources';
import { AppError } from '../../shared/contract/problems';
import { sameGuid } from '../../shared/domain/ids';
import type { RegistrationInfo } from '../../shared/domain/types';
import { describeFailure, rephrase, toAppError } from './arm-error';
import { answerError } from './arm-http';
import { afterOwnLockRemoved, checkMoveLocks, removeOwnLock, restoreLock } from './lock-guard';
import { driveLro } from './lro';
import { classifyOffer } from './offers';
import { lockProblem } from './register-errors';
import { registrationId, resourceGroupScope, subscriptionScope } from './resource-ids';
import { phase, type Session } from './session';
import type { Ctl, MoveRequest } from './types';
import { MOVED_READ } from './waits';

// Contract §2.12 / pain point D7: lift the lock, validate, move (LRO), lock the new id. Whatever
// fails, the lock goes back on wherever the registration actually is, and the message says where.
// moveResources needs an existing target group: a missing one (same subscription) is created first,
// in the source group's location, as an operator would do by hand.

const CSP_OFFERS = new Set(['CSP', 'CSP shared services']);

const rgOrUndefined = async (s: Session, sub: string, rg: string, signal?: AbortSignal) => {
  try {
    return await s.clients.resources(sub).resourceGroups.get(rg, signal ? { abortSignal: signal } : {});
  } catch (err) {
    const e = toAppError(err, `reading resource group ${rg}`, signal);
    if (e.problem.code === 'azure-not-found') return undefined;
    throw e;
  }
};

/** Creates the missing target group where the source group lives, before any lock is touched. */
const createTargetGroup = async (s: Session, ctl: Ctl, req: MoveRequest): Promise<void> => {
  const signal = ctl.signal;
  const rm = s.clients.resources(req.subscriptionId);
  const source = await phase(s, ctl, 'move.check', said('progress.move-read-group', `Reading the location of resource group ${req.resourceGroup}`, { group: req.resourceGroup }), () =>
    rgOrUndefined(s, req.subscriptionId, req.resourceGroup, signal),
  );
  if (!source?.location) {
    throw new AppError('azure-not-found', `Resource group ${req.resourceGroup} of subscription ${req.subscriptionId} could not be read, so the location for the new group ${req.targetResourceGroup} is unknown. Nothing was changed.`, {
      action: 'Check the current resource group, or create the target resource group yourself, then repeat the move.',
    });
  }
  const location = source.location;
  await phase(
    s,
    ctl,
    'move.resource-group',
    said('progress.move-create-target', `Target resource group ${req.targetResourceGroup} does not exist: creating it in ${location}, the location of ${req.resourceGroup}`, {
      target: req.targetResourceGroup,
      location,
      group: req.resourceGroup,
    }), async () => {
    try {
      await rm.resourceGroups.createOrUpdate(req.targetResourceGroup, { location } satisfies ResourceGroup, signal ? { abortSignal: signal } : {});
    } catch (err) {
      const e = toAppError(err, `creating resource group ${req.targetResourceGroup}`, signal);
      throw rephrase(e, `Could not create the target resource group ${req.targetResourceGroup} in ${location}: ${e.message} Nothing was moved.`);
    }
  });
};

const checkCrossSubscription = async (s: Session, ctl: Ctl, from: string, to: string): Promise<void> => {
  const subs = await Promise.all([from, to].map((id) => s.clients.subscriptions.subscriptions.get(id).catch((err: unknown) => {
    throw toAppError(err, `reading subscription ${id}`, ctl.signal);
  })));
  const offers = subs.map((sub) => classifyOffer(sub.subscriptionPolicies?.quotaId));
  if (!offers.every((o) => CSP_OFFERS.has(o))) {
    throw new AppError('azure-failed', `Moving a registration to another subscription is supported only between CSP subscriptions of the same partner; these look like ${offers.join(' and ')}. Nothing was changed.`, {
      action: 'Move it to another resource group of the same subscription, or unregister and register again in the other subscription.',
    });
  }
  ctl.progress?.('move.check', said('progress.move-cross-subscription', 'Cross-subscription move: Azure accepts it only when both CSP subscriptions resolve to the same partner ID.'));
};

/** Failures that say nothing about what Azure did: the answer never came, or we stopped listening. */
const UNSETTLED = new Set(['azure-unavailable', 'azure-throttled', 'azure-credential-expired', 'timeout', 'cancelled', 'azure-outcome-unknown']);

/** Answers to the move POST that prove nothing started (any other 4xx too): see retry.ts. */
const REFUSED_BEFORE_START = new Set([429, 503]);

/** The registration at its new id; ARM may answer 404 briefly after a move, so a few reads. */
const readMoved = async (s: Session, sub: string, rg: string, name: string): Promise<RegistrationInfo | undefined> => {
  for (let i = 0; ; i++) {
    const found = await s.registrations.get(sub, rg, name).catch(() => undefined);
    if (found || i + 1 >= MOVED_READ.attempts) return found;
    await s.sleep(MOVED_READ.intervalMs);
  }
};

const outcomeUnknown = (from: RegistrationInfo, target: string, e: AppError): AppError =>
  new AppError('azure-outcome-unknown', `The move of ${from.name} was sent to Azure but its outcome is unknown (${e.message}): it may still complete. Its lock was not put back, so that it cannot stop the move.`, {
    action: `Check where the registration is (Check where it is): in ${target} or still in ${from.resourceGroup}. Once it is in ${target}, run Move again: it locks it there. Run Move again from ${from.resourceGroup} only if it is still there after the move could have finished.`,
    retryable: false,
    ...(e.problem.detail ? { detail: e.problem.detail } : {}),
    ...(e.problem.reference ? { reference: e.problem.reference } : {}),
  });

const relocate = async (s: Session, req: MoveRequest, ctl: Ctl, from: RegistrationInfo, targetSub: string, hadLock: boolean): Promise<void> => {
  const signal = ctl.signal;
  const rm = s.clients.resources(req.subscriptionId);
  const info = { resources: [from.id], targetResourceGroup: resourceGroupScope(targetSub, req.targetResourceGroup) };
  // Right after our lock came off, ARM may still enforce it for a while (409 ScopeLocked).
  const patient = <T>(name: string, step: string, fn: () => Promise<T>) => (hadLock ? afterOwnLockRemoved(s, ctl, name, step, fn) : fn());
  try {
    await phase(s, ctl, 'move.validate', said('progress.move-validate', 'Asking Azure whether the move is possible'), () =>
      patient('move.validate', 'validating the move', () =>
        driveLro(s, () => rm.resources.validateMoveResources(req.resourceGroup, info, signal ? { abortSignal: signal } : {}), 'validating the move', signal),
      ),
    );
  } catch (err) {
    const said = toAppError(err, 'validating the move', signal);
    // Validation changes nothing: a validation that never finished is a plain timeout.
    const e = said.problem.code === 'azure-outcome-unknown' ? new AppError('timeout', said.message, { retryable: true }) : said;
    const relock = hadLock ? await restoreLock(s, from) : '';
    throw rephrase(e, `Azure refused the move: ${e.message} Nothing was moved.${relock}`);
  }
  const stage = { submitted: false };
  try {
    await phase(s, ctl, 'move.move', said('progress.move-move', `Moving ${from.name} to resource group ${req.targetResourceGroup}`, { name: from.name, target: req.targetResourceGroup }), () =>
      patient('move.move', 'moving the registration', () => {
        stage.submitted = false;
        return driveLro(s, () => rm.resources.moveResources(req.resourceGroup, info, signal ? { abortSignal: signal } : {}), 'moving the registration', signal, stage);
      }),
    );
  } catch (err) {
    const e = toAppError(err, 'moving the registration', signal);
    const arrived = await readMoved(s, targetSub, req.targetResourceGroup, from.name);
    if (arrived) {
      s.log.warn('Move reported a failure but the registration is in the target group', { id: arrived.id, error: e.message });
      return;
    }
    // Sent (or maybe sent: a 5xx or a dropped connection on the POST) and not reported failed: the
    // move may still run, and our lock back on the old id would make it fail half-way.
    const status = describeFailure(err).status;
    const refusedBeforeStart = !stage.submitted && status !== undefined && (REFUSED_BEFORE_START.has(status) || (status >= 400 && status < 500));
    const reportedFailed = stage.submitted && !UNSETTLED.has(e.problem.code);
    if (!refusedBeforeStart && !reportedFailed) throw outcomeUnknown(from, req.targetResourceGroup, e);
    const relock = hadLock ? await restoreLock(s, from) : '';
    throw rephrase(e, `The move did not complete: ${e.message} The registration is still ${from.id}.${relock}`);
  }
};

/** The last step: the registration read at its new id and locked there. */
const lockAtNewPlace = (s: Session, ctl: Ctl, targetSub: string, rg: string, name: string): Promise<RegistrationInfo> =>
  phase(s, ctl, 'move.lock', said('progress.move-lock', 'Locking the registration at its new place'), async () => {
    const moved = await readMoved(s, targetSub, rg, name);
    if (!moved) throw new AppError('azure-partial', `Azure reported the move of ${name} as done, but it is not found in ${rg} yet, and it is unlocked.`, { action: 'Check both resource groups in the portal; lock the registration where it is.' });
    let answer;
    try {
      answer = await s.locks.place(moved.id, name);
    } catch (err) {
      throw lockProblem(moved, toAppError(err, 'placing the registration lock'));
    }
    if (answer.status !== 200 && answer.status !== 201) throw lockProblem(moved, answerError(answer, 'placing the registration lock'));
    return moved;
  });

export const move = async (s: Session, req: MoveRequest, ctl: Ctl): Promise<{ from: RegistrationInfo; to: RegistrationInfo }> => {
  const signal = ctl.signal;
  const targetSub = req.targetSubscriptionId ?? req.subscriptionId;
  const cross = !sameGuid(targetSub, req.subscriptionId);
  const name = req.registrationName;
  const [from, target] = await phase(s, ctl, 'move.check', said('progress.move-check', 'Checking the registration and the target resource group'), () =>
    Promise.all([s.registrations.get(req.subscriptionId, req.resourceGroup, name, signal), rgOrUndefined(s, targetSub, req.targetResourceGroup, signal)]),
  );
  if (!from) {
    // A move cut short after Azure made it (the app stopped, or the answer was lost) leaves the
    // registration in the target group, perhaps unlocked: running Move again finishes it.
    const arrived = target ? await s.registrations.get(targetSub, req.targetResourceGroup, name, signal).catch(() => undefined) : undefined;
    if (arrived) {
      ctl.progress?.(
        'move.check',
        said('progress.move-already-there', `${name} is already in resource group ${req.targetResourceGroup} (an earlier move went through): locking it there.`, {
          name,
          target: req.targetResourceGroup,
        }),
      );
      const to = await lockAtNewPlace(s, ctl, targetSub, req.targetResourceGroup, name);
      return { from: { ...to, id: registrationId(req.subscriptionId, req.resourceGroup, name), subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, locked: false }, to: { ...to, locked: true } };
    }
    throw new AppError('azure-not-found', `No registration named ${name} in resource group ${req.resourceGroup} of subscription ${req.subscriptionId}. Nothing was changed.`, {
      action: 'Check the resource group and the registration name in the list of registrations, then repeat the move.',
    });
  }
  if (!target && cross) {
    throw new AppError('azure-not-found', `Target resource group ${req.targetResourceGroup} does not exist in subscription ${targetSub}. Nothing was changed.`, {
      action: 'Ask the target subscription\'s owner to create the resource group, then repeat the move.',
    });
  }
  if (!cross && req.resourceGroup.toLowerCase() === req.targetResourceGroup.toLowerCase()) {
    throw new AppError('azure-failed', `Registration ${name} is already in resource group ${req.resourceGroup}.`);
  }
  if (cross) await phase(s, ctl, 'move.check', said('progress.move-check-subscriptions', 'Checking both subscriptions'), () => checkCrossSubscription(s, ctl, req.subscriptionId, targetSub));

  const targetScope = target ? resourceGroupScope(targetSub, req.targetResourceGroup) : subscriptionScope(targetSub);
  const hadLock = await phase(s, ctl, 'move.locks', said('progress.move-locks', 'Checking locks on the registration and on the source and target resource groups and subscriptions'), () =>
    checkMoveLocks(s, from, targetScope, signal),
  );
  if (!target) await createTargetGroup(s, ctl, req);
  if (hadLock) await phase(s, ctl, 'move.unlock', said('progress.move-unlock', 'Removing the registration lock for the move'), () => removeOwnLock(s, from, signal));
  await relocate(s, req, ctl, from, targetSub, hadLock);

  const to = await lockAtNewPlace(s, ctl, targetSub, req.targetResourceGroup, name);
  ctl.warn?.('move.lock', said('progress.move-old-id', 'The stamp activation still names the old resource id; if syndication fails afterwards, get a new activation key and activate again.'));
  return { from: { ...from, locked: hadLock }, to: { ...to, locked: true } };
};
