import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceSettingsFor } from '../../../electron/practice';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import { EA_SUB, makeToken, PAYG_SUB, problemOf, startHarness, unique, type Harness } from './practice-harness';

// The Practice scenarios screen's Azure switches, as the operator rehearses them, through the real
// Azure layer: each one shows the failure and the app's handling of it.

let h: Harness;
beforeAll(async () => {
  const settings = practiceSettingsFor({
    ...DEFAULT_PRACTICE_SCENARIO,
    lockPropagationDelay: true,
    subscriptionPastDue: true,
    foreignLocks: true,
    noSubscriptionWideList: true,
  });
  h = await startHarness(settings.azure);
  for (const fault of settings.azureFaults ?? []) h.practice.faults.add(fault);
});
afterAll(async () => h.stop());

describe('practice scenarios (Azure)', () => {
  it('other admins\' locks: a CanNotDelete lock on the subscription lets a move through, a ReadOnly target group does not', async () => {
    const target = unique('target');
    await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    const refused = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: 'archive' }));
    expect(refused.code).toBe('azure-scope-locked');
    expect(refused.action).toContain('Frozen (ReadOnly)');
    expect(refused.action).not.toContain('BudgetHold');
    // Lock removal propagates slowly too: the move waits it out.
    const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: target });
    expect(to.locked).toBe(true);
    // Deleting is another matter: any lock on the subscription blocks it.
    const kept = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: target, target: { by: 'name', registrationName: registration.name } }));
    expect(kept.action).toContain('BudgetHold (CanNotDelete)');
  });

  it('past-due subscription: refused at the subscription step', async () => {
    expect((await h.azure.subscriptions('connected')).find((s) => s.id === PAYG_SUB)?.refusal?.text).toMatch(/PastDue/);
  });

  it('no subscription-wide list: finding a registration by cloud ID still works', async () => {
    const cloudId = randomUUID();
    const { registration } = await h.azure.register({ subscriptionId: PAYG_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken(cloudId) });
    const found = await h.azure.registrations(PAYG_SUB);
    expect(found.map((r) => r.id)).toEqual([registration.id]);
  });

  it('policy on resource groups: Register is refused naming the policy', async () => {
    const policy = practiceSettingsFor({ ...DEFAULT_PRACTICE_SCENARIO, policyDeniesResourceGroups: true });
    const p = await startHarness(policy.azure);
    try {
      for (const fault of policy.azureFaults ?? []) p.practice.faults.add(fault);
      const problem = await problemOf(p.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() }));
      expect(problem.code).toBe('azure-policy-denied');
      expect(problem.message).toContain('Require a tag on resource groups');
    } finally {
      await p.stop();
    }
  });
});
