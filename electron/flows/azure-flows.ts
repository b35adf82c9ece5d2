import { AppError, isAppError, said } from '../../shared/contract';
import type { Said } from '../../shared/contract';
import type { RegistrationInfo } from '../../shared/domain/types';
import type { OperationOutcomes, OperationStart } from '../../shared/contract';
import { renewalNameProblem, sameGuid } from '../../shared/domain';
import { REGISTRATION_LOCK_NAME } from '../../shared/domain/handoff-record';
import type { AzureService, RegistrationRef } from '../azure';
import type { Handoff } from '../handoff';
import type { Journal } from '../journal';
import type { RunContext } from '../operations';

export type AzureFlowDeps = {
  azure: AzureService;
  handoff: Handoff;
  clock: { now(): Date };
  /** Operations the app closed on while they ran: an Unregister re-run settles the ones that had deleted the registration. */
  interrupted: Pick<Journal, 'interruptedOperations' | 'settleInterrupted'>;
};

const ctlOf = (ctx: RunContext) => ({
  signal: ctx.signal,
  progress: (phase: string, message: string | Said) => ctx.progress({ phase, message }),
  warn: (phase: string, message: string | Said) => ctx.progress({ level: 'warning', phase, message }),
});

/** `Register-AzsEnvironment` then `Get-AzsActivationKey`: token in, key kept for the USB stick. */
export const register = async (
  deps: AzureFlowDeps,
  req: Extract<OperationStart, { kind: 'azure.register' }>,
  ctx: RunContext,
): Promise<OperationOutcomes['azure.register']> => {
  const token = deps.handoff.tokenFor(req.handoffId);
  const ref = { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, registrationName: req.registrationName };
  await refuseTakenRenewalName(deps, req.handoffId, ref);
  // The key needs only the resource: asked for beside the lock, and used only once the lock is in place.
  let key: Promise<string> | undefined;
  const { registration, reused } = await deps.azure.register(
    { ...ref, location: req.location, token },
    {
      ...ctlOf(ctx),
      onResource: () => {
        key = deps.azure.activationKey(ref, ctlOf(ctx));
        key.catch(() => undefined);
      },
    },
  );
  const cloud = deps.azure.account()?.cloud;
  const note = reused
    ? said('history.registered-existing', `${registration.id} (already existed)`, { id: registration.id })
    : said('history.registered', registration.id, { id: registration.id });
  await deps.handoff.markStage(req.handoffId, 'registered', note, {
    ...(cloud ? { cloud } : {}),
    subscriptionId: req.subscriptionId,
    resourceGroup: req.resourceGroup,
    location: req.location,
    registrationId: registration.id,
    ...(registration.locked ? { lock: `${REGISTRATION_LOCK_NAME} (CanNotDelete)` } : {}),
  });
  ctx.progress({ phase: 'key', message: said('progress.key', 'Retrieving the activation key…') });
  const issued = await deps.handoff.recordIssuedKey(req.handoffId, await (key ?? deps.azure.activationKey(ref, ctlOf(ctx))), req.registrationName);
  return { ...issued, registration, reused };
};

/**
 * REGDOC: a renewed Capacity registration needs a new unique name unless the old one is deleted
 * first. Checked again here (the names step shows it first), before anything changes in Azure.
 */
const refuseTakenRenewalName = async (deps: AzureFlowDeps, handoffId: string, ref: RegistrationRef): Promise<void> => {
  const purpose = deps.handoff.find(handoffId)?.purpose;
  if (purpose !== 'renewal') return;
  const problem = renewalNameProblem(purpose, ref.registrationName, await deps.azure.findRegistration(ref));
  if (problem) throw new AppError('renewal-name-taken', `${problem.message} Nothing was changed in Azure.`, { action: problem.fix });
};

type UnregisterStart = Extract<OperationStart, { kind: 'azure.unregister' }>;

const DEFAULT_RESOURCE_GROUP = 'azurestack';

/** What the journal keeps of an Unregister (non-secret), so a re-run after the app was closed on it knows its target. */
export const unregisterMeta = (req: UnregisterStart): Record<string, string | null> => ({
  subscriptionId: req.subscriptionId,
  resourceGroup: req.resourceGroup ?? null,
  target: req.target.by,
  ...(req.target.by === 'name' ? { registrationName: req.target.registrationName } : { handoffId: req.target.handoffId }),
});

const sameText = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** The same target: subscription, where it looked (the default group by name) and the name, or the same hand-off. */
const sameUnregister = (meta: Record<string, unknown>, req: UnregisterStart): boolean => {
  const sub = meta['subscriptionId'];
  if (meta['target'] !== req.target.by || typeof sub !== 'string' || !sameGuid(sub, req.subscriptionId)) return false;
  if (req.target.by === 'token') {
    const group = meta['resourceGroup'] ?? null;
    return meta['handoffId'] === req.target.handoffId && (group === null ? !req.resourceGroup : sameText(group, req.resourceGroup));
  }
  return sameText(meta['resourceGroup'] ?? DEFAULT_RESOURCE_GROUP, req.resourceGroup ?? DEFAULT_RESOURCE_GROUP) && sameText(meta['registrationName'], req.target.registrationName);
};

const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The sentence a re-run ends with when the interrupted Unregister had already deleted the registration. */
const deletedEarlier = (req: UnregisterStart, cloudId: string | undefined, startedAt: string): Said => {
  const at = { at: startedAt };
  const before = `The Unregister started at ${minute(startedAt)} was interrupted when the app closed, and had already deleted it:`;
  if (req.target.by === 'name') {
    const group = req.resourceGroup ?? DEFAULT_RESOURCE_GROUP;
    const name = req.target.registrationName;
    return said('progress.unregister-gone', `${before} Azure has no registration ${name} in ${group}; nothing left to do.`, { at, name, group });
  }
  const id = cloudId ?? '';
  return req.resourceGroup
    ? said('progress.unregister-gone-cloud-group', `${before} Azure has no registration for cloud ID ${id} in resource group ${req.resourceGroup} of subscription ${req.subscriptionId}; nothing left to do.`, { at, cloudId: id, group: req.resourceGroup, subscription: req.subscriptionId })
    : said('progress.unregister-gone-cloud', `${before} Azure has no registration for cloud ID ${id} in subscription ${req.subscriptionId}; nothing left to do.`, { at, cloudId: id, subscription: req.subscriptionId });
};

/** `UnRegister-AzsEnvironment` / `Remove-AzsRegistration`, by name or by the token's cloud ID. */
export const unregister = async (deps: AzureFlowDeps, req: UnregisterStart, ctx: RunContext): Promise<OperationOutcomes['azure.unregister']> => {
  const target =
    req.target.by === 'name'
      ? ({ by: 'name', registrationName: req.target.registrationName } as const)
      : ({ by: 'cloudId', cloudId: cloudIdOfHandoff(deps.handoff, req.target.handoffId) } as const);
  // Read before this run starts: the journal lists this run itself only once it ends.
  const earlier = deps.interrupted.interruptedOperations().filter((op) => op.kind === 'azure.unregister' && sameUnregister(op.meta, req));
  let registration: RegistrationInfo;
  try {
    registration = await deps.azure.unregister(
      {
        subscriptionId: req.subscriptionId,
        ...(req.resourceGroup ? { resourceGroup: req.resourceGroup } : {}),
        target,
        confirm: (found) => {
          if (found.name.toLowerCase() !== req.confirmName.trim().toLowerCase()) {
            throw new AppError('azure-confirmation-mismatch', `Type the registration name "${found.name}" to confirm the deletion.`, {
              action: 'Nothing was deleted. Type the exact name shown and try again.',
            });
          }
        },
      },
      ctlOf(ctx),
    );
  } catch (err) {
    // Not there, and an Unregister of the same target was cut short by the app closing: that run deleted it.
    const last = earlier.at(-1);
    if (!last || !isAppError(err) || err.problem.code !== 'azure-not-found') throw err;
    for (const op of earlier) await deps.interrupted.settleInterrupted(op.id);
    const alreadyDeleted = deletedEarlier(req, target.by === 'cloudId' ? target.cloudId : undefined, last.startedAt);
    ctx.progress({ level: 'info', phase: 'unregister.done', message: alreadyDeleted });
    const group = req.resourceGroup ?? (target.by === 'name' ? DEFAULT_RESOURCE_GROUP : '');
    const name = target.by === 'name' ? target.registrationName : req.confirmName.trim();
    return { registration: { id: '', name, subscriptionId: req.subscriptionId, resourceGroup: group }, deletedAt: deps.clock.now().toISOString(), alreadyDeleted };
  }
  // Earlier interrupted runs of this target are settled too: this run deleted what they had left.
  for (const op of earlier) await deps.interrupted.settleInterrupted(op.id);
  return { registration, deletedAt: deps.clock.now().toISOString() };
};

// From the journal's summary, not the token text: a completed hand-off no longer keeps its token.
const cloudIdOfHandoff = (handoff: Handoff, handoffId: string): string => {
  const found = handoff.find(handoffId);
  if (!found) {
    throw new AppError('not-found', 'This hand-off is not in the journal of this machine.', {
      action: 'Read the registration token again, or unregister by name.',
    });
  }
  return found.cloudId;
};

/** Move the registration resource to another resource group (no PowerShell equivalent). */
export const move = async (
  deps: AzureFlowDeps,
  req: Extract<OperationStart, { kind: 'azure.move' }>,
  ctx: RunContext,
): Promise<OperationOutcomes['azure.move']> =>
  deps.azure.move(
    {
      subscriptionId: req.subscriptionId,
      resourceGroup: req.resourceGroup,
      registrationName: req.registrationName,
      targetResourceGroup: req.targetResourceGroup,
      ...(req.targetSubscriptionId ? { targetSubscriptionId: req.targetSubscriptionId } : {}),
    },
    ctlOf(ctx),
  );
