import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { armError, EA, prepare, putRegistration, regPath, startHarness, type Harness } from './harness';

const V = 'api-version=2020-05-01';
const NOTES = 'Registration resource reg1 is needed for syndication. Placing resource lock to prevent accidental deletion.';

describe('management locks', () => {
  let h: Harness;
  const reg = regPath(EA, 'azurestack', 'reg1');
  const group = `/subscriptions/${EA}/resourceGroups/azurestack`;
  const sub = `/subscriptions/${EA}`;
  const lockUrl = (scope: string, name = 'RegistrationResourceLock') => `${scope}/providers/Microsoft.Authorization/locks/${name}?${V}`;

  beforeEach(async () => {
    h = await startHarness();
    await prepare(h);
    await putRegistration(h, EA, 'azurestack', 'reg1');
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it('creates (201), updates (200), reads and deletes a lock on the registration', async () => {
    const created = await h.call('PUT', lockUrl(reg), { body: { properties: { level: 'CanNotDelete', notes: NOTES } } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      properties: { level: 'CanNotDelete', notes: NOTES },
      id: `${reg}/providers/Microsoft.Authorization/locks/RegistrationResourceLock`,
      type: 'Microsoft.Authorization/locks',
      name: 'RegistrationResourceLock',
    });
    expect((await h.call('PUT', lockUrl(reg), { body: { properties: { level: 'readonly' } } })).json).toMatchObject({ properties: { level: 'ReadOnly' } });
    expect((await h.call('GET', lockUrl(reg))).json).toMatchObject({ name: 'RegistrationResourceLock', properties: { level: 'ReadOnly' } });
    expect((await h.call('DELETE', lockUrl(reg))).status).toBe(200);
    expect((await h.call('DELETE', lockUrl(reg))).status).toBe(204);
    const gone = await h.call('GET', lockUrl(reg));
    expect([gone.status, armError(gone).code]).toEqual([404, 'LockNotFound']);
  });

  it('works at group and subscription scope, and on the SDK resource-level URL with a `//`', async () => {
    expect((await h.call('PUT', lockUrl(group, 'g'), { body: { properties: { level: 'CanNotDelete' } } })).status).toBe(201);
    expect((await h.call('PUT', lockUrl(sub, 's'), { body: { properties: { level: 'CanNotDelete' } } })).status).toBe(201);
    const sdkStyle = `/subscriptions/${EA}/resourcegroups/azurestack/providers/Microsoft.AzureStack//registrations/reg1/providers/Microsoft.Authorization/locks/r?${V}`;
    expect((await h.call('PUT', sdkStyle, { body: { properties: { level: 'CanNotDelete' } } })).status).toBe(201);
    expect(h.az.state.snapshot().locks.map((l) => l.scope).sort()).toEqual([group, reg, sub].sort());
  });

  it('lists locks that apply at a scope and below it; atScope() keeps only those at or above', async () => {
    for (const [scope, name] of [[reg, 'r'], [group, 'g'], [sub, 's']] as const) {
      await h.call('PUT', lockUrl(scope, name), { body: { properties: { level: 'CanNotDelete' } } });
    }
    const names = async (url: string) => ((await h.call('GET', url)).json as { value: { name: string }[] }).value.map((l) => l.name).sort();
    expect(await names(`${group}/providers/Microsoft.Authorization/locks?${V}`)).toEqual(['g', 'r', 's']);
    expect(await names(`${reg}/providers/Microsoft.Authorization/locks?${V}`)).toEqual(['g', 'r', 's']);
    expect(await names(`${group}/providers/Microsoft.Authorization/locks?${V}&$filter=atScope()`)).toEqual(['g', 's']);
  });

  it('refuses bad levels, missing scopes and unknown api versions', async () => {
    const level = await h.call('PUT', lockUrl(reg), { body: { properties: { level: 'Forever' } } });
    expect([level.status, armError(level).code]).toEqual([400, 'LockLevelInvalid']);
    const noScope = await h.call('PUT', lockUrl(regPath(EA, 'azurestack', 'ghost')), { body: { properties: { level: 'CanNotDelete' } } });
    expect([noScope.status, armError(noScope).code]).toEqual([404, 'ResourceNotFound']);
    const version = await h.call('GET', `${reg}/providers/Microsoft.Authorization/locks/x?api-version=2017-06-01`);
    expect([version.status, armError(version).code]).toEqual([400, 'NoRegisteredProviderFound']);
  });

  it('drops the locks of a deleted registration', async () => {
    await h.call('PUT', lockUrl(reg), { body: { properties: { level: 'CanNotDelete' } } });
    await h.call('DELETE', lockUrl(reg));
    await h.call('PUT', lockUrl(reg, 'other'), { body: { properties: { level: 'CanNotDelete' } } });
    expect((await h.call('DELETE', `${reg}?api-version=2017-06-01`)).status).toBe(409);
    await h.call('DELETE', lockUrl(reg, 'other'));
    expect((await h.call('DELETE', `${reg}?api-version=2017-06-01`)).status).toBe(200);
    expect(h.az.state.snapshot().locks).toEqual([]);
  });
});
