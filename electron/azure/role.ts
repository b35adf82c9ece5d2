import { createHash } from 'node:crypto';

// The least-privilege custom role (ROLEDOC, samples/registration-role-current.json) plus
// locks/delete, which unregister, move and re-register need to lift the registration lock.

export const ROLE_NAME = 'Azure Stack Hub registration role';
const ROLE_DESCRIPTION = 'Allows access to register Azure Stack Hub';

export const ROLE_ACTIONS = [
  'Microsoft.Resources/subscriptions/resourceGroups/write',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  // Moving the registration (Microsoft's move docs: moveResources on the source group).
  'Microsoft.Resources/subscriptions/resourceGroups/moveResources/action',
  'Microsoft.Resources/subscriptions/resourceGroups/validateMoveResources/action',
  'Microsoft.AzureStack/registrations/*',
  'Microsoft.AzureStack/register/action',
  'Microsoft.Authorization/roleAssignments/read',
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleAssignments/delete',
  'Microsoft.Authorization/permissions/read',
  'Microsoft.Authorization/locks/read',
  'Microsoft.Authorization/locks/write',
  'Microsoft.Authorization/locks/delete',
] as const;

const union = (a: readonly string[], b: readonly string[]): string[] => {
  const out = [...a];
  for (const x of b) if (!out.some((y) => y.toLowerCase() === x.toLowerCase())) out.push(x);
  return out;
};

type Permission = { actions?: string[]; notActions?: string[]; dataActions?: string[]; notDataActions?: string[] };

/**
 * The role body to PUT (`properties.type`, as the API names it), keeping what an existing role of the
 * same name already grants, excludes or covers: its other actions, notActions and data actions stay.
 */
export const roleBody = (subscriptionScope: string, existing?: { permissions?: Permission[]; assignableScopes?: string[] }) => {
  const [first, ...others] = existing?.permissions ?? [];
  return {
    roleName: ROLE_NAME,
    description: ROLE_DESCRIPTION,
    type: 'CustomRole',
    permissions: [
      {
        actions: union(first?.actions ?? [], ROLE_ACTIONS),
        notActions: first?.notActions ?? [],
        dataActions: first?.dataActions ?? [],
        notDataActions: first?.notDataActions ?? [],
      },
      ...others,
    ],
    assignableScopes: union(existing?.assignableScopes ?? [], [subscriptionScope]),
  };
};

/** A name-based GUID (UUID v5 layout, SHA-1) from its parts. */
const nameGuid = (...parts: string[]): string => {
  const h = createHash('sha1').update(parts.map((p) => p.toLowerCase()).join('|')).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The role's id in one directory. */
export const roleDefinitionGuid = (tenantId: string): string => nameGuid(tenantId, ROLE_NAME);

/** One assignment of the role per user and scope: running Create role again finds the same one. */
export const roleAssignmentGuid = (roleDefinitionId: string, principalId: string, scope: string): string => nameGuid(roleDefinitionId, principalId, scope);
