import { describe, expect, it } from 'vitest';
import { EA_SUB, makeToken, problemOf, startHarness, unique, usePracticeAzure, type Harness } from './practice-harness';

// Every fault the practice Azure can inject, on the calls of register and key: the operation
// recovers, or stops saying what happened, what state Azure is in and what to do.

let h: Harness;
usePracticeAzure((started) => (h = started));

const req = () => ({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
const PUT_REG = /\/registrations\/[^/]+$/;
const snapshot = () => h.practice.state.snapshot();
const registered = (name: string) => snapshot().registrations.some((r) => r.name === name);
const locked = (name: string) => snapshot().locks.some((l) => l.scope.endsWith(`/registrations/${name}`));

describe('throttling (429 + Retry-After)', () => {
  it('waits what Azure asks and carries on', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'throttle', retryAfterSeconds: 7, times: 2 });
    const { registration } = await h.azure.register(r);
    expect(registration.locked).toBe(true);
    expect(h.sleeps).toEqual([7000, 7000]);
  });

  it('gives up after the retries with azure-throttled, nothing created', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'throttle', retryAfterSeconds: 5, times: 50 });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-throttled');
    expect(problem.message).toMatch(/No registration was created/);
    expect(problem.detail).toMatch(/HTTP 429 SubscriptionRequestsThrottled/);
    expect(h.sleeps).toEqual([5000, 5000, 5000, 5000]);
    expect(registered(r.registrationName)).toBe(false);
  });

  it('honours Retry-After on the activation key', async () => {
    const r = req();
    await h.azure.register(r);
    h.practice.faults.add({ method: 'POST', pathPattern: 'getactivationkey', kind: 'throttle', retryAfterSeconds: 3 });
    await expect(h.azure.activationKey(r)).resolves.toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);
    expect(h.sleeps).toEqual([3000]);
  });
});

describe('server errors and dropped connections', () => {
  it.each([500, 503] as const)('recovers from a passing %i', async (status) => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'status', status, times: 2 });
    await expect(h.azure.register(r)).resolves.toMatchObject({ reused: false });
    expect(h.sleeps).toHaveLength(2);
  });

  it('says the registration may or may not exist when Azure keeps failing the PUT', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'status', status: 503, times: 50 });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-unavailable');
    expect(problem.message).toMatch(/may or may not exist/);
    expect(problem.message).toContain(`Resource group ${r.resourceGroup} was created`);
    expect(problem.action).toMatch(/same name and token/);
    expect(problem.reference).toBeDefined();
  });

  it('recovers from a reset connection on the PUT and on the key', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'reset' });
    await h.azure.register(r);
    h.practice.faults.add({ method: 'POST', pathPattern: 'getactivationkey', kind: 'reset' });
    await expect(h.azure.activationKey(r)).resolves.toContain('.');
  });

  it('waits out a slow answer (real delay on the wire) without retrying it', async () => {
    const slowAzure = await startHarness({}, { realServerDelays: true });
    try {
      const r = req();
      const slow = slowAzure.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'slow', delayMs: 300 });
      await expect(slowAzure.azure.register(r)).resolves.toMatchObject({ reused: false });
      expect(slow.hits()).toBe(1);
      expect(slowAzure.practice.stats().byRoute['registrations.put']).toBe(1);
      expect(slowAzure.sleeps).toEqual([]);
    } finally {
      await slowAzure.stop();
    }
  });

  it('reports an unplaced lock as a partial registration', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: /\/locks\/RegistrationResourceLock$/, kind: 'status', status: 500, times: 50 });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-partial');
    expect(problem.message).toContain(`Registration ${r.registrationName} exists in Azure`);
    expect(problem.message).toContain('placing its delete lock RegistrationResourceLock failed');
    expect(registered(r.registrationName)).toBe(true);
    expect(locked(r.registrationName)).toBe(false);
  });
});

describe('credentials and permissions', () => {
  it('asks to sign in again on 401, naming what was left behind', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'expired-token' });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-credential-expired');
    expect(problem.action).toMatch(/Sign in to Azure again/);
    expect(problem.message).toContain(`Resource group ${r.resourceGroup} was created for it and is left empty`);
    expect(problem.detail).toContain('ExpiredAuthenticationToken');
  });

  it('asks to sign in again when every token has expired', async () => {
    h.practice.state.expireTokens();
    expect((await problemOf(h.azure.subscriptions('disconnected'))).code).toBe('azure-credential-expired');
    await h.azure.signIn({ cloud: 'AzureCloud', method: 'browser' });
    await expect(h.azure.subscriptions('disconnected')).resolves.not.toHaveLength(0);
  });

  it('reports a refused lock (403 locks/write) with the state and the fix, and a re-run completes it', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: /\/locks\//, kind: 'forbidden' });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-lock-forbidden');
    expect(problem.message).toContain('lacks Microsoft.Authorization/locks/write');
    expect(problem.message).toContain(`Registration ${r.registrationName} exists in Azure`);
    expect(problem.action).toMatch(/locks\/read, locks\/write and locks\/delete/);
    expect(registered(r.registrationName)).toBe(true);
    expect(locked(r.registrationName)).toBe(false);

    const again = await h.azure.register(r);
    expect(again.reused).toBe(true);
    expect(locked(r.registrationName)).toBe(true);
  });

  it('explains a 403 on updating an existing registration (only the original registrant may)', async () => {
    const r = req();
    await h.azure.register(r);
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'forbidden' });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-forbidden');
    expect(problem.message).toMatch(/Only the account that first registered this stamp/);
    expect(problem.detail).toMatch(/HTTP 403 AuthorizationFailed/);
  });

  it('works with the 2019 role that has no lock actions only up to the lock', async () => {
    h.practice.state.setPermissions('registration-role-2019');
    const r = req();
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-lock-forbidden');
    expect(registered(r.registrationName)).toBe(true);
  });

  it('maps MissingSubscriptionRegistration on the PUT', async () => {
    const r = req();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'missing-registration' });
    const problem = await problemOf(h.azure.register(r));
    expect(problem.code).toBe('azure-provider-unregistered');
    expect(problem.action).toMatch(/Microsoft\.AzureStack/);
  });
});

describe('cancellation', () => {
  it('stops during a Retry-After wait', async () => {
    const r = req();
    const controller = new AbortController();
    h.practice.faults.add({ method: 'PUT', pathPattern: PUT_REG, kind: 'throttle', retryAfterSeconds: 30, times: 5 });
    h.onSleep = () => controller.abort();
    const problem = await problemOf(h.azure.register(r, { signal: controller.signal }));
    h.onSleep = undefined;
    expect(problem.code).toBe('cancelled');
    expect(problem.message).toMatch(/may or may not exist/);
    expect(h.sleeps).toEqual([30_000]);
    expect(registered(r.registrationName)).toBe(false);
  });
});
