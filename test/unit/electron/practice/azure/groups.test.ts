import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { armError, DISABLED, EA, prepare, putRegistration, rgPath, startHarness, type Harness } from './harness';

const V = 'api-version=2025-04-01';

describe('resource groups', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it('creates with 201, updates with 200, and keeps the first casing of the name', async () => {
    const created = await h.call('PUT', `${rgPath(EA, 'AzureStack')}?${V}`, { body: { location: 'westcentralus' } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: `/subscriptions/${EA}/resourceGroups/AzureStack`,
      name: 'AzureStack',
      type: 'Microsoft.Resources/resourceGroups',
      location: 'westcentralus',
      properties: { provisioningState: 'Succeeded' },
    });
    const again = await h.call('PUT', `${rgPath(EA, 'azurestack')}?${V}`, { body: { location: 'West Central US', tags: { a: 'b' } } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ name: 'AzureStack', location: 'westcentralus', tags: { a: 'b' } });
    const get = await h.call('GET', `${rgPath(EA, 'AZURESTACK')}?${V}`);
    expect(get.json).toMatchObject({ name: 'AzureStack' });
  });

  it('refuses another location for an existing group with the real message', async () => {
    await h.call('PUT', `${rgPath(EA, 'azurestack')}?${V}`, { body: { location: 'westcentralus' } });
    const reply = await h.call('PUT', `${rgPath(EA, 'azurestack')}?${V}`, { body: { location: 'eastus' } });
    expect(reply.status).toBe(409);
    expect(armError(reply)).toEqual({
      code: 'InvalidResourceGroupLocation',
      message: "Invalid resource group location 'eastus'. The Resource group already exists in location 'westcentralus'.",
    });
  });

  it('refuses unknown locations, listing the available ones, and a missing location', async () => {
    const unknown = await h.call('PUT', `${rgPath(EA, 'rg')}?${V}`, { body: { location: 'atlantis' } });
    expect(unknown.status).toBe(400);
    expect(armError(unknown).code).toBe('LocationNotAvailableForResourceGroup');
    expect(armError(unknown).message).toMatch(/^The provided location 'atlantis' is not available for resource group\. List of available regions is '.*westcentralus/);
    const missing = await h.call('PUT', `${rgPath(EA, 'rg')}?${V}`, { body: {} });
    expect(armError(missing).code).toBe('LocationRequired');
  });

  it('answers HEAD with 204 or 404 and GET of a missing group with ResourceGroupNotFound', async () => {
    expect((await h.call('HEAD', `${rgPath(EA, 'azurestack')}?${V}`)).status).toBe(404);
    const get = await h.call('GET', `${rgPath(EA, 'azurestack')}?${V}`);
    expect(armError(get)).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'azurestack' could not be found." });
    await h.call('PUT', `${rgPath(EA, 'azurestack')}?${V}`, { body: { location: 'eastus' } });
    const head = await h.call('HEAD', `${rgPath(EA, 'AzureStack')}?${V}`);
    expect([head.status, head.text]).toEqual([204, '']);
  });

  it('refuses writes in a disabled subscription and bad names', async () => {
    const disabled = await h.call('PUT', `${rgPath(DISABLED, 'rg')}?${V}`, { body: { location: 'eastus' } });
    expect([disabled.status, armError(disabled).code]).toEqual([409, 'ReadOnlyDisabledSubscription']);
    const badName = await h.call('PUT', `${rgPath(EA, 'bad%23name.')}?${V}`, { body: { location: 'eastus' } });
    expect([badName.status, armError(badName).code]).toEqual([400, 'InvalidResourceGroupName']);
  });

  it('deletes as a long-running operation, taking its registrations along', async () => {
    await prepare(h);
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const accepted = await h.call('DELETE', `${rgPath(EA, 'azurestack')}?${V}`);
    expect(accepted.status).toBe(202);
    const location = String(accepted.headers.location);
    expect(location).toMatch(new RegExp(`^${h.az.endpoint}/subscriptions/${EA}/operationresults/`));
    expect(accepted.headers['retry-after']).toBe('0');
    expect((await h.call('GET', location)).status).toBe(202);
    expect((await h.call('GET', location)).status).toBe(200);
    expect((await h.call('HEAD', `${rgPath(EA, 'azurestack')}?${V}`)).status).toBe(404);
    expect(h.az.state.snapshot().registrations).toEqual([]);
  });

  it('refuses to delete a group holding a locked registration', async () => {
    await prepare(h);
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const lockPath = `/subscriptions/${EA}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/reg1/providers/Microsoft.Authorization/locks/RegistrationResourceLock?api-version=2020-05-01`;
    expect((await h.call('PUT', lockPath, { body: { properties: { level: 'CanNotDelete' } } })).status).toBe(201);
    const reply = await h.call('DELETE', `${rgPath(EA, 'azurestack')}?${V}`);
    expect([reply.status, armError(reply).code]).toEqual([409, 'ScopeLocked']);
    expect(armError(reply).message).toContain("cannot perform delete operation because following scope(s) are locked: '/subscriptions/");
  });
});
