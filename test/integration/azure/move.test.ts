import { describe, expect, it } from 'vitest';
import { CSP_SHARED_SUB, CSP_SUB, EA_SUB, makeToken, problemOf, unique, usePracticeAzure, type Harness } from './practice-harness';

let h: Harness;
usePracticeAzure((started) => (h = started), { operationPolls: 2, operationRetryAfterSeconds: 4 });

const setup = async (subscriptionId = EA_SUB) => {
  const rg = unique('rg');
  const target = unique('target');
  const name = unique('reg');
  await h.azure.register({ subscriptionId, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
  const { registration } = await h.azure.register({ subscriptionId, resourceGroup: rg, location: 'westcentralus', registrationName: name, token: makeToken() });
  return { registration, rg, target, name };
};
const locksOn = (id: string) => h.practice.state.snapshot().locks.filter((l) => l.scope.toLowerCase() === id.toLowerCase());

describe('move', () => {
  it('moves within the subscription and re-locks the new id', async () => {
    const { registration, rg, target, name } = await setup();
    const { from, to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(from.id).toBe(registration.id);
    expect(to).toMatchObject({ resourceGroup: target, name, cloudId: registration.cloudId, locked: true });
    expect(locksOn(to.id)).toHaveLength(1);
    expect(locksOn(from.id)).toHaveLength(0);
    // Both long-running operations polled at Azure's pace.
    expect(h.sleeps.every((ms) => ms === 4000)).toBe(true);
    expect(h.sleeps.length).toBeGreaterThanOrEqual(2);
  });

  it('puts the lock back on the old id when the move fails', async () => {
    const { registration, rg, target, name } = await setup();
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 500, times: 50 });
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }));
    expect(problem.code).toBe('azure-unavailable');
    expect(problem.message).toContain(`The registration is still ${registration.id}. Its lock was put back.`);
    expect(locksOn(registration.id)).toHaveLength(1);
  });

  it('creates a missing target group in the source group\'s location, then moves and re-locks', async () => {
    const { registration, rg, name } = await setup();
    const target = unique('new-target');
    const progress: [string, string][] = [];
    const { to } = await h.azure.move(
      { subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target },
      { progress: (p, m) => progress.push([p, m]) },
    );
    const groups = h.practice.state.snapshot().resourceGroups;
    const created = groups.find((g) => g.subscriptionId === EA_SUB && g.name === target);
    const source = groups.find((g) => g.subscriptionId === EA_SUB && g.name === rg);
    expect(source?.location).toBe('westcentralus');
    expect(created?.location).toBe(source?.location);
    expect(progress).toContainEqual(['move.resource-group', `Target resource group ${target} does not exist: creating it in westcentralus, the location of ${rg}`]);
    // Created before the move is validated.
    const phases = progress.map(([p]) => p);
    expect(phases.indexOf('move.resource-group')).toBeLessThan(phases.indexOf('move.validate'));
    expect(to).toMatchObject({ resourceGroup: target, name, cloudId: registration.cloudId, locked: true });
    expect(locksOn(to.id)).toHaveLength(1);
    expect(locksOn(registration.id)).toHaveLength(0);
  });

  it('puts the lock back on the old id when the move into a newly created group fails', async () => {
    const { registration, rg, name } = await setup();
    const target = unique('new-target');
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 500, times: 50 });
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }));
    expect(problem.message).toContain(`The registration is still ${registration.id}. Its lock was put back.`);
    expect(locksOn(registration.id)).toHaveLength(1);
    expect(h.practice.state.snapshot().resourceGroups.some((g) => g.name === target)).toBe(true);
  });

  it('stops before touching the lock when the target group cannot be created', async () => {
    const { registration, rg, name } = await setup();
    const target = unique('new-target');
    h.practice.faults.add({ method: 'PUT', pathPattern: new RegExp(`/resourcegroups/${target}$`, 'i'), kind: 'forbidden' });
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }));
    expect(problem.message).toMatch(new RegExp(`^Could not create the target resource group ${target} in westcentralus: .* Nothing was moved\\.$`, 's'));
    expect(locksOn(registration.id)).toHaveLength(1);
    expect(h.practice.state.snapshot().registrations.some((r) => r.name === name && r.resourceGroup === rg)).toBe(true);
  });

  it('refuses a missing target group in another subscription, changing nothing', async () => {
    const { registration, rg, name } = await setup(CSP_SUB);
    const problem = await problemOf(
      h.azure.move({ subscriptionId: CSP_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: 'nowhere', targetSubscriptionId: CSP_SHARED_SUB }),
    );
    expect(problem.code).toBe('azure-not-found');
    expect(problem.message).toContain(`Target resource group nowhere does not exist in subscription ${CSP_SHARED_SUB}`);
    expect(locksOn(registration.id)).toHaveLength(1);
    expect(h.practice.state.snapshot().resourceGroups.some((g) => g.name === 'nowhere')).toBe(false);
  });

  it('refuses a cross-subscription move outside CSP before changing anything', async () => {
    const target = unique('csp-target');
    await h.azure.register({ subscriptionId: CSP_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration, rg, name } = await setup();
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target, targetSubscriptionId: CSP_SUB }));
    expect(problem.code).toBe('azure-failed');
    expect(problem.message).toBe('Moving a registration to another subscription is supported only between CSP subscriptions of the same partner; these look like EA and CSP. Nothing was changed.');
    expect(locksOn(registration.id)).toHaveLength(1);
  });

  it('lets Azure judge a CSP to CSP move, restoring the lock when it refuses', async () => {
    const target = unique('csp-target');
    await h.azure.register({ subscriptionId: CSP_SHARED_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration, rg, name } = await setup(CSP_SUB);
    const progress: string[] = [];
    const problem = await problemOf(
      h.azure.move(
        { subscriptionId: CSP_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target, targetSubscriptionId: CSP_SHARED_SUB },
        { progress: (_p, m) => progress.push(m) },
      ),
    );
    expect(progress.some((m) => /same partner ID/.test(m))).toBe(true);
    expect(problem.message).toMatch(/^Azure refused the move: .*Nothing was moved\. Its lock was put back\./s);
    expect(problem.detail).toContain('ResourceMoveNotSupported');
    expect(locksOn(registration.id)).toHaveLength(1);
  });
});
