import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EA_SUB, makeToken, PAYG_SUB, problemOf, unique, usePracticeAzure, type Harness } from './practice-harness';
import { textOf } from '../../../shared/contract/said';

let h: Harness;
usePracticeAzure((started) => (h = started));

const registerReq = (over: Partial<{ resourceGroup: string; registrationName: string; token: string; location: string; subscriptionId: string }> = {}) => ({
  subscriptionId: EA_SUB,
  resourceGroup: unique('rg'),
  location: 'westcentralus',
  registrationName: unique('reg'),
  token: makeToken(),
  ...over,
});

const lockOn = (id: string) =>
  h.practice.state.snapshot().locks.find((l) => l.scope.toLowerCase() === id.toLowerCase() && l.name === 'RegistrationResourceLock');

describe('register', () => {
  it('creates the group, the registration and its lock, then gets a key', async () => {
    const cloudId = randomUUID();
    const req = registerReq({ token: makeToken(cloudId) });
    const phases: string[] = [];
    const { registration, reused } = await h.azure.register(req, { progress: (p) => phases.push(p) });
    expect(reused).toBe(false);
    expect(registration).toMatchObject({ name: req.registrationName, resourceGroup: req.resourceGroup, subscriptionId: EA_SUB, cloudId, locked: true });
    expect(lockOn(registration.id)).toMatchObject({ level: 'CanNotDelete', notes: expect.stringContaining(`Registration resource ${req.registrationName} is needed for syndication`) });
    expect(h.practice.state.snapshot().resourceGroups.find((g) => g.name === req.resourceGroup)?.location).toBe('westcentralus');
    expect(phases).toEqual(['register.check', 'register.resource-group', 'register.resource', 'register.lock']);

    const key = await h.azure.activationKey({ subscriptionId: EA_SUB, resourceGroup: req.resourceGroup, registrationName: req.registrationName });
    expect(key.split('.')).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(key.split('.')[1] ?? '', 'base64url').toString('utf8')) as { cloudId: string };
    expect(payload.cloudId).toBe(cloudId);
  });

  it('is safe to run again with the same token and name: keeps resource and lock', async () => {
    const req = registerReq();
    const first = await h.azure.register(req);
    h.practice.resetStats();
    const again = await h.azure.register(req);
    expect(again.reused).toBe(true);
    expect(again.registration.id).toBe(first.registration.id);
    expect(h.practice.state.snapshot().registrations.filter((r) => r.name === req.registrationName)).toHaveLength(1);
    expect(lockOn(first.registration.id)).toBeDefined();
    // No group PUT and no lock PUT the second time.
    expect(h.practice.stats().byRoute['locks.put']).toBeUndefined();
    expect(h.practice.stats().byRoute['resourceGroups.createOrUpdate'] ?? 0).toBe(0);
  });

  it('keeps an existing group where it is', async () => {
    const req = registerReq();
    await h.azure.register(req);
    const phases: [string, string][] = [];
    await h.azure.register({ ...req, registrationName: unique('reg2'), token: makeToken(), location: 'eastus' }, { progress: (p, m) => phases.push([p, textOf(m)]) });
    expect(h.practice.state.snapshot().resourceGroups.find((g) => g.name === req.resourceGroup)?.location).toBe('westcentralus');
    expect(phases.some(([, m]) => /already exists in westcentralus/.test(m))).toBe(true);
  });

  it('refuses a name used by another stamp before changing anything', async () => {
    const req = registerReq();
    await h.azure.register(req);
    h.practice.resetStats();
    const otherCloud = randomUUID();
    const problem = await problemOf(h.azure.register({ ...req, token: makeToken(otherCloud) }));
    expect(problem.code).toBe('azure-name-conflict');
    expect(problem.action).toContain(`AzureStack-${otherCloud}`);
    expect(problem.message).toMatch(/Nothing was changed/);
    expect(h.practice.stats().byRoute['registrations.put']).toBeUndefined();
  });

  it('stops before any change when it cannot see whether the name is taken', async () => {
    const req = registerReq();
    const fault = h.practice.faults.add({ method: 'GET', pathPattern: new RegExp(`/registrations/${req.registrationName}$`), kind: 'status', status: 500, times: 10 });
    const problem = await problemOf(h.azure.register(req));
    expect(problem.code).toBe('azure-unavailable');
    expect(problem.retryable).toBe(true);
    expect(fault.hits()).toBe(4); // first try and three retries
    expect(h.practice.state.snapshot().resourceGroups.some((g) => g.name === req.resourceGroup)).toBe(false);
  });

  it('says where a stamp is already registered under another name', async () => {
    const cloudId = randomUUID();
    const first = registerReq({ token: makeToken(cloudId) });
    await h.azure.register(first);
    const problem = await problemOf(h.azure.register(registerReq({ token: makeToken(cloudId) })));
    expect(problem.code).toBe('azure-cloud-already-registered');
    expect(problem.message).toContain(`as ${first.registrationName} in resource group ${first.resourceGroup}`);
    expect(problem.action).toContain(first.registrationName);
    expect(problem.detail).toMatch(/HTTP 409[\s\S]*Reusing cloud identifiers is not allowed[\s\S]*x-ms-request-id: /);
    expect(problem.reference).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports a token Azure rejects as malformed', async () => {
    // Locally readable (the cloud ID is only padded with spaces), refused by the registration RP.
    const problem = await problemOf(h.azure.register(registerReq({ token: makeToken(` ${randomUUID()} `) })));
    expect(problem.code).toBe('azure-invalid-token');
    expect(problem.detail).toContain('InvalidRegistrationToken');
  });

  it('refuses a token that is not one before calling Azure', async () => {
    h.practice.resetStats();
    const problem = await problemOf(h.azure.register(registerReq({ token: 'not a token!' })));
    expect(problem.code).toBe('input-not-base64');
    expect(h.practice.stats().requests).toBe(0);
  });

  it('refuses a location the subscription does not offer, before any change', async () => {
    const req = registerReq({ location: 'mars-north' });
    const problem = await problemOf(h.azure.register(req));
    expect(problem.code).toBe('azure-unknown-location');
    expect(problem.action).toContain('westcentralus');
    expect(h.practice.state.snapshot().resourceGroups.some((g) => g.name === req.resourceGroup)).toBe(false);
  });

  it('registers the resource provider first when needed, polling until Registered', async () => {
    const req = registerReq({ subscriptionId: PAYG_SUB });
    expect(h.practice.state.snapshot().providers[PAYG_SUB.toLowerCase()] ?? 'NotRegistered').not.toBe('Registered');
    const { registration } = await h.azure.register(req);
    expect(registration.subscriptionId).toBe(PAYG_SUB);
    expect(Object.entries(h.practice.state.snapshot().providers).some(([k, v]) => k.toLowerCase().includes(PAYG_SUB) && v === 'Registered')).toBe(true);
  });

  it('fails with a clear message when the key is asked for a missing registration', async () => {
    const problem = await problemOf(h.azure.activationKey({ subscriptionId: EA_SUB, resourceGroup: 'azurestack', registrationName: 'nope' }));
    expect(['azure-not-found']).toContain(problem.code);
  });
});

describe('bench: register start to key', () => {
  it('takes at most 6 sequential round trips when the provider is registered', async () => {
    const req = registerReq();
    h.azure.resetStats();
    await h.azure.register(req);
    await h.azure.activationKey({ subscriptionId: EA_SUB, resourceGroup: req.resourceGroup, registrationName: req.registrationName });
    const { roundTripsByPhase, requests } = h.azure.stats();
    const sequential = Object.values(roundTripsByPhase).reduce((a, b) => a + b, 0);
    expect(roundTripsByPhase).toEqual({ 'register.check': 1, 'register.resource-group': 1, 'register.resource': 1, 'register.lock': 1, key: 1 });
    expect(sequential).toBeLessThanOrEqual(6);
    expect(requests).toBe(9);
  });
});
