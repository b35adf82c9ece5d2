import { AppError, isAppError } from '../../shared/contract/problems';
import { decodeActivationKey } from '../../shared/domain/activation-key';
import { sameGuid } from '../../shared/domain/ids';
import type { AzureSide } from '../../shared/domain/registration-status';
import type { RegistrationInfo } from '../../shared/domain/types';
import { toAppError } from './arm-error';
import { answerError } from './arm-http';
import { listRegistrations } from './queries';
import { resourceGroupScope } from './resource-ids';
import type { Session } from './session';
import type { RegistrationRef } from './types';

// The Azure side of the status screen and of -Reregister (contract §2.10 step 5): the registration the
// stamp's activation record names, its lock, its group's location and the expiry of the key Azure
// issues for it; when it is not there, whether it moved (same cloud ID or name elsewhere in the
// subscription) or the subscription now belongs to another directory.

/** ARM's answer when the token's directory is not the subscription's any more. */
const isOtherDirectory = (err: unknown): boolean => isAppError(err) && /InvalidAuthenticationTokenTenant/.test(`${err.problem.detail ?? ''} ${err.message}`);

const keyExpiry = async (s: Session, r: RegistrationInfo): Promise<string | undefined> => {
  try {
    const answer = await s.registrations.activationKey(r.subscriptionId, r.resourceGroup, r.name);
    const key = (answer.body as { activationKey?: unknown } | undefined)?.activationKey;
    return answer.status === 200 && typeof key === 'string' ? decodeActivationKey(key).summary.expires : undefined;
  } catch {
    // Only shown when Azure gives it: no right to the action, or a key this app cannot read, is not the status.
    return undefined;
  }
};

const groupLocation = async (s: Session, subscriptionId: string, resourceGroup: string): Promise<string | undefined> => {
  const step = `reading resource group ${resourceGroup}`;
  const answer = await s.http.send('GET', `${resourceGroupScope(subscriptionId, resourceGroup)}?api-version=${s.api.resources}`, { step });
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw answerError(answer, step);
  const location = (answer.body as { location?: unknown } | undefined)?.location;
  return typeof location === 'string' ? location : undefined;
};

export const readRegistrationSide = async (s: Session, ref: RegistrationRef, cloudId?: string): Promise<AzureSide> => {
  let found: RegistrationInfo | undefined;
  try {
    found = await s.registrations.get(ref.subscriptionId, ref.resourceGroup, ref.registrationName);
  } catch (err) {
    if (isOtherDirectory(err)) return { state: 'other-directory', subscriptionId: ref.subscriptionId };
    // The group is gone, or the provider was never registered there: the registration is not there either.
    if (!(isAppError(err) && (err.problem.code === 'azure-not-found' || err.problem.code === 'azure-provider-unregistered'))) throw err;
  }
  if (found) {
    const registration = found;
    const [locked, location, keyExpires] = await Promise.all([
      s.locks.hasOwn(registration.id),
      groupLocation(s, registration.subscriptionId, registration.resourceGroup),
      keyExpiry(s, registration),
    ]);
    return {
      state: 'found',
      registration: locked === undefined ? registration : { ...registration, locked },
      ...(location ? { location } : {}),
      ...(keyExpires ? { keyExpires } : {}),
    };
  }
  let all: RegistrationInfo[];
  try {
    all = await listRegistrations(s, ref.subscriptionId);
  } catch (err) {
    if (isOtherDirectory(err)) return { state: 'other-directory', subscriptionId: ref.subscriptionId };
    throw err;
  }
  const elsewhere = all.find((r) => (cloudId && r.cloudId ? sameGuid(r.cloudId, cloudId) : r.name.toLowerCase() === ref.registrationName.toLowerCase()));
  return elsewhere ? { state: 'elsewhere', registration: elsewhere } : { state: 'missing', subscriptionId: ref.subscriptionId };
};

/** What -Reregister recovers from Azure; its failures in the module's words and what to do. */
export const recoverFromAzure = async (s: Session, ref: RegistrationRef, cloudId?: string): Promise<{ registration: RegistrationInfo; location?: string }> => {
  const unable = (why: string, action: string, detail?: string) =>
    new AppError('azure-not-found', `Unable to retrieve registration details from Azure: ${why}`, { action, ...(detail ? { detail } : {}) });
  let side: AzureSide;
  try {
    side = await readRegistrationSide(s, ref, cloudId);
  } catch (err) {
    const e = toAppError(err, `reading registration ${ref.registrationName}`);
    if (e.problem.code === 'azure-forbidden') {
      throw new AppError('azure-forbidden', `Unable to retrieve registration details from Azure: this account may not read registration ${ref.registrationName} in subscription ${ref.subscriptionId} (403).`, {
        action: 'Sign in to Azure with the account that registered this stamp (only it, or an owner of the subscription, may change the registration), then try again.',
        ...(e.problem.detail ? { detail: e.problem.detail } : {}),
      });
    }
    throw e;
  }
  switch (side.state) {
    case 'found':
      return { registration: side.registration, ...(side.location ? { location: side.location } : {}) };
    case 'elsewhere':
      return { registration: side.registration, ...(await groupLocation(s, side.registration.subscriptionId, side.registration.resourceGroup).then((location) => (location ? { location } : {}))) };
    case 'other-directory':
      throw unable(`subscription ${ref.subscriptionId} now belongs to another directory.`, 'Sign in to the directory that holds the subscription now; a directory change resets the registration, so register again with new details.');
    case 'missing':
      throw unable(`registration ${ref.registrationName} is neither in resource group ${ref.resourceGroup} nor anywhere else in subscription ${ref.subscriptionId}.`, 'Register again with new details: the stamp was activated for a registration that no longer exists.');
  }
};
