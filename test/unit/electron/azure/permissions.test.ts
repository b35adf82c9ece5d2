import { describe, expect, it } from 'vitest';
import { actionMatches, evaluatePermissions, isAllowed, REQUIRED_ACTIONS } from '../../../../electron/azure/permissions';
import { ROLE_ACTIONS } from '../../../../electron/azure/role';

describe('actionMatches', () => {
  it('matches exactly, ignoring case', () => {
    expect(actionMatches('Microsoft.Authorization/locks/write', 'microsoft.authorization/LOCKS/write')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete')).toBe(false);
  });

  it('lets * span segments', () => {
    expect(actionMatches('*', 'Microsoft.AzureStack/registrations/write')).toBe(true);
    expect(actionMatches('Microsoft.AzureStack/*', 'Microsoft.AzureStack/registrations/getActivationKey/action')).toBe(true);
    expect(actionMatches('Microsoft.AzureStack/registrations/*', 'Microsoft.AzureStack/register/action')).toBe(false);
    expect(actionMatches('*/read', 'Microsoft.Authorization/locks/read')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.Authorization/locks/write')).toBe(false);
  });

  it('treats dots and other characters literally', () => {
    expect(actionMatches('Microsoft.AzureStack/registrations/read', 'MicrosoftXAzureStack/registrations/read')).toBe(false);
  });
});

describe('isAllowed', () => {
  it('applies notActions of the same entry only', () => {
    const contributor = [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'] }];
    expect(isAllowed(contributor, 'Microsoft.Authorization/locks/write')).toBe(false);
    expect(isAllowed(contributor, 'Microsoft.Authorization/locks/read')).toBe(true);
    const plusLocks = [...contributor, { actions: ['Microsoft.Authorization/locks/*'], notActions: [] }];
    expect(isAllowed(plusLocks, 'Microsoft.Authorization/locks/write')).toBe(true);
  });
});

describe('evaluatePermissions', () => {
  it('finds the documented role short of locks/delete only', () => {
    const documented = ROLE_ACTIONS.filter((a) => a !== 'Microsoft.Authorization/locks/delete');
    const report = evaluatePermissions([{ actions: [...documented], notActions: [] }]);
    expect(report.missing).toEqual(['Microsoft.Authorization/locks/delete']);
    expect(report.ok).toBe(false);
  });

  it('is satisfied by the role this tool creates', () => {
    const report = evaluatePermissions([{ actions: [...ROLE_ACTIONS], notActions: [] }]);
    expect(report).toEqual({ granted: [...REQUIRED_ACTIONS], missing: [], ok: true });
  });

  it('reports everything missing for a reader', () => {
    const report = evaluatePermissions([{ actions: ['*/read'], notActions: [] }]);
    expect(report.granted).toEqual(['Microsoft.AzureStack/registrations/read', 'Microsoft.Authorization/locks/read']);
    expect(report.missing).toHaveLength(REQUIRED_ACTIONS.length - 2);
  });
});
