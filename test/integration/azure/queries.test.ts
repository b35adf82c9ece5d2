import { describe, expect, it } from 'vitest';
import { CSP_SUB, DISABLED_SUB, EA_SUB, makeToken, PAYG_SUB, problemOf, unique, usePracticeAzure, type Harness } from './practice-harness';

let h: Harness;
usePracticeAzure((started) => (h = started), { pageSize: 2 });

describe('subscriptions', () => {
  it('classifies offers and warns for the disconnected flow', async () => {
    const subs = await h.azure.subscriptions('disconnected');
    const by = (id: string) => subs.find((s) => s.id === id);
    expect(by(EA_SUB)).toMatchObject({ offer: 'EA', quotaId: 'EnterpriseAgreement_2014-09-01', warnings: [] });
    expect(by(CSP_SUB)?.warnings.map((w) => w.text)).toEqual([expect.stringMatching(/Disconnected registration needs an EA subscription; this one looks like CSP/)]);
    expect(by(PAYG_SUB)?.offer).toBe('Pay-As-You-Go');
    expect(by(DISABLED_SUB)?.refusal?.text).toMatch(/^This subscription is disabled .*Choose an enabled subscription/);
    expect(by(EA_SUB)?.refusal).toBeUndefined();
  });

  it('accepts CSP for the connected flow', async () => {
    const subs = await h.azure.subscriptions('connected');
    expect(subs.find((s) => s.id === CSP_SUB)?.warnings).toEqual([]);
    expect(subs.find((s) => s.id === PAYG_SUB)?.warnings).toHaveLength(1);
  });
});

describe('locations', () => {
  it('lists the regions of the subscription', async () => {
    const locations = await h.azure.locations(EA_SUB);
    expect(locations).toContainEqual({ name: 'westcentralus', displayName: 'West Central US' });
  });
});

describe('permissions', () => {
  it('finds everything for an owner', async () => {
    const rg = unique('rg');
    await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: rg, location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    const report = await h.azure.permissions(EA_SUB, rg);
    expect(report).toMatchObject({ scope: `/subscriptions/${EA_SUB}/resourceGroups/${rg}`, missing: [], ok: true });
  });

  it('names locks/delete as missing for the documented role, at subscription scope when the group is new', async () => {
    h.practice.state.setPermissions('registration-role');
    const report = await h.azure.permissions(EA_SUB, unique('new-rg'));
    expect(report.scope).toBe(`/subscriptions/${EA_SUB}`);
    expect(report.missing).toEqual(['Microsoft.Authorization/locks/delete']);
    expect(report.ok).toBe(false);
  });

  it('names all lock actions as missing for the 2019 role', async () => {
    h.practice.state.setPermissions('registration-role-2019');
    const report = await h.azure.permissions(EA_SUB, unique('new-rg'));
    expect(report.missing).toEqual(['Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete']);
  });
});

describe('permissions per flow', () => {
  it('reports what register, unregister and move each need; the current documented role cannot move', async () => {
    h.practice.state.setPermissions('registration-role');
    const report = await h.azure.permissions(EA_SUB, unique('new-rg'));
    const flow = (name: string) => report.flows.find((f) => f.flow === name);
    expect(flow('register')?.missing).toEqual(['Microsoft.Authorization/locks/delete']);
    expect(flow('unregister')?.missing).toEqual(['Microsoft.Authorization/locks/delete']);
    expect(flow('move')?.missing).toEqual([
      'Microsoft.Resources/subscriptions/resourceGroups/validateMoveResources/action',
      'Microsoft.Resources/subscriptions/resourceGroups/moveResources/action',
      'Microsoft.Authorization/locks/delete',
    ]);
  });

  it('a User Access Administrator lacks everything until Create role assigns the role, then every flow is allowed', async () => {
    h.practice.state.setPermissions('user-access-administrator');
    const rg = unique('rg');
    const before = await h.azure.permissions(EA_SUB, rg);
    expect(before.flows.every((f) => !f.ok)).toBe(true);
    const role = await h.azure.createRole(EA_SUB);
    expect(role.assigned).toBe(true);
    const assignment = h.practice.state.snapshot().roleAssignments.find((a) => String(a.properties.roleDefinitionId) === role.roleDefinitionId);
    expect(assignment?.properties.principalId).toBe(h.practice.account.objectId);
    const after = await h.azure.permissions(EA_SUB, rg);
    expect(after.flows.map((f) => [f.flow, f.missing])).toEqual([['register', []], ['unregister', []], ['move', []]]);
    // And Azure now lets it do them: register, then move.
    const target = unique('target');
    await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: rg, location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: registration.name, targetResourceGroup: target });
    expect(to.locked).toBe(true);
    // Running it again neither duplicates the assignment nor fails.
    expect((await h.azure.createRole(EA_SUB)).assigned).toBe(false);
    expect(h.practice.state.snapshot().roleAssignments.filter((a) => String(a.properties.roleDefinitionId) === role.roleDefinitionId)).toHaveLength(1);
  });

  it('says so when Azure refuses the assignment (a policy), instead of leaving the same gaps unexplained', async () => {
    const saved = h.practice.state.take();
    h.practice.state.put({ ...saved, roleAssignments: [] });
    h.practice.state.setPermissions('user-access-administrator');
    h.practice.faults.add({ method: 'PUT', pathPattern: /\/roleAssignments\/[^/]+$/, kind: 'policy-denied', policy: 'Allowed role definitions' });
    try {
      const problem = await problemOf(h.azure.createRole(EA_SUB));
      expect(problem).toMatchObject({ code: 'azure-policy-denied', action: expect.stringContaining('Owner or User Access Administrator') });
      expect(problem.message).toContain('was created, but it could not be assigned to your account');
      expect(h.practice.state.snapshot().roleAssignments).toEqual([]);
    } finally {
      h.practice.faults.clear();
      h.practice.state.put(saved);
    }
  });

  it('assigns nothing to an Owner, who needs nothing', async () => {
    const before = h.practice.state.snapshot().roleAssignments.length;
    expect((await h.azure.createRole(EA_SUB)).assigned).toBe(false);
    expect(h.practice.state.snapshot().roleAssignments).toHaveLength(before);
  });
});

describe('createRole', () => {
  it('creates the least-privilege role with locks/delete, and updates it in place the second time', async () => {
    const first = await h.azure.createRole(EA_SUB);
    expect(first.roleName).toBe('Azure Stack Hub registration role');
    const defs = h.practice.state.snapshot().roleDefinitions;
    expect(defs).toHaveLength(1);
    const props = defs[0]?.properties as { type: string; permissions: { actions: string[] }[]; assignableScopes: string[] };
    expect(props.type).toBe('CustomRole');
    expect(props.permissions[0]?.actions).toContain('Microsoft.Resources/subscriptions/resourceGroups/moveResources/action');
    expect(props.permissions[0]?.actions).toContain('Microsoft.Authorization/locks/delete');
    expect(props.permissions[0]?.actions).toContain('Microsoft.AzureStack/registrations/*');
    expect(props.assignableScopes).toEqual([`/subscriptions/${EA_SUB}`]);
    const second = await h.azure.createRole(EA_SUB);
    expect(second.roleDefinitionId).toBe(first.roleDefinitionId);
    expect(h.practice.state.snapshot().roleDefinitions).toHaveLength(1);
  });
});

describe('registrations', () => {
  it('follows nextLink and reads each for its cloud ID and lock', async () => {
    const rg = unique('rg');
    const cloudIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const cloudId = crypto.randomUUID();
      cloudIds.push(cloudId);
      await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: rg, location: 'westcentralus', registrationName: unique('reg'), token: makeToken(cloudId) });
    }
    const list = await h.azure.registrations(EA_SUB, rg);
    expect(list.map((r) => r.cloudId).sort()).toEqual([...cloudIds].sort());
    expect(list.every((r) => r.locked === true)).toBe(true);
    expect((await h.azure.registrations(EA_SUB)).length).toBeGreaterThanOrEqual(3);
  });

  it('is empty for a group that does not exist', async () => {
    await expect(h.azure.registrations(EA_SUB, unique('none'))).resolves.toEqual([]);
  });
});

describe('session', () => {
  it('refuses calls after sign-out and forgets the account', async () => {
    await h.azure.signOut();
    expect(h.azure.account()).toBeUndefined();
    expect((await problemOf(h.azure.locations(EA_SUB))).code).toBe('azure-not-signed-in');
    const account = await h.azure.signIn({ cloud: 'AzureCloud', method: 'device-code' });
    expect(account).toMatchObject({ cloud: 'AzureCloud', practice: true });
    expect(h.azure.account()).toEqual(account);
  });

  it('refuses Azure Germany at sign-in', async () => {
    const problem = await problemOf(h.azure.signIn({ cloud: 'AzureGermanCloud' as never, method: 'browser' }));
    expect(problem.code).toBe('azure-cloud-unsupported');
  });
});
