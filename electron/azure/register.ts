import { said } from '../../shared/contract/said';
import type { ResourceGroup } from '@azure/arm-resources';
import { AppError } from '../../shared/contract/problems';
import { sameGuid } from '../../shared/domain/ids';
import { decodeRegistrationToken } from '../../shared/domain/registration-token';
import type { AzureLocation, RegistrationInfo } from '../../shared/domain/types';
import { toAppError } from './arm-error';
import { answerError } from './arm-http';
import { ensureProvider, providerState } from './provider';
import { listLocations } from './queries';
import { registrationId } from './resource-ids';
import { lockProblem, putProblem } from './register-errors';
import { phase, type Session } from './session';
import type { Ctl, RegisterRequest, RegistrationRef } from './types';

// Contract §2.4, re-run safe: one round of parallel reads decides everything, then only the writes
// that are still needed. Nothing is written before the location, the name and the provider are known good.

const findLocation = (locations: AzureLocation[], wanted: string): string | undefined => {
  const norm = (x: string): string => x.replace(/\s+/g, '').toLowerCase();
  return locations.find((l) => norm(l.name) === norm(wanted) || norm(l.displayName) === norm(wanted))?.name;
};

const orUndefinedOn404 = async <T>(p: Promise<T>, step: string, signal?: AbortSignal): Promise<T | undefined> => {
  try {
    return await p;
  } catch (err) {
    const e = toAppError(err, step, signal);
    if (e.problem.code === 'azure-not-found') return undefined;
    throw e;
  }
};

/** Registration and lock as they stand; `unknown` while the provider is not registered yet. */
const readExisting = async (s: Session, req: RegistrationRef, signal?: AbortSignal) => {
  const id = registrationId(req.subscriptionId, req.resourceGroup, req.registrationName);
  const [registration, locked] = await Promise.all([
    s.registrations.get(req.subscriptionId, req.resourceGroup, req.registrationName, signal).catch((err: unknown) => {
      if (toAppError(err, 'reading the registration').problem.code === 'azure-provider-unregistered') return 'unknown' as const;
      throw err;
    }),
    s.locks.hasOwn(id, signal).catch(() => undefined),
  ]);
  return { registration, locked };
};

/** What registration decides on, read together: locations, provider, resource group, any registration of that name. */
export const readBeforeRegister = (s: Session, req: RegistrationRef, signal?: AbortSignal) => {
  const rm = s.clients.resources(req.subscriptionId);
  return Promise.all([
    listLocations(s, req.subscriptionId),
    providerState(s, req.subscriptionId, signal),
    orUndefinedOn404(rm.resourceGroups.get(req.resourceGroup, signal ? { abortSignal: signal } : {}), `reading resource group ${req.resourceGroup}`, signal),
    readExisting(s, req, signal),
  ]);
};
export type BeforeRegister = Awaited<ReturnType<typeof readBeforeRegister>>;

/** `known`: those reads, when the wizard made them moments ago for the same subscription, group and name. */
export const register = async (s: Session, req: RegisterRequest, ctl: Ctl, known?: BeforeRegister): Promise<{ registration: RegistrationInfo; reused: boolean }> => {
  const token = decodeRegistrationToken(req.token);
  const cloudId = token.summary.cloudId;
  const { subscriptionId: sub, resourceGroup: rg, registrationName: name } = req;
  const rm = s.clients.resources(sub);
  const signal = ctl.signal;

  const [locations, provider, group, first] =
    known ?? (await phase(s, ctl, 'register.check', said('progress.register-check', 'Checking location, provider, resource group and any registration of that name'), () => readBeforeRegister(s, req, signal)));

  const wanted = findLocation(locations, req.location);
  const location = group?.location ?? wanted;
  if (!location) {
    throw new AppError('azure-unknown-location', `Location '${req.location}' is not available in subscription ${sub} (UnknownResourceGroupLocation). Nothing was changed in Azure.`, {
      action: `Pick one of the subscription's locations: ${locations.map((l) => l.name).join(', ')}.`,
    });
  }
  if (group && wanted?.toLowerCase() !== location.toLowerCase()) {
    ctl.progress?.('register.check', said('progress.group-elsewhere', `Resource group ${rg} already exists in ${location}; keeping it there (you chose ${req.location}).`, { group: rg, location, chosen: req.location }));
  }
  if (first.registration !== 'unknown') assertSameCloud(first.registration, name, cloudId);

  let existing = first;
  if (provider !== 'Registered') {
    await ensureProvider(s, ctl, sub);
    if (first.registration === 'unknown') {
      existing = await phase(s, ctl, 'register.check', said('progress.register-check-existing', 'Checking for a registration of that name'), () => readExisting(s, req, signal));
      if (existing.registration !== 'unknown') assertSameCloud(existing.registration, name, cloudId);
    }
  }
  // assertSameCloud passed: an existing registration of that name is this stamp's.
  const reused = existing.registration !== 'unknown' && existing.registration !== undefined;

  let createdGroup = false;
  if (!group) {
    await phase(s, ctl, 'register.resource-group', said('progress.create-group', `Creating resource group ${rg} in ${location}`, { group: rg, location }), async () => {
      try {
        await rm.resourceGroups.createOrUpdate(rg, { location } satisfies ResourceGroup, signal ? { abortSignal: signal } : {});
      } catch (err) {
        throw toAppError(err, `creating resource group ${rg}`, signal);
      }
    });
    createdGroup = true;
  }

  const registration = await phase(s, ctl, 'register.resource', reused ? said('progress.update-registration', `Updating registration ${name}`, { name }) : said('progress.create-registration', `Creating registration ${name}`, { name }), async () => {
    let put;
    try {
      put = await s.registrations.put(sub, rg, name, token.canonical, signal);
    } catch (err) {
      throw await putProblem(s, { req, cloudId, createdGroup, reused, error: toAppError(err, `creating registration ${name}`, signal) });
    }
    if (!put.ok) throw await putProblem(s, { req, cloudId, createdGroup, reused, error: answerError(put.answer, `creating registration ${name}`) });
    if (put.registration.cloudId && !sameGuid(put.registration.cloudId, cloudId)) {
      throw new AppError('azure-failed', `Azure answered with cloud ID ${put.registration.cloudId} for registration ${name}, but the token is for cloud ID ${cloudId}.`, {
        action: 'Do not use this registration: check the name and token, and unregister it if it is not yours.',
        detail: JSON.stringify(put.registration),
      });
    }
    return put.registration;
  });
  // The resource exists: what needs only it (the activation key) may start beside the lock.
  ctl.onResource?.(registration);

  if (reused && existing.locked === true) {
    ctl.progress?.('register.lock', said('progress.lock-in-place', 'The registration lock is already in place.'));
  } else {
    await phase(s, ctl, 'register.lock', said('progress.place-lock', 'Placing the registration lock (CanNotDelete)'), async () => {
      let answer;
      try {
        answer = await s.locks.place(registration.id, name, signal);
      } catch (err) {
        throw lockProblem(registration, toAppError(err, 'placing the registration lock', signal));
      }
      if (answer.status !== 200 && answer.status !== 201) throw lockProblem(registration, answerError(answer, 'placing the registration lock'));
    });
  }
  s.log.info('Registration in place', { id: registration.id, reused });
  return { registration: { ...registration, locked: true }, reused };
};

const assertSameCloud = (existing: RegistrationInfo | undefined, name: string, cloudId: string): void => {
  if (existing?.cloudId && !sameGuid(existing.cloudId, cloudId)) {
    throw new AppError('azure-name-conflict', `Registration name ${name} is already used by another stamp (cloud ID ${existing.cloudId}); this token is for cloud ID ${cloudId}. Nothing was changed in Azure.`, {
      action: `Pick a unique name, e.g. AzureStack-${cloudId}.`,
      detail: `Existing resource: ${existing.id}`,
    });
  }
};

export const activationKey = async (s: Session, ref: { subscriptionId: string; resourceGroup: string; registrationName: string }, ctl: Ctl): Promise<string> =>
  phase(s, ctl, 'key', said('progress.key-of', `Getting the activation key of ${ref.registrationName}`, { name: ref.registrationName }), async () => {
    const step = `getting the activation key of ${ref.registrationName}`;
    const answer = await s.registrations.activationKey(ref.subscriptionId, ref.resourceGroup, ref.registrationName, ctl.signal);
    if (answer.status === 404) {
      throw new AppError('azure-not-found', `There is no registration ${ref.registrationName} in resource group ${ref.resourceGroup} of subscription ${ref.subscriptionId}.`, {
        action: 'Register first, or check the subscription, resource group and name.',
        detail: `HTTP 404\n${answer.bodyAsText ?? ''}${answer.requestId ? `\nx-ms-request-id: ${answer.requestId}` : ''}`,
        ...(answer.requestId ? { reference: answer.requestId } : {}),
      });
    }
    if (answer.status !== 200) throw answerError(answer, step);
    const key = (answer.body as { activationKey?: unknown } | undefined)?.activationKey;
    if (typeof key !== 'string' || key.trim() === '') {
      throw new AppError('azure-failed', `Azure returned no activation key for ${ref.registrationName}.`, { action: 'Try again in a few minutes.', retryable: true, ...(answer.requestId ? { reference: answer.requestId } : {}) });
    }
    return key.trim();
  });
