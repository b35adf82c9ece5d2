// The app reaches the practice Azure through the real Azure SDK clients; only endpoint, scope,
// credential and trusted CA differ. These calls prove the server speaks what those clients expect.
import { ManagementLockClient } from '@azure/arm-locks';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EA, putRegistration, regPath, startHarness, type Harness } from './harness';

describe('Azure SDK clients against the practice Azure', () => {
  let h: Harness;
  let common: { endpoint: string; tlsOptions: { ca: string } };
  beforeAll(async () => {
    h = await startHarness({ operationPolls: 1 });
    common = { endpoint: h.az.endpoint, tlsOptions: { ca: h.az.ca } };
  });
  afterAll(async () => {
    await h.az.stop();
  });

  it('lists subscriptions and locations with @azure/arm-resources-subscriptions', async () => {
    const client = new SubscriptionClient(h.az.credential(), { ...common, credentials: { scopes: [h.az.clouds.AzureCloud.scope] } });
    const subs = [];
    for await (const s of client.subscriptions.list()) subs.push(s);
    expect(subs.find((s) => s.subscriptionId === EA)?.subscriptionPolicies?.quotaId).toBe('EnterpriseAgreement_2014-09-01');
    const locations = [];
    for await (const l of client.subscriptions.listLocations(EA)) locations.push(l.name);
    expect(locations).toContain('westcentralus');
  });

  it('registers the provider, creates a group and moves a registration with @azure/arm-resources', async () => {
    const client = new ResourceManagementClient(h.az.credential(), EA, { ...common, credentials: { scopes: [h.az.clouds.AzureCloud.scope] } });
    await client.providers.register('Microsoft.AzureStack');
    let state = '';
    for (let i = 0; i < 5 && state !== 'Registered'; i++) state = (await client.providers.get('Microsoft.AzureStack')).registrationState ?? '';
    expect(state).toBe('Registered');
    expect((await client.resourceGroups.createOrUpdate('azurestack', { location: 'westcentralus' })).name).toBe('azurestack');
    await client.resourceGroups.createOrUpdate('moved', { location: 'westcentralus' });
    expect((await putRegistration(h, EA, 'azurestack', 'sdkreg')).status).toBe(201);
    await client.resources.moveResources(
      'azurestack',
      { resources: [regPath(EA, 'azurestack', 'sdkreg')], targetResourceGroup: `/subscriptions/${EA}/resourceGroups/moved` },
      { updateIntervalInMs: 1 },
    );
    expect(h.az.state.snapshot().registrations.map((r) => r.resourceGroup)).toEqual(['moved']);
  });

  it('puts and deletes a resource-level lock with @azure/arm-locks', async () => {
    const client = new ManagementLockClient(h.az.credential(), EA, { ...common, credentialScopes: [h.az.clouds.AzureCloud.scope] });
    const lock = await client.managementLocks.createOrUpdateAtResourceLevel(
      'moved', 'Microsoft.AzureStack', '', 'registrations', 'sdkreg', 'RegistrationResourceLock', { level: 'CanNotDelete' },
    );
    expect(lock.level).toBe('CanNotDelete');
    expect(h.az.state.snapshot().locks.map((l) => l.scope)).toEqual([regPath(EA, 'moved', 'sdkreg')]);
    await client.managementLocks.deleteAtResourceLevel('moved', 'Microsoft.AzureStack', '', 'registrations', 'sdkreg', 'RegistrationResourceLock');
    expect(h.az.state.snapshot().locks).toEqual([]);
  });

  it('reads permissions with @azure/arm-authorization', async () => {
    const client = new AuthorizationManagementClient(h.az.credential(), EA, { ...common, credentialScopes: [h.az.clouds.AzureCloud.scope] });
    const sets = [];
    for await (const p of client.permissions.listForResourceGroup('moved')) sets.push(p);
    expect(sets).toEqual([expect.objectContaining({ actions: ['*'] })]);
  });

  it('surfaces an expired token as a 401 the SDK does not retry', async () => {
    const client = new ResourceManagementClient(h.az.credential(), EA, { ...common, credentials: { scopes: [h.az.clouds.AzureCloud.scope] } });
    await client.resourceGroups.get('moved');
    h.az.state.expireTokens();
    h.az.resetStats();
    await expect(client.resourceGroups.get('moved')).rejects.toMatchObject({ statusCode: 401, code: 'ExpiredAuthenticationToken' });
    expect(h.az.stats().byRoute['groups.get']).toBe(1);
  });

  it('refuses a client left on the public-cloud scope', async () => {
    const client = new ResourceManagementClient(h.az.credential(), EA, common);
    await expect(client.resourceGroups.get('moved')).rejects.toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationTokenAudience' });
  });
});
