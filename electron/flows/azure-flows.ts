import { AppError, said } from '../../shared/contract';
import type { Said } from '../../shared/contract';
import type { OperationOutcomes, OperationStart } from '../../shared/contract';
import { renewalNameProblem } from '../../shared/domain';
import { REGISTRATION_LOCK_NAME } from '../../shared/domain/handoff-record';
import type { AzureService, RegistrationRef } from '../azure';
import type { Handoff } from '../handoff';
import type { RunContext } from '../operations';

export type AzureFlowDeps = { azure: AzureService; handoff: Handoff; clock: { now(): Date } };

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
  const purpose = (await deps.handoff.list()).find((h) => h.id === handoffId)?.purpose;
  if (purpose !== 'renewal') return;
  const problem = renewalNameProblem(purpose, ref.registrationName, await deps.azure.findRegistration(ref));
  if (problem) throw new AppError('renewal-name-taken', `${problem.message} Nothing was changed in Azure.`, { action: problem.fix });
};

/** `UnRegister-AzsEnvironment` / `Remove-AzsRegistration`, by name or by the token's cloud ID. */
export const unregister = async (
  deps: AzureFlowDeps,
  req: Extract<OperationStart, { kind: 'azure.unregister' }>,
  ctx: RunContext,
): Promise<OperationOutcomes['azure.unregister']> => {
  const target =
    req.target.by === 'name'
      ? ({ by: 'name', registrationName: req.target.registrationName } as const)
      : ({ by: 'cloudId', cloudId: await cloudIdOfHandoff(deps.handoff, req.target.handoffId) } as const);
  const registration = await deps.azure.unregister(
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
  return { registration, deletedAt: deps.clock.now().toISOString() };
};

// From the journal's summary, not the token text: a completed hand-off no longer keeps its token.
const cloudIdOfHandoff = async (handoff: Handoff, handoffId: string): Promise<string> => {
  const found = (await handoff.list()).find((h) => h.id === handoffId);
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
