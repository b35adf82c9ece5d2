import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, roleBody, roleDefinitionGuid } from '../../../../electron/azure/role';

describe('roleBody', () => {
  it('is the documented role plus locks/delete, assignable to the subscription', () => {
    const body = roleBody('/subscriptions/s1');
    expect(body.roleName).toBe('Azure Stack Hub registration role');
    expect(body.permissions[0]?.actions).toEqual([...ROLE_ACTIONS]);
    expect(body.permissions[0]?.actions).toContain('Microsoft.Authorization/locks/delete');
    expect(body.assignableScopes).toEqual(['/subscriptions/s1']);
  });

  it('keeps what an existing role grants and where it is assignable', () => {
    const body = roleBody('/subscriptions/s2', {
      permissions: [{ actions: ['Microsoft.Support/*', 'microsoft.authorization/locks/read'], notActions: ['Microsoft.Support/tickets/delete'], dataActions: ['Microsoft.Storage/x/read'], notDataActions: [] }],
      assignableScopes: ['/subscriptions/s1'],
    });
    expect(body.permissions[0]?.actions?.[0]).toBe('Microsoft.Support/*');
    expect(body.permissions[0]?.actions?.filter((a) => /locks\/read$/i.test(a))).toHaveLength(1);
    expect(body.permissions[0]?.notActions).toEqual(['Microsoft.Support/tickets/delete']);
    expect(body.permissions[0]?.dataActions).toEqual(['Microsoft.Storage/x/read']);
    expect(body.assignableScopes).toEqual(['/subscriptions/s1', '/subscriptions/s2']);
  });

  it('names the role type as properties.type and can move the registration', () => {
    const body = roleBody('/subscriptions/s1');
    expect(body).toMatchObject({ type: 'CustomRole' });
    expect(body).not.toHaveProperty('roleType');
    expect(body.permissions[0]?.actions).toContain('Microsoft.Resources/subscriptions/resourceGroups/moveResources/action');
  });
});

describe('roleDefinitionGuid', () => {
  it('is a stable version-5 GUID per directory', () => {
    const a = roleDefinitionGuid('7C1E4B2A-9D3F-4A6E-8B5C-2F0D1E3A4B5C');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(roleDefinitionGuid('7c1e4b2a-9d3f-4a6e-8b5c-2f0d1e3a4b5c')).toBe(a);
    expect(roleDefinitionGuid('00000000-0000-0000-0000-000000000001')).not.toBe(a);
  });
});
