import { afterEach, describe, expect, it } from 'vitest';
import { armError, CSP, EA, prepare, putRegistration, readFixture, regPath, startHarness, type Harness } from './harness';

const V = 'api-version=2022-04-01';
const LOCK_NOTES = { properties: { level: 'CanNotDelete' } };

describe('authorization', () => {
  let h: Harness;
  afterEach(async () => {
    await h.az.stop();
  });

  const permissions = async (scope: string) =>
    ((await h.call('GET', `${scope}/providers/Microsoft.Authorization/permissions?${V}`)).json as { value: { actions: string[]; notActions: string[] }[] }).value;

  it('reports full rights by default', async () => {
    h = await startHarness();
    await prepare(h);
    expect(await permissions(`/subscriptions/${EA}/resourceGroups/azurestack`)).toEqual([{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }]);
  });

  it('reports and enforces the custom role without lock actions', async () => {
    h = await startHarness({ permissions: 'registration-role-2019', azureStackRegisteredIn: [EA] });
    const role = readFixture('samples/registration-role-2019.json') as { Actions: string[] };
    const [set] = await permissions(`/subscriptions/${EA}`);
    expect(set?.actions).toEqual(role.Actions);
    await h.call('PUT', `/subscriptions/${EA}/resourcegroups/azurestack?api-version=2025-04-01`, { body: { location: 'westcentralus' } });
    expect((await putRegistration(h, EA, 'azurestack', 'reg1')).status).toBe(201);
    const lock = `${regPath(EA, 'azurestack', 'reg1')}/providers/Microsoft.Authorization/locks/RegistrationResourceLock`;
    const reply = await h.call('PUT', `${lock}?api-version=2020-05-01`, { body: LOCK_NOTES });
    expect(reply.status).toBe(403);
    expect(armError(reply)).toEqual({
      code: 'AuthorizationFailed',
      message:
        `The client 'operator@practice.contoso.com' with object id '${h.az.account.objectId}' does not have authorization to perform action ` +
        `'Microsoft.Authorization/locks/write' over scope '${lock}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    });
  });

  it('the current custom role may write locks but not delete them', async () => {
    h = await startHarness({ permissions: 'registration-role', azureStackRegisteredIn: [EA] });
    const role = readFixture('samples/registration-role-current.json') as { Actions: string[] };
    expect((await permissions(`/subscriptions/${EA}`))[0]?.actions).toEqual(role.Actions);
    await h.call('PUT', `/subscriptions/${EA}/resourcegroups/azurestack?api-version=2025-04-01`, { body: { location: 'westcentralus' } });
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const lock = `${regPath(EA, 'azurestack', 'reg1')}/providers/Microsoft.Authorization/locks/l?api-version=2020-05-01`;
    expect((await h.call('PUT', lock, { body: LOCK_NOTES })).status).toBe(201);
    const del = await h.call('DELETE', lock);
    expect([del.status, armError(del).message]).toEqual([403, expect.stringContaining("'Microsoft.Authorization/locks/delete'")]);
  });

  it('the built-in registration owner role cannot register, and the profile can change at run time', async () => {
    h = await startHarness({ permissions: 'registration-owner-builtin', azureStackRegisteredIn: [EA] });
    const rg = await h.call('PUT', `/subscriptions/${EA}/resourcegroups/azurestack?api-version=2025-04-01`, { body: { location: 'westcentralus' } });
    expect(armError(rg).message).toContain("'Microsoft.Resources/subscriptions/resourceGroups/write'");
    h.az.state.setPermissions('owner');
    expect((await h.call('PUT', `/subscriptions/${EA}/resourcegroups/azurestack?api-version=2025-04-01`, { body: { location: 'westcentralus' } })).status).toBe(201);
    h.az.state.setPermissions('registration-owner-builtin');
    const put = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect([put.status, armError(put).message]).toEqual([403, expect.stringContaining("'Microsoft.AzureStack/registrations/write'")]);
  });

  it('creates a custom role definition from the ROLEDOC JSON, once per name', async () => {
    h = await startHarness();
    const doc = readFixture('samples/registration-role-current.json') as { Name: string; Description: string; Actions: string[]; NotActions: string[] };
    const id = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const body = {
      properties: {
        roleName: doc.Name,
        description: doc.Description,
        type: 'CustomRole',
        permissions: [{ actions: doc.Actions, notActions: doc.NotActions }],
        assignableScopes: [`/subscriptions/${EA}`],
      },
    };
    const url = `/subscriptions/${EA}/providers/Microsoft.Authorization/roleDefinitions/${id}?${V}`;
    const created = await h.call('PUT', url, { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: `/subscriptions/${EA}/providers/Microsoft.Authorization/roleDefinitions/${id}`,
      type: 'Microsoft.Authorization/roleDefinitions',
      name: id,
      properties: { roleName: 'Azure Stack Hub registration role', type: 'CustomRole', permissions: [{ actions: doc.Actions, notActions: [], dataActions: [], notDataActions: [] }] },
    });
    expect((await h.call('PUT', url, { body })).status).toBe(200);
    const clash = await h.call('PUT', url.replace(id, '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), { body });
    expect([clash.status, armError(clash).code]).toEqual([409, 'RoleDefinitionWithSameNameExists']);
    const notGuid = await h.call('PUT', url.replace(id, 'my-role'), { body });
    expect([notGuid.status, armError(notGuid).code]).toEqual([400, 'InvalidRoleDefinitionId']);
    const placeholder = { properties: { ...body.properties, assignableScopes: ['/subscriptions/<SubscriptionID>'] } };
    expect((await h.call('PUT', url, { body: placeholder })).status).toBe(404);
    const shared = { properties: { ...body.properties, assignableScopes: [`/subscriptions/${EA}`, `/subscriptions/${CSP}`] } };
    const updated = await h.call('PUT', url.replace(EA, CSP), { body: shared });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ properties: { assignableScopes: shared.properties.assignableScopes } });
    const missing = await h.call('GET', url.replace(id, '2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'));
    expect([missing.status, armError(missing).code]).toEqual([404, 'RoleDefinitionDoesNotExist']);
  });

  it('assigns the built-in registration owner role at the registration scope, once', async () => {
    h = await startHarness();
    await prepare(h);
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const scope = regPath(EA, 'azurestack', 'reg1');
    // The stamp's Azure Bridge principal, as the stamp just created it.
    h.az.directory.add('5b3b06a8-9c6c-4888-9eb3-e8cdace74795');
    const body = {
      properties: {
        roleDefinitionId: `/subscriptions/${EA}/providers/Microsoft.Authorization/roleDefinitions/6f12a6df-dd06-4f3e-bcb1-ce8be600526a`,
        principalId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795',
        principalType: 'ServicePrincipal',
      },
    };
    const name = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    const created = await h.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?${V}`, { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name, properties: { scope, principalType: 'ServicePrincipal' } });
    const again = await h.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/0d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a?${V}`, { body });
    expect([again.status, armError(again).code]).toEqual([409, 'RoleAssignmentExists']);
    const list = await h.call('GET', `${scope}/providers/Microsoft.Authorization/roleAssignments?${V}&$filter=${encodeURIComponent("principalId eq '5b3b06a8-9c6c-4888-9eb3-e8cdace74795'")}`);
    expect((list.json as { value: unknown[] }).value).toHaveLength(1);
    // Unknown to the directory, or just created and assigned without principalType: not found (replication delay).
    const unknown = await h.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/1d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a?${V}`, { body: { properties: { ...body.properties, principalId: '6c3b06a8-9c6c-4888-9eb3-e8cdace74795' } } });
    expect([unknown.status, armError(unknown).code]).toEqual([400, 'PrincipalNotFound']);
    h.az.directory.add('7d3b06a8-9c6c-4888-9eb3-e8cdace74795');
    const { principalType: _dropped, ...untyped } = body.properties;
    const replicating = await h.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/2d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a?${V}`, { body: { properties: { ...untyped, principalId: '7d3b06a8-9c6c-4888-9eb3-e8cdace74795' } } });
    expect([replicating.status, armError(replicating).code]).toEqual([400, 'PrincipalNotFound']);
    const role = await h.call('GET', `/subscriptions/${EA}/providers/Microsoft.Authorization/roleDefinitions/6f12a6df-dd06-4f3e-bcb1-ce8be600526a?${V}`);
    expect(role.json).toMatchObject({ properties: { roleName: 'Azure Stack Registration Owner', type: 'BuiltInRole' } });
  });
});
