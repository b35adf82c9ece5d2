import { describe, expect, it } from 'vitest';
import { allows, PERMISSION_SETS } from '../../../../../electron/practice/azure/permissions';

describe('permission profiles', () => {
  it('expands wildcards and honours notActions', () => {
    expect(allows({ actions: ['Microsoft.AzureStack/registrations/*'], notActions: [] }, 'Microsoft.AzureStack/registrations/write')).toBe(true);
    expect(allows({ actions: ['*'], notActions: ['Microsoft.Authorization/*/delete'] }, 'Microsoft.Authorization/locks/delete')).toBe(false);
    expect(allows({ actions: ['microsoft.azurestack/register/action'], notActions: [] }, 'Microsoft.AzureStack/register/action')).toBe(true);
    expect(allows({ actions: ['Microsoft.AzureStack/registrations/read'], notActions: [] }, 'Microsoft.AzureStack/registrations/write')).toBe(false);
  });

  it('gives each role the lock rights its source documents', () => {
    const lockActions = ['read', 'write', 'delete'].map((a) => `Microsoft.Authorization/locks/${a}`);
    const can = (profile: keyof typeof PERMISSION_SETS) => lockActions.map((a) => allows(PERMISSION_SETS[profile], a));
    expect(can('owner')).toEqual([true, true, true]);
    expect(can('registration-role')).toEqual([true, true, false]);
    expect(can('registration-role-2019')).toEqual([false, false, false]);
    expect(allows(PERMISSION_SETS['registration-owner-builtin'], 'Microsoft.AzureStack/registrations/write')).toBe(false);
  });
});
