import { compactVerify, importSPKI } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRACTICE_ISSUER } from '../../../../../shared/domain/practice';
import { PRACTICE_KEY_ID, PRACTICE_VERIFY_KEY_PEM } from '../../../../../electron/practice/signing-key';
import { armError, CSP, EA, prepare, putRegistration, readFixture, regPath, sampleToken, startHarness, type Harness } from './harness';

const OTHER_CLOUD = '11111111-2222-4333-8444-555555555555';

describe('registrations', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await prepare(h);
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it('creates with 201, re-PUTs the same token with 200 and an unchanged etag', async () => {
    const created = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect(created.status).toBe(201);
    const body = created.json as { etag: string; properties: Record<string, string> };
    expect(created.json).toEqual({
      id: regPath(EA, 'azurestack', 'reg1'),
      name: 'reg1',
      type: 'Microsoft.AzureStack/registrations',
      location: 'global',
      etag: expect.stringMatching(/^"[0-9a-f]{8}-0000-0000-0000-[0-9a-f]{12}"$/),
      properties: { cloudId: '69464895-3a1a-450a-9824-4b7608d9203f', objectId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795', billingModel: 'Development' },
    });
    const again = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect(again.status).toBe(200);
    expect((again.json as { etag: string }).etag).toBe(body.etag);
    const changed = await putRegistration(h, EA, 'azurestack', 'reg1', sampleToken({ billingModel: 'Capacity' }));
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ properties: { billingModel: 'Capacity' } });
    expect((changed.json as { etag: string }).etag).not.toBe(body.etag);
  });

  it('GETs with the cloudId and an unquoted etag; lists without cloudId', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const get = await h.call('GET', `${regPath(EA, 'AZURESTACK', 'REG1')}?api-version=2017-06-01`);
    expect(get.json).toMatchObject({ name: 'reg1', etag: expect.stringMatching(/^[0-9a-f-]+$/), properties: { cloudId: '69464895-3a1a-450a-9824-4b7608d9203f' } });
    const list = await h.call('GET', `/subscriptions/${EA}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations?api-version=2022-06-01`);
    const value = (list.json as { value: { properties: Record<string, string> }[] }).value;
    expect(value).toHaveLength(1);
    expect(value[0]?.properties).toEqual({ objectId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795', billingModel: 'Development' });
  });

  it('404s a missing registration and a missing resource group with ARM messages', async () => {
    const missing = await h.call('GET', `${regPath(EA, 'azurestack', 'nope')}?api-version=2017-06-01`);
    expect([missing.status, armError(missing).code]).toEqual([404, 'ResourceNotFound']);
    expect(armError(missing).message).toMatch(/^The Resource 'Microsoft.AzureStack\/registrations\/nope' under resource group 'azurestack' was not found\./);
    const noGroup = await putRegistration(h, EA, 'elsewhere', 'reg1');
    expect([noGroup.status, armError(noGroup).code]).toEqual([404, 'ResourceGroupNotFound']);
  });

  it('refuses malformed tokens: scrambled sample, not base64, no cloudId, wrapped lines', async () => {
    const scrambled = readFixture('api-examples/2017-06-01/Registration_Put.json');
    const published = ((scrambled.parameters as { token: { properties: { registrationToken: string } } }).token.properties.registrationToken);
    const cases = [
      published,
      'not base64!',
      Buffer.from(JSON.stringify({ objectId: 'x' })).toString('base64'),
      sampleToken().replace(/(.{76})/g, '$1\r\n'),
      Buffer.from('[1,2]').toString('base64'),
    ];
    for (const token of cases) {
      const reply = await putRegistration(h, EA, 'azurestack', 'reg1', token);
      expect(reply.status).toBe(400);
      expect(armError(reply)).toEqual({ code: 'InvalidRegistrationToken', message: 'The registration token is malformed.' });
    }
    expect(h.az.state.snapshot().registrations).toEqual([]);
  });

  it('accepts location "Global" but refuses other locations', async () => {
    const ok = await h.call('PUT', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`, { body: { location: 'Global', properties: { registrationToken: sampleToken() } } });
    expect(ok.status).toBe(201);
    const bad = await h.call('PUT', `${regPath(EA, 'azurestack', 'reg2')}?api-version=2017-06-01`, { body: { location: 'eastus', properties: { registrationToken: sampleToken({ cloudId: OTHER_CLOUD }) } } });
    expect([bad.status, armError(bad).code]).toEqual([400, 'LocationNotAvailableForResourceType']);
  });

  it('refuses to change the cloud of a name, and to reuse a cloud under another name', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const otherCloud = await putRegistration(h, EA, 'azurestack', 'reg1', sampleToken({ cloudId: OTHER_CLOUD }));
    expect(otherCloud.status).toBe(409);
    expect(armError(otherCloud)).toEqual({
      code: 'CloudIdUpdateNotAllowed',
      message: "The registration 'reg1' is already associated with another Cloud identifier. Changing cloud identifiers is not allowed.",
    });
    await prepare(h, CSP, 'other');
    const reused = await putRegistration(h, CSP, 'other', 'reg2');
    expect(reused.status).toBe(409);
    expect(armError(reused).message).toBe(
      'Cloud identifier [69464895-3a1a-450a-9824-4b7608d9203f] is already registered. Reusing cloud identifiers is not allowed.',
    );
  });

  it('rejects api versions the RP does not serve', async () => {
    const reply = await h.call('GET', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2016-01-01`);
    expect([reply.status, armError(reply).code]).toEqual([400, 'NoRegisteredProviderFound']);
    expect(armError(reply).message).toContain("The supported api-versions are '2017-06-01, 2020-06-01-preview, 2022-06-01'");
  });

  it('pages lists with nextLink, by resource group and by subscription', async () => {
    await h.az.stop();
    h = await startHarness({ pageSize: 2 });
    await prepare(h);
    for (let i = 0; i < 5; i++) {
      const cloudId = `00000000-0000-4000-8000-00000000000${i}`;
      expect((await putRegistration(h, EA, 'azurestack', `reg${i}`, sampleToken({ cloudId }))).status).toBe(201);
    }
    const names: string[] = [];
    let next: string | undefined = `/subscriptions/${EA}/providers/Microsoft.AzureStack/registrations?api-version=2022-06-01`;
    let pages = 0;
    while (next) {
      const page = (await h.call('GET', next)).json as { value: { name: string }[]; nextLink?: string };
      names.push(...page.value.map((r) => r.name));
      next = page.nextLink;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(names.sort()).toEqual(['reg0', 'reg1', 'reg2', 'reg3', 'reg4']);
    const byGroup = (await h.call('GET', `/subscriptions/${EA}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations?api-version=2017-06-01`)).json as { value: unknown[]; nextLink: string };
    expect(byGroup.value).toHaveLength(2);
    expect(byGroup.nextLink).toMatch(new RegExp(`^${h.az.endpoint}/subscriptions/${EA}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations\\?api-version=2017-06-01&%24skipToken=2$`));
  });

  it('deletes with 200, then 204 when already gone', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const first = await h.call('DELETE', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`);
    expect([first.status, first.text]).toEqual([200, '']);
    expect((await h.call('DELETE', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`)).status).toBe(204);
    expect((await h.call('GET', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`)).status).toBe(404);
  });

  it('refuses DELETE under a lock at resource, group or subscription scope', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const id = regPath(EA, 'azurestack', 'reg1');
    for (const scope of [id, `/subscriptions/${EA}/resourceGroups/azurestack`, `/subscriptions/${EA}`]) {
      const lock = `${scope}/providers/Microsoft.Authorization/locks/keep?api-version=2020-05-01`;
      expect((await h.call('PUT', lock, { body: { properties: { level: 'CanNotDelete' } } })).status).toBe(201);
      const reply = await h.call('DELETE', `${id}?api-version=2017-06-01`);
      expect(reply.status).toBe(409);
      expect(armError(reply)).toEqual({
        code: 'ScopeLocked',
        message: `The scope '${id}' cannot perform delete operation because following scope(s) are locked: '${scope}'. Please remove the lock and try again.`,
      });
      expect((await h.call('DELETE', lock)).status).toBe(200);
    }
    expect((await h.call('DELETE', `${id}?api-version=2017-06-01`)).status).toBe(200);
  });

  it('a ReadOnly lock blocks re-PUT; a CanNotDelete lock does not', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const lock = `${regPath(EA, 'azurestack', 'reg1')}/providers/Microsoft.Authorization/locks/l?api-version=2020-05-01`;
    await h.call('PUT', lock, { body: { properties: { level: 'CanNotDelete' } } });
    expect((await putRegistration(h, EA, 'azurestack', 'reg1')).status).toBe(200);
    await h.call('PUT', lock, { body: { properties: { level: 'ReadOnly' } } });
    const blocked = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect([blocked.status, armError(blocked).code]).toEqual([409, 'ScopeLocked']);
    expect(armError(blocked).message).toContain('cannot perform write operation');
  });

  it('issues an activation key that verifies with the practice key and echoes the token', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1', sampleToken({ usageReportingEnabled: true }));
    const reply = await h.call('POST', `${regPath(EA, 'azurestack', 'reg1')}/getactivationkey?api-version=2017-06-01`);
    expect(reply.status).toBe(200);
    const { activationKey } = reply.json as { activationKey: string };
    expect(activationKey.split('.')).toHaveLength(3);
    const { payload, protectedHeader } = await compactVerify(activationKey, await importSPKI(PRACTICE_VERIFY_KEY_PEM, 'RS256'));
    expect(protectedHeader).toEqual({ kid: PRACTICE_KEY_ID, alg: 'RS256' });
    const key = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const sample = readFixture('samples/restapispec-getactivationkey-key.decoded.json').payload as Record<string, unknown>;
    expect(Object.keys(key)).toEqual(Object.keys(sample));
    const token = readFixture('samples/restapispec-registration-put-token.decoded.json');
    expect(key).toMatchObject({
      subscriptionId: EA,
      resourceGroupName: 'azurestack',
      registrationName: 'reg1',
      cloudId: token.cloudId,
      objectId: token.objectId,
      billingModel: 'Development',
      usageReportingEnabled: true,
      marketplaceSyndicationEnabled: true,
      expires: '9999-12-30T23:59:59.9999999Z',
      issuer: PRACTICE_ISSUER,
      version: '1.0',
    });
    // Same hosts as the token, spelled the key's way (`Bios` → `bios`), as in the published pair.
    expect(key.hardwareInfo).toEqual(sample.hardwareInfo);
  });

  it('404s an activation key for a missing registration', async () => {
    const reply = await h.call('POST', `${regPath(EA, 'azurestack', 'nope')}/getactivationkey?api-version=2022-06-01`);
    expect([reply.status, armError(reply).code]).toEqual([404, 'ResourceNotFound']);
  });

  it('PATCHes an existing registration (2022-06-01) and 404s a missing one', async () => {
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const body = { location: 'global', tags: { key1: 'value1' }, properties: { registrationToken: sampleToken() } };
    const patched = await h.call('PATCH', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2022-06-01`, { body });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ tags: { key1: 'value1' }, etag: expect.stringMatching(/^".*"$/) });
    const missing = await h.call('PATCH', `${regPath(EA, 'azurestack', 'nope')}?api-version=2022-06-01`, { body });
    expect(missing.status).toBe(404);
    const { tags: _tags, ...untagged } = body;
    const patchedAgain = await h.call('PATCH', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2022-06-01`, { body: untagged });
    expect(patchedAgain.json).toMatchObject({ tags: { key1: 'value1' } });
    const replaced = await h.call('PUT', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2022-06-01`, { body: untagged });
    expect(replaced.json).not.toHaveProperty('tags');
  });
});
