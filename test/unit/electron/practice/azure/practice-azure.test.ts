import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { armError, EA, startHarness, type Harness } from './harness';

describe('practice Azure server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it('listens on loopback with an ephemeral port and describes every cloud at that endpoint', () => {
    expect(h.az.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(h.az.ca).toContain('BEGIN CERTIFICATE');
    expect(h.az.clouds.AzureCloud).toEqual({
      name: 'AzureCloud',
      authorityHost: h.az.endpoint,
      resourceManager: h.az.endpoint,
      scope: `${h.az.endpoint}/.default`,
      defaultLocation: 'westcentralus',
    });
    expect(h.az.clouds.AzureUSGovernment.defaultLocation).toBe('usgovvirginia');
    expect(h.az.clouds.AzureChinaCloud.defaultLocation).toBe('chinaeast');
    expect(h.az.account.username).toBe('operator@practice.contoso.com');
  });

  it('is not trusted without its CA', async () => {
    const error = await new Promise<Error>((resolve) => {
      const req = request(`${h.az.endpoint}/subscriptions?api-version=2022-12-01`, { method: 'GET' }, () => resolve(new Error('answered')));
      req.on('error', resolve);
      req.end();
    });
    expect(String((error as NodeJS.ErrnoException).code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });

  it('issues tokens that expire on the injected clock', async () => {
    const token = await h.az.credential().getToken(h.az.clouds.AzureCloud.scope);
    expect(token?.expiresOnTimestamp).toBe(h.clock.now().getTime() + 3600_000);
    expect((await h.call('GET', '/subscriptions?api-version=2022-12-01', { token: token?.token })).status).toBe(200);
    h.clock.advance(3600_000);
    const expired = await h.call('GET', '/subscriptions?api-version=2022-12-01', { token: token?.token });
    expect(expired.status).toBe(401);
    expect(armError(expired).code).toBe('ExpiredAuthenticationToken');
    // .NET's invariant "G" pattern, as ARM prints it: 11/25/2026 1:00:00 PM.
    const expiry = new Date(token?.expiresOnTimestamp ?? 0);
    const hour12 = expiry.getUTCHours() % 12 === 0 ? 12 : expiry.getUTCHours() % 12;
    expect(armError(expired).message).toContain(
      `The access token expiry UTC time '${expiry.getUTCMonth() + 1}/${expiry.getUTCDate()}/${expiry.getUTCFullYear()} ${hour12}:`,
    );
    expect(armError(expired).message).toMatch(/^The access token expiry UTC time '[^']+ (AM|PM)' is earlier than current UTC time '[^']+ (AM|PM)'\.$/);
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer authorization_uri=".*", error="invalid_token"/);
  });

  it('refuses missing, unknown and wrong-audience tokens with 401', async () => {
    const missing = await h.call('GET', '/subscriptions?api-version=2022-12-01', { token: null });
    expect([missing.status, armError(missing).code]).toEqual([401, 'AuthenticationFailed']);
    const unknown = await h.call('GET', '/subscriptions?api-version=2022-12-01', { token: 'not-issued' });
    expect([unknown.status, armError(unknown).code]).toEqual([401, 'InvalidAuthenticationToken']);
    const publicScope = await h.token('https://management.azure.com/.default');
    const wrong = await h.call('GET', '/subscriptions?api-version=2022-12-01', { token: publicScope });
    expect([wrong.status, armError(wrong).code]).toEqual([401, 'InvalidAuthenticationTokenAudience']);
    expect(armError(wrong).message).toContain("'https://management.azure.com'");
  });

  it('expireTokens() invalidates every token handed out', async () => {
    expect((await h.call('GET', '/tenants?api-version=2022-12-01')).status).toBe(200);
    h.az.state.expireTokens();
    expect(armError(await h.call('GET', '/tenants?api-version=2022-12-01')).code).toBe('ExpiredAuthenticationToken');
  });

  it('requires api-version and rejects versions a family does not serve', async () => {
    const missing = await h.call('GET', `/subscriptions/${EA}/locations`);
    expect([missing.status, armError(missing).code]).toEqual([400, 'MissingApiVersionParameter']);
    const invalid = await h.call('GET', `/subscriptions/${EA}/locations?api-version=2099-01-01`);
    expect([invalid.status, armError(invalid).code]).toEqual([400, 'InvalidApiVersionParameter']);
  });

  it('answers every request with x-ms-request-id and echoes the client request id as correlation id', async () => {
    const ok = await h.call('GET', '/tenants?api-version=2022-12-01', { headers: { 'x-ms-client-request-id': 'abc-123' } });
    const bad = await h.call('GET', '/nowhere?api-version=2022-12-01');
    expect(ok.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.headers['x-ms-correlation-request-id']).toBe('abc-123');
    expect(bad.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.headers['x-ms-request-id']).not.toBe(ok.headers['x-ms-request-id']);
  });

  it('maps unknown routes to ARM errors in the envelope', async () => {
    const nowhere = await h.call('GET', '/nowhere?api-version=2022-12-01');
    expect([nowhere.status, armError(nowhere).code]).toEqual([404, 'ResourceNotFound']);
    const type = await h.call('GET', `/subscriptions/${EA}/resourceGroups/x/providers/Microsoft.AzureStack/edgeThings/y?api-version=2017-06-01`);
    expect([type.status, armError(type).code]).toEqual([404, 'InvalidResourceType']);
    const ns = await h.call('GET', `/subscriptions/${EA}/providers/Microsoft.Nope/things?api-version=2017-06-01`);
    expect([ns.status, armError(ns).code]).toEqual([400, 'InvalidResourceNamespace']);
    const method = await h.call('PATCH', `/subscriptions/${EA}/resourcegroups/x?api-version=2025-04-01`, { body: {} });
    expect([method.status, armError(method).code]).toEqual([405, 'MethodNotAllowed']);
  });

  it('rejects a body that is not JSON', async () => {
    const reply = await h.call('PUT', `/subscriptions/${EA}/resourcegroups/x?api-version=2025-04-01`, { rawBody: '{location:' });
    expect([reply.status, armError(reply).code]).toEqual([400, 'InvalidRequestContent']);
  });

  it('counts requests per route until reset', async () => {
    await h.call('GET', '/tenants?api-version=2022-12-01');
    await h.call('GET', '/subscriptions?api-version=2022-12-01');
    await h.call('GET', '/subscriptions?api-version=2022-12-01');
    await h.call('GET', '/nowhere?api-version=1');
    expect(h.az.stats()).toMatchObject({ requests: 4, byRoute: { 'tenants.list': 1, 'subscriptions.list': 2, unmatched: 1 } });
    h.az.resetStats();
    await h.call('GET', '/tenants?api-version=2022-12-01');
    expect(h.az.stats()).toMatchObject({ requests: 1, byRoute: { 'tenants.list': 1 } });
  });

  it('collapses the `//` some SDK URL builders produce but never unescapes an encoded slash', async () => {
    expect((await h.call('GET', `//subscriptions/${EA}?api-version=2022-12-01`)).status).toBe(200);
    const encoded = await h.call('GET', `/subscriptions%2F${EA}/providers/Microsoft.Authorization/locks?api-version=2020-05-01`);
    expect(encoded.status).toBe(404);
    expect(h.az.stats().byRoute.unmatched).toBe(1);
  });
});
