import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROVIDER_POLL } from '../../../electron/azure/provider';
import { DISABLED_SUB, EA_SUB, makeToken, PAYG_SUB, problemOf, startHarness, unique, usePracticeAzure, type Harness } from './practice-harness';

/** Microsoft.AzureStack is not registered there in the harness. */
const CSP_SUB_UNREGISTERED = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';

// How real ARM refuses things the practice Azure used to let through, and how the app words them.

let h: Harness;
usePracticeAzure((started) => (h = started), { subscriptionStates: { [PAYG_SUB]: 'PastDue' } });

describe('subscription state (from the subscriptions list)', () => {
  it('refuses disabled and past-due subscriptions at the subscription step, with the reason', async () => {
    const subs = await h.azure.subscriptions('connected');
    expect(subs.find((s) => s.id === PAYG_SUB)?.refusal?.text).toMatch(/PastDue \(unpaid\)/);
    expect(subs.find((s) => s.id === DISABLED_SUB)?.refusal?.text).toMatch(/disabled/);
    expect(subs.find((s) => s.id === EA_SUB)?.refusal).toBeUndefined();
  });

  it('classifies ReadOnlyDisabledSubscription instead of a generic failure', async () => {
    const problem = await problemOf(h.azure.register({ subscriptionId: DISABLED_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() }));
    expect(problem.code).toBe('azure-subscription-disabled');
    expect(problem.message).toContain('ReadOnlyDisabledSubscription');
    expect(problem.action).toMatch(/enabled subscription/);
  });
});

describe('Azure Policy (RequestDisallowedByPolicy)', () => {
  it('names the policy assignment and says it is not a permission problem', async () => {
    h.practice.faults.add({ kind: 'policy-denied', method: 'PUT', pathPattern: /\/resourcegroups\/[^/]+$/i, policy: 'Require a tag on resource groups', times: 5 });
    const rg = unique('rg');
    const problem = await problemOf(h.azure.register({ subscriptionId: EA_SUB, resourceGroup: rg, location: 'westcentralus', registrationName: unique('reg'), token: makeToken() }));
    expect(problem.code).toBe('azure-policy-denied');
    expect(problem.message).toContain('policy assignment "Require a tag on resource groups"');
    expect(problem.message).toContain('not the problem');
    expect(problem.action).toMatch(/Policy > Assignments/);
    expect(h.practice.state.snapshot().resourceGroups.some((g) => g.name === rg)).toBe(false);
  });
});

describe('retries of POSTs', () => {
  it('repeats validateMoveResources (changes nothing) on a 500', async () => {
    const target = unique('target');
    await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    h.practice.resetStats();
    h.practice.faults.add({ method: 'POST', pathPattern: /\/validateMoveResources$/, kind: 'status', status: 500, times: 1 });
    await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: target });
    expect(h.practice.stats().byRoute['moves.validate']).toBe(2);
    expect(h.practice.stats().byRoute['moves.move']).toBe(1);
  });
});

describe('resource provider registration', () => {
  it('waits more than three minutes for Microsoft.AzureStack to be Registered', async () => {
    // 60 polls at 5 s: five minutes on the injected clock.
    const slow = await startHarness({ providerPollsUntilRegistered: 60 });
    try {
      const { registration } = await slow.azure.register({ subscriptionId: CSP_SUB_UNREGISTERED, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
      expect(registration.subscriptionId).toBe(CSP_SUB_UNREGISTERED);
      const waited = slow.sleeps.filter((ms) => ms === PROVIDER_POLL.intervalMs).length * PROVIDER_POLL.intervalMs;
      expect(waited).toBeGreaterThan(3 * 60_000);
      expect(waited).toBeLessThanOrEqual(PROVIDER_POLL.budgetMs);
    } finally {
      await slow.stop();
    }
  });

  it('can be cancelled while it waits', async () => {
    const slow = await startHarness({ providerPollsUntilRegistered: 1000 });
    try {
      const controller = new AbortController();
      slow.onSleep = () => {
        if (slow.sleeps.length >= 3) controller.abort();
      };
      const problem = await problemOf(slow.azure.register({ subscriptionId: CSP_SUB_UNREGISTERED, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() }, { signal: controller.signal }));
      expect(problem.code).toBe('cancelled');
      expect(slow.sleeps.length).toBe(3);
    } finally {
      await slow.stop();
    }
  });
});

describe('searching a whole subscription with 2017-06-01', () => {
  it('searches group by group when Azure cannot list by subscription, and finds the registration', async () => {
    const old = await startHarness({ registrationListBySubscription: false });
    try {
      const cloudId = randomUUID();
      const { registration } = await old.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken(cloudId) });
      const all = await old.azure.registrations(EA_SUB);
      expect(all.map((r) => r.id)).toContain(registration.id);
      const deleted = await old.azure.unregister({ subscriptionId: EA_SUB, target: { by: 'cloudId', cloudId } });
      expect(deleted.id).toBe(registration.id);
    } finally {
      await old.stop();
    }
  });

  it('says it cannot search (not "none found") when the groups cannot be listed either', async () => {
    const old = await startHarness({ registrationListBySubscription: false });
    try {
      old.practice.faults.add({ kind: 'forbidden', method: 'GET', pathPattern: /\/resourcegroups$/i, times: 5 });
      const problem = await problemOf(old.azure.unregister({ subscriptionId: EA_SUB, target: { by: 'cloudId', cloudId: randomUUID() } }));
      expect(problem.code).toBe('azure-forbidden');
      expect(problem.message).toContain('cannot be searched');
      expect(problem.message).toContain('This does not mean there are none.');
    } finally {
      await old.stop();
    }
  });
});
