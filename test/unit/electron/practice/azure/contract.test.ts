// Replays the published Microsoft.AzureStack examples (test/fixtures/practice-azure/api-examples)
// against the practice Azure and compares status codes and response shapes, quirks included.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { armError, FIXTURES, prepare, readFixture, sampleToken, startHarness, type Harness } from './harness';

type Example = {
  parameters: {
    subscriptionId: string;
    resourceGroup?: string;
    registrationName?: string;
    'api-version': string;
    token?: { location: string; tags?: Record<string, string>; properties: { registrationToken: string } };
  };
  responses: Record<string, { body?: unknown }>;
};

type Shape = string | Shape[] | { [key: string]: Shape };

/** Keys and value types, not values: what a client's deserializer depends on. */
const shapeOf = (value: unknown): Shape => {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
};

const example = (version: string, name: string): Example => readFixture(`api-examples/${version}/Registration_${name}.json`) as Example;

const path = (p: Example['parameters']): string =>
  `/subscriptions/${p.subscriptionId}` +
  (p.resourceGroup === undefined ? '' : `/resourceGroups/${p.resourceGroup}`) +
  '/providers/Microsoft.AzureStack/registrations' +
  (p.registrationName === undefined ? '' : `/${p.registrationName}`);

const url = (p: Example['parameters'], suffix = ''): string => `${path(p)}${suffix}?api-version=${p['api-version']}`;

const withSampleToken = (body: NonNullable<Example['parameters']['token']>) => ({
  ...body,
  properties: { ...body.properties, registrationToken: sampleToken() },
});

describe.each(['2017-06-01', '2022-06-01'])('api-examples %s', (version) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await prepare(h, 'dd8597b4-8739-4467-8b10-f8679f62bfbf', 'azurestack');
  });
  afterEach(async () => {
    await h.az.stop();
  });

  const putSample = async () => {
    const put = example(version, 'Put');
    const token = put.parameters.token;
    if (!token) throw new Error('Put example without body');
    return h.call('PUT', url(put.parameters), { body: withSampleToken(token) });
  };

  it('has the files this suite replays', () => {
    const files = readdirSync(join(FIXTURES, 'api-examples', version));
    expect(files).toEqual(expect.arrayContaining(['Registration_Put.json', 'Registration_Get.json', 'Registration_Delete.json', 'Registration_Post_getactivationkey.json']));
  });

  it('Put: the published (case-scrambled) token is refused as malformed', async () => {
    const put = example(version, 'Put');
    const reply = await h.call('PUT', url(put.parameters), { body: put.parameters.token });
    expect(reply.status).toBe(400);
    expect(armError(reply)).toEqual({ code: 'InvalidRegistrationToken', message: 'The registration token is malformed.' });
  });

  it('Put: 201 then 200, with the example shape and its quoted etag', async () => {
    const put = example(version, 'Put');
    const created = await putSample();
    expect(created.status).toBe(201);
    expect(shapeOf(created.json)).toEqual(shapeOf(put.responses['201']?.body));
    expect(created.json).toMatchObject({ id: path(put.parameters), name: 'testregistration', type: 'Microsoft.AzureStack/registrations', location: 'global' });
    expect((created.json as { etag: string }).etag).toMatch(/^".+"$/);
    const again = await putSample();
    expect(again.status).toBe(200);
    expect(shapeOf(again.json)).toEqual(shapeOf(put.responses['200']?.body));
  });

  it("Get: the example's shape plus cloudId, its unquoted etag, and the right name (not the example's)", async () => {
    await putSample();
    const get = example(version, 'Get');
    const reply = await h.call('GET', url(get.parameters));
    expect(reply.status).toBe(200);
    const published = get.responses['200']?.body as { name: string; properties: Record<string, unknown> };
    const body = reply.json as { name: string; etag: string; properties: Record<string, unknown> };
    // Quirk: the example lacks cloudId, which RWA reads from GET; the practice RP returns it.
    const { cloudId, ...properties } = body.properties;
    expect(typeof cloudId).toBe('string');
    expect(shapeOf({ ...body, properties })).toEqual(shapeOf(published));
    expect(published.name).toBe('azurestack');
    expect(body.name).toBe('testregistration');
    expect(body.etag).toMatch(/^[^"]+$/);
  });

  it('Delete: 200 with no body, then 204', async () => {
    await putSample();
    const del = example(version, 'Delete');
    expect(Object.keys(del.responses).sort()).toEqual(['200', '204']);
    const first = await h.call('DELETE', url(del.parameters));
    expect([first.status, first.text]).toEqual([200, '']);
    const second = await h.call('DELETE', url(del.parameters));
    expect([second.status, second.text]).toEqual([204, '']);
  });

  it('Post getactivationkey: 200 with an activationKey in three JWS segments, like the example', async () => {
    await putSample();
    const post = example(version, 'Post_getactivationkey');
    const reply = await h.call('POST', url(post.parameters, '/getactivationkey'));
    expect(reply.status).toBe(200);
    const published = post.responses['200']?.body as { activationKey: string };
    expect(shapeOf(reply.json)).toEqual(shapeOf(published));
    expect((reply.json as { activationKey: string }).activationKey.split('.')).toHaveLength(published.activationKey.split('.').length);
  });
});

describe('api-examples 2022-06-01 only', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await prepare(h, 'dd8597b4-8739-4467-8b10-f8679f62bfbf', 'azurestack');
    const put = example('2022-06-01', 'Put');
    if (!put.parameters.token) throw new Error('Put example without body');
    expect((await h.call('PUT', url(put.parameters), { body: withSampleToken(put.parameters.token) })).status).toBe(201);
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it.each(['List', 'ListBySubscription'])('%s: value items have exactly the example shape (no cloudId)', async (name) => {
    const list = example('2022-06-01', name);
    const reply = await h.call('GET', url(list.parameters));
    expect(reply.status).toBe(200);
    expect(shapeOf(reply.json)).toEqual(shapeOf(list.responses['200']?.body));
    expect((reply.json as { value: { id: string }[] }).value[0]?.id).toBe(
      '/subscriptions/dd8597b4-8739-4467-8b10-f8679f62bfbf/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/testregistration',
    );
  });

  it('Patch: scrambled token refused; with a real token 200 in the example shape, tags and quoted etag', async () => {
    const patch = example('2022-06-01', 'Patch');
    const body = patch.parameters.token;
    if (!body) throw new Error('Patch example without body');
    expect((await h.call('PATCH', url(patch.parameters), { body })).status).toBe(400);
    const reply = await h.call('PATCH', url(patch.parameters), { body: { ...withSampleToken(body), tags: { key1: 'value1' } } });
    expect(reply.status).toBe(200);
    expect(shapeOf(reply.json)).toEqual(shapeOf(patch.responses['200']?.body));
  });
});
