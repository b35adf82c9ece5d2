import type { RoleDefinition } from '@azure/arm-authorization';
import type { AzureLocation, PermissionReport, RegistrationInfo, SubscriptionInfo } from '../../shared/domain/types';
import { rephrase, toAppError } from './arm-error';
import { answerError } from './arm-http';
import { classifyOffer, subscriptionRefusal, subscriptionWarnings, type Flow } from './offers';
import { evaluateFlows, type PermissionEntry } from './permissions';
import { resourceGroupScope, subscriptionScope } from './resource-ids';
import { ROLE_NAME, roleAssignmentGuid, roleBody, roleDefinitionGuid } from './role';
import type { Session } from './session';

// Read-only questions the wizard asks before it changes anything, and the role it can create.

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

export const listSubscriptions = async (s: Session, flow: Flow): Promise<SubscriptionInfo[]> => {
  try {
    const subs = await collect(s.clients.subscriptions.subscriptions.list());
    return subs
      .filter((sub) => sub.subscriptionId)
      .map((sub) => {
        const quotaId = sub.subscriptionPolicies?.quotaId;
        const offer = classifyOffer(quotaId);
        const state = sub.state ?? 'Unknown';
        const refusal = subscriptionRefusal(state);
        return {
          id: sub.subscriptionId ?? '',
          displayName: sub.displayName ?? sub.subscriptionId ?? '',
          state,
          ...(quotaId ? { quotaId } : {}),
          offer,
          warnings: subscriptionWarnings(flow, offer, quotaId),
          ...(refusal ? { refusal } : {}),
        };
      });
  } catch (err) {
    throw toAppError(err, 'listing your subscriptions');
  }
};

export const listLocations = async (s: Session, subscriptionId: string): Promise<AzureLocation[]> => {
  try {
    const locations = await collect(s.clients.subscriptions.subscriptions.listLocations(subscriptionId));
    return locations
      .filter((l) => l.name && l.metadata?.regionType !== 'Logical')
      .map((l) => ({ name: l.name ?? '', displayName: l.displayName ?? l.name ?? '' }));
  } catch (err) {
    throw toAppError(err, 'listing the subscription locations');
  }
};

/** Entries granted at the resource group; undefined when the group does not exist (yet). */
const groupPermissions = async (s: Session, subscriptionId: string, resourceGroup: string, step: string): Promise<PermissionEntry[] | undefined> => {
  try {
    return await collect(s.clients.authorization(subscriptionId).permissions.listForResourceGroup(resourceGroup));
  } catch (err) {
    const e = toAppError(err, step);
    if (e.problem.code !== 'azure-not-found') throw e;
    return undefined;
  }
};

/** Entries granted at the subscription, what applies to a group not created yet. (The SDK has no call for it.) */
const subscriptionPermissions = async (s: Session, subscriptionId: string, step: string): Promise<PermissionEntry[]> => {
  const answer = await s.http.send('GET', `${subscriptionScope(subscriptionId)}/providers/Microsoft.Authorization/permissions?api-version=${s.api.authorization}`, { step });
  if (answer.status !== 200) throw answerError(answer, step);
  return (answer.body as { value?: PermissionEntry[] } | undefined)?.value ?? [];
};

/** Both scopes at once (one round trip): the group's when it exists, else the subscription's. */
export const readPermissions = async (s: Session, subscriptionId: string, resourceGroup: string): Promise<{ scope: string; entries: PermissionEntry[] }> => {
  const step = 'reading your permissions';
  const [group, subscription] = await Promise.all([
    groupPermissions(s, subscriptionId, resourceGroup, step),
    // Not needed when the group exists: its failure matters only then.
    subscriptionPermissions(s, subscriptionId, step).catch((err: unknown) => err as Error),
  ]);
  if (group) return { scope: resourceGroupScope(subscriptionId, resourceGroup), entries: group };
  if (subscription instanceof Error) throw subscription;
  return { scope: subscriptionScope(subscriptionId), entries: subscription };
};

/** Effective permissions at the resource group (or the subscription when the group does not exist yet). */
export const checkPermissions = async (s: Session, subscriptionId: string, resourceGroup: string): Promise<PermissionReport> => {
  const { scope, entries } = await readPermissions(s, subscriptionId, resourceGroup);
  return { scope, ...evaluateFlows(entries) };
};

/**
 * One role per directory: its id is derived from the tenant and role name, so running this again (for
 * this or another subscription) updates the same definition instead of colliding on the name.
 */
export const createRole = async (s: Session, subscriptionId: string): Promise<{ roleDefinitionId: string; roleName: string; assigned: boolean }> => {
  const step = 'creating the registration role';
  const scope = subscriptionScope(subscriptionId);
  const id = roleDefinitionGuid(s.account.tenantId);
  let existing: RoleDefinition | undefined;
  try {
    existing = await s.clients.authorization(subscriptionId).roleDefinitions.get(scope.slice(1), id);
  } catch (err) {
    const e = toAppError(err, step);
    if (e.problem.code !== 'azure-not-found') throw e;
  }
  const body = roleBody(scope, existing && { permissions: existing.permissions ?? [], assignableScopes: existing.assignableScopes ?? [] });
  // By hand: the SDK accepts only 201, and an update answers 200.
  const answer = await s.http.send('PUT', `${scope}/providers/Microsoft.Authorization/roleDefinitions/${id}?api-version=${s.api.authorization}`, {
    body: { properties: body },
    step,
  });
  if (answer.status !== 200 && answer.status !== 201) {
    const e = answerError(answer, step);
    if (/RoleDefinitionWithSameNameExists/.test(e.problem.detail ?? '')) {
      throw rephrase(e, `A custom role named "${ROLE_NAME}" already exists in this directory, made outside this tool.`, 'Add Microsoft.Authorization/locks/delete to that role (and this subscription to its assignable scopes), or delete it and try again.');
    }
    throw e;
  }
  const created = answer.body as { id?: string } | undefined;
  const roleDefinitionId = created?.id ?? `${scope}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
  s.log.info('Registration role created or updated', { subscriptionId, roleDefinitionId });
  const assigned = await assignRoleIfNeeded(s, subscriptionId, roleDefinitionId);
  return { roleDefinitionId, roleName: ROLE_NAME, assigned };
};

/**
 * The account that created the role (e.g. a User Access Administrator) gets it at the subscription when
 * it still lacks what a flow needs; an Owner, who has everything, gets no needless assignment.
 */
const assignRoleIfNeeded = async (s: Session, subscriptionId: string, roleDefinitionId: string): Promise<boolean> => {
  const step = 'assigning the registration role to your account';
  const scope = subscriptionScope(subscriptionId);
  const answer = await s.http.send('GET', `${scope}/providers/Microsoft.Authorization/permissions?api-version=${s.api.authorization}`, { step });
  if (answer.status !== 200) return false;
  const { flows } = evaluateFlows((answer.body as { value?: PermissionEntry[] } | undefined)?.value ?? []);
  if (flows.every((f) => f.ok)) return false;
  const principalId = await s.principalId();
  if (!principalId) return false;
  const name = roleAssignmentGuid(roleDefinitionId, principalId, scope);
  const put = await s.http.send('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=${s.api.authorization}`, {
    body: { properties: { roleDefinitionId, principalId, principalType: 'User' } },
    step,
  });
  if (put.status === 200 || put.status === 201 || (put.status === 409 && /RoleAssignmentExists/.test(put.bodyAsText ?? ''))) {
    s.log.info('Registration role assigned to the signed-in account', { subscriptionId, principalId });
    return true;
  }
  // The role exists but the account still lacks what it needs: say why (a policy, missing rights),
  // rather than leave the permissions step showing the same gaps.
  s.log.warn('Could not assign the registration role', { subscriptionId, status: put.status });
  const e = answerError(put, step);
  throw rephrase(
    e,
    `The role "${ROLE_NAME}" was created, but it could not be assigned to your account: ${e.message}`,
    `Ask an Owner or User Access Administrator of subscription ${subscriptionId} to assign "${ROLE_NAME}" to your account (or to change what refused it), then choose Create role again.`,
  );
};

/** Registrations with their cloud ID and lock state; none when the provider or group does not exist. */
export const listRegistrations = async (s: Session, subscriptionId: string, resourceGroup?: string): Promise<RegistrationInfo[]> => {
    let found: RegistrationInfo[];
    try {
      found = await s.registrations.list(subscriptionId, resourceGroup);
    } catch (err) {
      const code = toAppError(err, 'listing registrations').problem.code;
      if (code === 'azure-provider-unregistered' || code === 'azure-not-found') return [];
      throw err;
    }
    return Promise.all(
      found.map((r) =>
        s.fanOut(async () => {
          const locked = await s.locks.hasOwn(r.id);
          return locked === undefined ? r : { ...r, locked };
        }),
      ),
    );
};
