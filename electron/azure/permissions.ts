// What registration needs (contract §2.4, §2.8, §2.12, §2.13) and how Azure RBAC grants it: an
// action is allowed when one permission entry has it in `actions` and not in `notActions`.

export const REQUIRED_ACTIONS = [
  'Microsoft.Resources/subscriptions/resourceGroups/write',
  'Microsoft.AzureStack/registrations/write',
  'Microsoft.AzureStack/registrations/read',
  'Microsoft.AzureStack/registrations/delete',
  'Microsoft.AzureStack/registrations/getActivationKey/action',
  'Microsoft.AzureStack/register/action',
  'Microsoft.Authorization/locks/read',
  'Microsoft.Authorization/locks/write',
  'Microsoft.Authorization/locks/delete',
] as const;

const LOCKS = ['Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete'] as const;

/**
 * What each flow needs at the registration's resource group. Moving needs moveResources/action on the
 * source group and resourceGroups/write on the target (Microsoft's move docs), plus the lock round trip.
 */
export const FLOW_ACTIONS = {
  register: REQUIRED_ACTIONS,
  unregister: ['Microsoft.AzureStack/registrations/read', 'Microsoft.AzureStack/registrations/delete', ...LOCKS],
  move: [
    'Microsoft.AzureStack/registrations/read',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Resources/subscriptions/resourceGroups/write',
    'Microsoft.Resources/subscriptions/resourceGroups/validateMoveResources/action',
    'Microsoft.Resources/subscriptions/resourceGroups/moveResources/action',
    ...LOCKS,
  ],
} as const satisfies Record<string, readonly string[]>;

export type FlowName = keyof typeof FLOW_ACTIONS;

export type PermissionEntry = { actions?: string[]; notActions?: string[] };

const toRegExp = (pattern: string): RegExp => {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
};

/** RBAC wildcard match: `*` spans any characters, `/` included; case-insensitive. */
export const actionMatches = (pattern: string, action: string): boolean => toRegExp(pattern.trim()).test(action);

export const isAllowed = (entries: PermissionEntry[], action: string): boolean =>
  entries.some(
    (e) => (e.actions ?? []).some((p) => actionMatches(p, action)) && !(e.notActions ?? []).some((p) => actionMatches(p, action)),
  );

export const evaluatePermissions = (entries: PermissionEntry[], required: readonly string[] = REQUIRED_ACTIONS) => {
  const granted = required.filter((a) => isAllowed(entries, a));
  const missing = required.filter((a) => !isAllowed(entries, a));
  return { granted, missing, ok: missing.length === 0 };
};

/** The register flow's verdict at the top (it gates Register), and each flow's own. */
export const evaluateFlows = (entries: PermissionEntry[]) => ({
  ...evaluatePermissions(entries, FLOW_ACTIONS.register),
  flows: (Object.keys(FLOW_ACTIONS) as FlowName[]).map((flow) => ({ flow, ...evaluatePermissions(entries, FLOW_ACTIONS[flow]) })),
});
