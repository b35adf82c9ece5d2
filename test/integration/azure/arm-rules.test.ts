import { describe, expect, it } from 'vitest';
import { DISABLED_SUB, EA_SUB, makeToken, PAYG_SUB, problemOf, unique, usePracticeAzure, type Harness } from './practice-harness';

// How real ARM refuses things the practice Azure used to let through, and how the app words them.

let h: Harness;
usePracticeAzure((started) => (h = started), { subscriptionStates: { [PAYG_SUB]: 'PastDue' } });

describe('subscription state (from the subscriptions list)', () => {
  it('refuses disabled and past-due subscriptions at the subscription step, with the reason', async () => {
    const subs = await h.azure.subscriptions('connected');
    expect(subs.find((s) => s.id === PAYG_SUB)?.refusal).toMatch(/PastDue \(unpaid\)/);
    expect(subs.find((s) => s.id === DISABLED_SUB)?.refusal).toMatch(/disabled/);
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
