import { AppError, isAppError, said } from '../../shared/contract';
import type { OperationOutcomes, OperationStart, Said } from '../../shared/contract';
import { sameGuid } from '../../shared/domain';
import type { RegistrationInfo, StampInfo } from '../../shared/domain/types';
import type { AzureService, RegistrationRef } from '../azure';
import { recordId, type ConnectedRecords } from '../connected';
import type { RunContext } from '../operations';
import type { StampSessions } from './stamp-sessions';

// Remove-AzsRegistration, connected (contract §2.9): one PEP session → stamp information → the
// registration in Azure must carry this stamp's cloud ID → the rights and locks the deletion needs
// checked while nothing is changed → Remove-AzureStackActivation → lock
// delete → DELETE → verify 404. The stamp step and the Azure step are resumable apart: when Azure
// fails after the stamp was deactivated, the problem says so and the re-run does only what is left.
// Never the official module's "does not correlate" text: not found and another stamp's are told apart.
// The deactivation is remembered on disk until Azure's part is seen to finish, so a re-run after the app
// was closed or killed between the two knows the stamp's part was done.

export type RemovalFlowDeps = { sessions: StampSessions; azure: AzureService; records: Pick<ConnectedRecords, 'deactivatedAt' | 'setDeactivated'>; clock: { now(): Date } };

type FindRequest = RegistrationRef & { sessionId: string };

const where = (ref: RegistrationRef): string =>
  `subscription ${ref.subscriptionId}, resource group ${ref.resourceGroup}, name ${ref.registrationName} (/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.AzureStack/registrations/${ref.registrationName})`;

const notFound = (ref: RegistrationRef, stamp: StampInfo): AppError =>
  new AppError('azure-not-found', `Azure has no registration there. The app looked in ${where(ref)}. The stamp (cloud ID ${stamp.cloudId}) was not changed.`, {
    action:
      'Read the subscription, resource group and registration name in the administrator portal (Region management > Properties) and search again; or list the registrations of the subscription.',
  });

const otherStamp = (found: RegistrationInfo, stamp: StampInfo): AppError =>
  new AppError(
    'registration-other-stamp',
    `Registration ${found.name} belongs to another stamp: it carries cloud ID ${found.cloudId ?? 'unknown'}, and this stamp's cloud ID is ${stamp.cloudId}. Nothing was changed, on the stamp or in Azure.`,
    { action: 'Check the name in the administrator portal (Region management > Properties) of this stamp; never remove another stamp\'s registration from here.' },
  );

const refOf = (req: RegistrationRef): RegistrationRef => ({
  subscriptionId: req.subscriptionId,
  resourceGroup: req.resourceGroup,
  registrationName: req.registrationName,
});

/** A help for a re-run after a restart, never a reason to fail what the stamp and Azure did. */
const remember = (deps: RemovalFlowDeps, id: string, cloudId: string, at: string | undefined): Promise<void> =>
  deps.records.setDeactivated(id, cloudId, at).catch(() => undefined);

/** Step 2 alone, before anything changes: the registration there, and that it is this stamp's. */
export const findForRemoval = async (deps: RemovalFlowDeps, req: FindRequest, signal?: AbortSignal): Promise<RegistrationInfo> => {
  const { stamp } = deps.sessions.get(req.sessionId);
  const ref = refOf(req);
  const found = await deps.azure.findRegistration(ref, signal);
  if (!found) throw notFound(ref, stamp);
  // A registration without a cloud ID in its answer cannot be shown to be this stamp's: refuse it too.
  if (!found.cloudId || !sameGuid(found.cloudId, stamp.cloudId)) throw otherStamp(found, stamp);
  return found;
};

export const removeRegistration = async (
  deps: RemovalFlowDeps,
  req: Extract<OperationStart, { kind: 'registration.remove' }>,
  ctx: RunContext,
): Promise<OperationOutcomes['registration.remove']> => {
  const { session, stamp } = deps.sessions.get(req.sessionId);
  const ref = refOf(req);
  const ctl = { signal: ctx.signal, progress: (phase: string, message: string | Said) => ctx.progress({ phase, message }) };
  ctx.progress({ phase: 'remove.find', message: said('progress.remove-find', `Looking for the registration in ${where(ref)}…`, { subscription: ref.subscriptionId, group: ref.resourceGroup, name: ref.registrationName }) });
  const found = await deps.azure.findRegistration(ref, ctx.signal);
  const id = recordId(ref);
  if (!found) {
    // The earlier run deactivated the stamp and Azure did delete it after all (the app may have been closed before it saw that): nothing is left.
    if (req.stampDeactivated || deps.records.deactivatedAt(id, stamp.cloudId)) {
      await remember(deps, id, stamp.cloudId, undefined);
      ctx.progress({ level: 'info', phase: 'remove.done', message: said('progress.remove-gone', 'Azure no longer has the registration: the earlier run finished there after all.') });
      return { registration: { id: '', name: ref.registrationName, subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup }, stampDeactivatedAt: null, deletedAt: deps.clock.now().toISOString(), alreadyGone: true };
    }
    throw notFound(ref, stamp);
  }
  if (!found.cloudId || !sameGuid(found.cloudId, stamp.cloudId)) throw otherStamp(found, stamp);
  if (found.name.toLowerCase() !== req.confirmName.trim().toLowerCase()) {
    throw new AppError('azure-confirmation-mismatch', `Type the registration name "${found.name}" to confirm the removal.`, {
      action: 'Nothing was changed. Type the exact name shown and try again.',
    });
  }

  let stampDeactivatedAt: string | null = null;
  if (req.stampDeactivated) {
    ctx.progress({ level: 'info', phase: 'remove.stamp-skipped', message: said('progress.remove-stamp-skipped', 'The stamp was deactivated by an earlier run: only the Azure part is left.') });
  } else {
    // What would stop Azure's part is found before the stamp is changed.
    await deps.azure.removable(found, ctx.signal);
    ctx.progress({ phase: 'remove.deactivate', message: said('progress.remove-deactivate', 'Removing the activation from the stamp (Remove-AzureStackActivation): marketplace syndication and usage reporting stop…') });
    await session.removeActivation({ signal: ctx.signal, onRecord: (r) => ctx.progress(r) });
    stampDeactivatedAt = deps.clock.now().toISOString();
    await remember(deps, id, stamp.cloudId, stampDeactivatedAt);
    ctx.progress({ level: 'info', phase: 'remove.deactivated', message: said('progress.remove-deactivated', 'The stamp is deactivated. Next: the registration in Azure.') });
  }

  let registration: RegistrationInfo;
  try {
    registration = await deps.azure.unregister(
      { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, target: { by: 'name', registrationName: found.name, cloudId: stamp.cloudId } },
      ctl,
    );
  } catch (err) {
    const e = isAppError(err) ? err.problem : undefined;
    throw new AppError(
      'removal-partial',
      `The stamp is deactivated, but removing registration ${found.name} in Azure failed: ${e?.message ?? String(err)}`,
      {
        action: `Run the removal again: it skips the stamp, which is already deactivated, and finishes in Azure.${e?.action ? ` ${e.action}` : ''}`,
        retryable: true,
        ...(e?.detail ? { detail: e.detail } : {}),
        ...(e?.reference ? { reference: e.reference } : {}),
      },
    );
  }
  await remember(deps, id, stamp.cloudId, undefined);
  return { registration, stampDeactivatedAt, deletedAt: deps.clock.now().toISOString(), alreadyGone: false };
};
