import { sameGuid } from '../../shared/domain/ids';
import type { RegistrationInfo } from '../../shared/domain/types';
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

export const createRegistrationApi = (http: ArmHttp, apiVersion: string, fanOut: <T>(fn: () => Promise<T>) => Promise<T>) => {
  const q = `api-version=${apiVersion}`;
  /** undefined when there is no such registration (404). */
  const get = async (sub: string, rg: string, name: string, signal?: AbortSignal): Promise<RegistrationInfo | undefined> => {
    const step = `reading registration ${name}`;
    const answer = await http.send('GET', `${registrationId(sub, rg, name)}?${q}`, { signal, step });
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw answerError(answer, step);
    return toRegistrationInfo(answer.body, { subscriptionId: sub, resourceGroup: rg });
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

    /** Registrations of one group, or the whole subscription, each read again for its cloud ID. */
    async list(sub: string, rg: string | undefined, signal?: AbortSignal): Promise<RegistrationInfo[]> {
      const scope = rg ? resourceGroupScope(sub, rg) : subscriptionScope(sub);
      const step = rg ? `listing registrations in resource group ${rg}` : 'listing registrations in the subscription';
      const items = await http.list(`${scope}/providers/Microsoft.AzureStack/registrations?${q}`, { signal, step });
      const listed = items.map((i) => toRegistrationInfo(i, { subscriptionId: sub, resourceGroup: rg ?? '' }));
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
