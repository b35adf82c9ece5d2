import { AppError } from '../../shared/contract/problems';
import type { RegistrationInfo } from '../../shared/domain/types';
import { deniedAction } from './arm-error';
import { matchesCloud } from './registration-api';
import type { Session } from './session';
import type { RegisterRequest } from './types';

// Register failures worded for the operator, each saying what state Azure is left in.

const carry = (e: AppError) => ({
  retryable: e.problem.retryable,
  ...(e.problem.detail ? { detail: e.problem.detail } : {}),
  ...(e.problem.reference ? { reference: e.problem.reference } : {}),
});

/** Best effort: where this cloud ID is registered already, to point the operator at it. */
const findByCloud = async (s: Session, sub: string, cloudId: string): Promise<RegistrationInfo | undefined> => {
  try {
    return (await s.registrations.list(sub, undefined)).find((r) => matchesCloud(r, cloudId));
  } catch {
    return undefined;
  }
};

export const putProblem = async (
  s: Session,
  ctx: { req: RegisterRequest; cloudId: string; createdGroup: boolean; reused: boolean; error: AppError },
): Promise<AppError> => {
  const { req, cloudId, error } = ctx;
  const name = req.registrationName;
  const leftover = ctx.createdGroup ? ` Resource group ${req.resourceGroup} was created for it and is left empty.` : '';
  switch (error.problem.code) {
    case 'azure-name-conflict':
      return new AppError('azure-name-conflict', `Registration name ${name} is already associated with another cloud ID (CloudIdUpdateNotAllowed). No registration was created.${leftover}`, {
        ...carry(error),
        action: `Pick a unique name, e.g. AzureStack-${cloudId}.`,
      });
    case 'azure-cloud-already-registered': {
      const other = await findByCloud(s, req.subscriptionId, cloudId);
      const where = other ? ` as ${other.name} in resource group ${other.resourceGroup}` : ' under another name';
      return new AppError('azure-cloud-already-registered', `This stamp (cloud ID ${cloudId}) is already registered${where}. Azure does not allow a second registration for it. No registration was created.${leftover}`, {
        ...carry(error),
        action: other
          ? `To renew or change it, register again with name ${other.name} and resource group ${other.resourceGroup}, or unregister it first.`
          : 'Use the name and resource group shown in the admin portal (Region management > Properties), or unregister the old registration first.',
      });
    }
    case 'azure-forbidden':
      if (!ctx.reused) break;
      // Pain point C1: REGDOC says only the registering user may modify a registration.
      return new AppError('azure-forbidden', `Azure refused to update registration ${name} for your account (403). Only the account that first registered this stamp may change its registration, even a Global Administrator cannot.`, {
        ...carry(error),
        action: 'Sign in with the account that registered it, or have that account make yours an owner of the Azure Stack bridge application; otherwise unregister and register again.',
      });
    case 'azure-unavailable':
    case 'timeout':
    case 'cancelled':
      return new AppError(error.problem.code, `Azure did not confirm registration ${name}: it may or may not exist now.${leftover}`, {
        ...carry(error),
        action: 'Run Register again with the same name and token: it is safe and reuses what was created.',
      });
    default:
      break;
  }
  return new AppError(error.problem.code, `${error.message} No registration was ${ctx.reused ? 'changed' : 'created'}.${leftover}`, {
    ...carry(error),
    ...(error.problem.action ? { action: error.problem.action } : {}),
  });
};

/** The resource exists but is unprotected: say so, whatever stopped the lock. */
export const lockProblem = (registration: RegistrationInfo, error: AppError): AppError => {
  const where = `Registration ${registration.name} exists in Azure (resource group ${registration.resourceGroup}, subscription ${registration.subscriptionId})`;
  const rerun = `then run Register again with the same name and token: it keeps the registration and only adds the lock.`;
  if (error.problem.code === 'azure-forbidden') {
    const missing = deniedAction(error.problem.detail ?? '') ?? 'Microsoft.Authorization/locks/write';
    return new AppError('azure-lock-forbidden', `${where}, but its delete lock RegistrationResourceLock was not placed: your account lacks ${missing}. The activation key can still be fetched; nothing protects the registration from deletion.`, {
      ...carry(error),
      retryable: false,
      action: `Ask a subscription Owner to add Microsoft.Authorization/locks/read, locks/write and locks/delete to your role (Create role does it), ${rerun}`,
    });
  }
  return new AppError('azure-partial', `${where}, but placing its delete lock RegistrationResourceLock failed: ${error.message}`, {
    ...carry(error),
    action: `${error.problem.action ? `${error.problem.action} ` : ''}Fix that, ${rerun}`,
  });
};
