import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { armError, EA, prepare, putRegistration, regPath, startHarness, type Harness } from './harness';

const LIST = '/subscriptions?api-version=2022-12-01';

describe('fault injection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.az.stop();
  });

  it('throttles with 429 SubscriptionRequestsThrottled and Retry-After, the given number of times', async () => {
    const fault = h.az.faults.add({ pathPattern: /^\/subscriptions$/, kind: 'throttle', times: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const reply = await h.call('GET', LIST);
      expect([reply.status, reply.headers['retry-after'], armError(reply).code]).toEqual([429, '7', 'SubscriptionRequestsThrottled']);
      expect(reply.headers['x-ms-request-id']).toBeDefined();
    }
    expect((await h.call('GET', LIST)).status).toBe(200);
    expect([fault.hits(), fault.remaining()]).toEqual([2, 0]);
  });

  it('answers 500 or 503 in the ARM envelope; defaults to one hit', async () => {
    h.az.faults.add({ pathPattern: 'tenants', kind: 'status' });
    h.az.faults.add({ pathPattern: 'tenants', kind: 'status', status: 503 });
    const first = await h.call('GET', '/tenants?api-version=2022-12-01');
    const second = await h.call('GET', '/tenants?api-version=2022-12-01');
    expect([first.status, armError(first).code]).toEqual([500, 'InternalServerError']);
    expect([second.status, armError(second).code]).toEqual([503, 'ServiceUnavailable']);
    expect((await h.call('GET', '/tenants?api-version=2022-12-01')).status).toBe(200);
  });

  it('matches on method and path', async () => {
    await prepare(h);
    h.az.faults.add({ method: 'PUT', pathPattern: /registrations\/reg1$/, kind: 'status', times: 5 });
    expect((await h.call('GET', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`)).status).toBe(404);
    expect((await putRegistration(h, EA, 'azurestack', 'reg2')).status).toBe(201);
    expect((await putRegistration(h, EA, 'azurestack', 'reg1')).status).toBe(500);
    h.az.faults.clear();
    // Past the fault, the RP itself answers: reg2 already holds this token's cloud.
    expect(armError(await putRegistration(h, EA, 'azurestack', 'reg1')).code).toBe('CloudIdAlreadyRegistered');
  });

  it('resets the connection', async () => {
    h.az.faults.add({ pathPattern: 'subscriptions', kind: 'reset' });
    await expect(h.call('GET', LIST)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await h.call('GET', LIST)).status).toBe(200);
  });

  it('delays through the injected sleep, then serves normally', async () => {
    h.az.faults.add({ pathPattern: 'subscriptions', kind: 'slow', delayMs: 45_000 });
    expect((await h.call('GET', LIST)).status).toBe(200);
    expect(h.sleeps).toEqual([45_000]);
  });

  it('answers 401 ExpiredAuthenticationToken for a valid token', async () => {
    h.az.faults.add({ pathPattern: 'subscriptions', kind: 'expired-token' });
    const reply = await h.call('GET', LIST);
    expect([reply.status, armError(reply).code]).toEqual([401, 'ExpiredAuthenticationToken']);
    expect(reply.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('forbids with AuthorizationFailed naming the route action or a given one', async () => {
    await prepare(h);
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const lock = `${regPath(EA, 'azurestack', 'reg1')}/providers/Microsoft.Authorization/locks/RegistrationResourceLock`;
    h.az.faults.add({ pathPattern: /locks\//, kind: 'forbidden' });
    const reply = await h.call('PUT', `${lock}?api-version=2020-05-01`, { body: { properties: { level: 'CanNotDelete' } } });
    expect([reply.status, armError(reply).code]).toEqual([403, 'AuthorizationFailed']);
    expect(armError(reply).message).toContain(`perform action 'Microsoft.Authorization/locks/write' over scope '${lock}'`);
    h.az.faults.add({ pathPattern: 'tenants', kind: 'forbidden', action: 'Microsoft.Resources/tenants/read' });
    expect(armError(await h.call('GET', '/tenants?api-version=2022-12-01')).message).toContain("'Microsoft.Resources/tenants/read'");
  });

  it('answers MissingSubscriptionRegistration even when the provider is registered', async () => {
    await prepare(h);
    h.az.faults.add({ pathPattern: 'Microsoft.AzureStack/registrations', kind: 'missing-registration' });
    const reply = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect([reply.status, armError(reply).code]).toEqual([409, 'MissingSubscriptionRegistration']);
  });

  it('applies before authentication, as a throttling front door would', async () => {
    h.az.faults.add({ pathPattern: 'subscriptions', kind: 'throttle' });
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.az.endpoint}${LIST}`, { ca: h.az.ca }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(reply).toBe(429);
  });
});
