// What the practice identity may do. The permissions API reports a profile and every call is checked
// against it, so a missing action fails exactly where Azure would fail it.

export type PermissionProfile = 'owner' | 'registration-role' | 'registration-role-2019' | 'registration-owner-builtin' | 'user-access-administrator';

type PermissionSet = { actions: string[]; notActions: string[] };

// ROLEDOC custom role before azure-stack-docs#702 (samples/registration-role-2019.json): no lock actions.
const ROLE_2019 = [
  'Microsoft.Resources/subscriptions/resourceGroups/write',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.AzureStack/registrations/*',
  'Microsoft.AzureStack/register/action',
  'Microsoft.Authorization/roleAssignments/read',
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleAssignments/delete',
  'Microsoft.Authorization/permissions/read',
];

export const PERMISSION_SETS: Record<PermissionProfile, PermissionSet> = {
  owner: { actions: ['*'], notActions: [] },
  // samples/registration-role-current.json: lock read/write, but no locks/delete.
  'registration-role': {
    actions: [...ROLE_2019, 'Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write'],
    notActions: [],
  },
  'registration-role-2019': { actions: ROLE_2019, notActions: [] },
  // Built-in "User Access Administrator" (18d7d88d-…): reads everything and manages access, so it can
  // create the registration role and assign it to itself, but cannot register before doing so.
  'user-access-administrator': { actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'], notActions: [] },
  // Built-in "Azure Stack Registration Owner" (6f12a6df-…): not enough to register (azure-stack-docs#599).
  'registration-owner-builtin': {
    actions: [
      'Microsoft.AzureStack/edgeSubscriptions/read',
      'Microsoft.AzureStack/registrations/products/*/action',
      'Microsoft.AzureStack/registrations/products/read',
      'Microsoft.AzureStack/registrations/read',
    ],
    notActions: [],
  },
};

const toRegExp = (pattern: string): RegExp =>
  new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i');

export const allows = (set: { actions: string[]; notActions: string[] }, action: string): boolean =>
  set.actions.some((a) => toRegExp(a).test(action)) && !set.notActions.some((a) => toRegExp(a).test(action));
