import { AppError, isAppError } from '../../shared/contract/problems';
import { compareRegistration, prefillAsks, recordedRegistration } from '../../shared/domain/registration-status';
import type { RegistrationStatusView, ReregisterPrefill, StampActivation } from '../../shared/domain/registration-status';
import type { AzureService } from '../azure';
import type { StampArmService } from '../stamp-arm';

// Registration status on both sides, and -Reregister's recovery of the registration's details
// (contract §2.10): the stamp's activation record first, then the registration it names in Azure.

export type StatusFlowDeps = { stampArm: StampArmService; azure: AzureService; clock: { now(): Date } };

/** A side that could not be read says why, beside the other side; anything unexpected still fails the call. */
const sideProblem = (err: unknown) => {
  if (isAppError(err)) return err.problem;
  throw err;
};

export const readStatus = async (deps: StatusFlowDeps, cloudId?: string): Promise<RegistrationStatusView> => {
  const now = deps.clock.now();
  const view: RegistrationStatusView = { readAt: now.toISOString() };
  try {
    view.stamp = await deps.stampArm.read();
  } catch (err) {
    view.stampProblem = sideProblem(err);
  }
  const ref = view.stamp?.activation ? recordedRegistration(view.stamp.activation) : undefined;
  // Not signed in to Azure: the stamp side alone, and the screen offers the sign-in.
  if (ref && deps.azure.account()) {
    try {
      view.azure = await deps.azure.registrationSide(ref, cloudId);
    } catch (err) {
      view.azureProblem = sideProblem(err);
    }
  }
  if (view.stamp) view.comparison = compareRegistration({ stamp: view.stamp, ...(view.azure ? { azure: view.azure } : {}), ...(cloudId ? { cloudId } : {}), now });
  return view;
};

const notRegistered = () =>
  new AppError('stamp-not-registered', 'Unable to retrieve registration details from AzureStack: the stamp has no activation record, so it is not registered.', {
    action: 'Register the stamp as a new registration: there are no earlier details to reuse.',
  });

export const recoverReregisterDetails = async (deps: StatusFlowDeps, cloudId?: string): Promise<ReregisterPrefill> => {
  const { activation } = await deps.stampArm.read();
  if (!activation) throw notRegistered();
  const ref = recordedRegistration(activation);
  if (!ref) {
    throw new AppError('stamp-arm-failed', `Unable to retrieve registration details from AzureStack: the activation record names "${activation.registrationResourceId}", which is not a registration resource.`, {
      action: 'Check Region management > Properties in the administrator portal, then register with those details.',
    });
  }
  const { registration, location } = await deps.azure.recoverRegistration(ref, cloudId);
  return prefillOf(activation, registration, location);
};

const prefillOf = (
  activation: StampActivation,
  registration: { subscriptionId: string; resourceGroup: string; name: string; billingModel?: string; cloudId?: string },
  location: string | undefined,
): ReregisterPrefill => ({
  subscriptionId: registration.subscriptionId,
  resourceGroup: registration.resourceGroup,
  registrationName: registration.name,
  ...(location ? { location } : {}),
  ...(registration.billingModel ? { billingModel: registration.billingModel } : {}),
  ...(registration.cloudId ? { cloudId: registration.cloudId } : {}),
  usageReportingEnabled: activation.usageReportingEnabled,
  marketplaceSyndicationEnabled: activation.marketplaceSyndicationEnabled,
  ask: prefillAsks(registration.billingModel),
});
