import { sameGuid } from '../../shared/domain/ids';
import type { RegistrationInfo } from '../../shared/domain/types';
import { AppError, isAppError } from '../../shared/contract/problems';
import { toAppError } from './arm-error';
import { answerError, type ArmHttp } from './arm-http';
import { parseResourceId, registrationId, resourceGroupScope, subscriptionScope } from './resource-ids';

// Microsoft.AzureStack/registrations, called directly (contract §2.2–2.3, §2.5).

type RawRegistration = {
  id?: string;
  name?: string;
  properties?: { cloudId?: unknown; objectId?: unknown; billingModel?: unknown };
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** ARM's answer as RegistrationInfo; the name comes from the id (one spec example has a wrong `name`). */
export const toRegistrationInfo = (raw: unknown, fallback: { subscriptionId: string; resourceGroup: string }): RegistrationInfo => {
  const r = (raw ?? {}) as RawRegistration;
  const id = str(r.id) ?? '';
  const parsed = parseResourceId(id);
  const info: RegistrationInfo = {
    id,
    name: parsed?.name ?? str(r.name) ?? '',
    subscriptionId: parsed?.subscriptionId ?? fallback.subscriptionId,
    resourceGroup: parsed?.resourceGroup ?? fallback.resourceGroup,
  };
  const cloudId = str(r.properties?.cloudId);
  const objectId = str(r.properties?.objectId);
  const billingModel = str(r.properties?.billingModel);
  if (cloudId) info.cloudId = cloudId;
  if (objectId) info.objectId = objectId;
  if (billingModel) info.billingModel = billingModel;
  return info;
};

export type RegistrationApi = ReturnType<typeof createRegistrationApi>;

export const createRegistrationApi = (http: ArmHttp, apiVersion: string, fanOut: <T>(fn: () => Promise<T>) => Promise<T>, resourcesApiVersion: string) => {
  const q = `api-version=${apiVersion}`;
  /** undefined when there is no such registration (404). */
  const get = async (sub: string, rg: string, name: string, signal?: AbortSignal): Promise<RegistrationInfo | undefined> => {
    const step = `reading registration ${name}`;
    const answer = await http.send('GET', `${registrationId(sub, rg, name)}?${q}`, { signal, step });
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw answerError(answer, step);
    return toRegistrationInfo(answer.body, { subscriptionId: sub, resourceGroup: rg });
  };
  const listAt = async (sub: string, rg: string | undefined, signal?: AbortSignal): Promise<RegistrationInfo[]> => {
    const scope = rg ? resourceGroupScope(sub, rg) : subscriptionScope(sub);
    const step = rg ? `listing registrations in resource group ${rg}` : 'listing registrations in the subscription';
    const items = await http.list(`${scope}/providers/Microsoft.AzureStack/registrations?${q}`, { signal, step });
    return items.map((i) => toRegistrationInfo(i, { subscriptionId: sub, resourceGroup: rg ?? '' }));
  };
  const listSubscription = async (sub: string, signal?: AbortSignal): Promise<RegistrationInfo[]> => {
    try {
      return await listAt(sub, undefined, signal);
    } catch (err) {
      if (!isAppError(err) || err.problem.code !== 'azure-not-found') throw err;
    }
    const step = 'listing the resource groups to search for registrations';
    let groups: string[];
    try {
      const raw = await http.list(`${subscriptionScope(sub)}/resourcegroups?api-version=${resourcesApiVersion}`, { signal, step });
      groups = raw.map((g) => (g as { name?: unknown }).name).filter((n): n is string => typeof n === 'string');
    } catch (err) {
      const e = toAppError(err, step, signal);
      throw new AppError(e.problem.code === 'azure-not-found' ? 'azure-failed' : e.problem.code, `Registrations cannot be searched across subscription ${sub}: Azure does not list them by subscription with api-version ${apiVersion}, and the resource groups could not be listed either (${e.message}). This does not mean there are none.`, {
        action: 'Give the resource group of the registration, or search with an account that may read the resource groups (Microsoft.Resources/subscriptions/resourceGroups/read).',
        ...(e.problem.detail ? { detail: e.problem.detail } : {}),
      });
    }
    const perGroup = await Promise.all(
      groups.map((g) =>
        fanOut(() =>
          listAt(sub, g, signal).catch((err: unknown) => {
            // A group deleted since it was listed holds nothing.
            if (isAppError(err) && err.problem.code === 'azure-not-found') return [];
            throw err;
          }),
        ),
      ),
    );
    return perGroup.flat();
  };
  return {
    get,

    async put(sub: string, rg: string, name: string, token: string, signal?: AbortSignal) {
      const step = `creating registration ${name}`;
      const answer = await http.send('PUT', `${registrationId(sub, rg, name)}?${q}`, {
        body: { location: 'global', properties: { registrationToken: token } },
        signal,
        step,
      });
      return answer.status === 200 || answer.status === 201
        ? { ok: true as const, registration: toRegistrationInfo(answer.body, { subscriptionId: sub, resourceGroup: rg }) }
        : { ok: false as const, answer };
    },

    /**
     * Registrations of one group, or the whole subscription, each read again for its cloud ID. Older
     * 2017-06-01 revisions cannot list by subscription (404): then every group is searched, and when
     * even that is impossible the caller hears "cannot search", never "none found".
     */
    async list(sub: string, rg: string | undefined, signal?: AbortSignal): Promise<RegistrationInfo[]> {
      const listed = rg ? await listAt(sub, rg, signal) : await listSubscription(sub, signal);
      // List answers may lack cloudId (spec example): read each resource (unverified on real ARM).
      const full = await Promise.all(
        listed.map((r) => (r.cloudId ? r : fanOut(async () => (await get(r.subscriptionId, r.resourceGroup, r.name, signal)) ?? r))),
      );
      return full.filter((r) => r.id !== '');
    },

    /** true when deleted now, false when it was already gone. */
    async delete(ref: RegistrationInfo, signal?: AbortSignal): Promise<boolean> {
      const step = `deleting registration ${ref.name}`;
      const answer = await http.send('DELETE', `${registrationId(ref.subscriptionId, ref.resourceGroup, ref.name)}?${q}`, { signal, step });
      if (answer.status === 404) return false;
      if (answer.status !== 200 && answer.status !== 202 && answer.status !== 204) throw answerError(answer, step);
      return true;
    },

    async activationKey(sub: string, rg: string, name: string, signal?: AbortSignal) {
      const step = `getting the activation key of ${name}`;
      const answer = await http.send('POST', `${registrationId(sub, rg, name)}/getactivationkey?${q}`, { signal, step });
      return answer;
    },
  };
};

export const matchesCloud = (r: RegistrationInfo, cloudId: string): boolean => r.cloudId !== undefined && sameGuid(r.cloudId, cloudId);
