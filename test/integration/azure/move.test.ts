import { describe, expect, it } from 'vitest';
import { LOCK_PROPAGATION, LRO, MOVED_READ } from '../../../electron/azure/waits';
import { armRequest, CSP_SHARED_SUB, CSP_SUB, EA_SUB, lockPath, makeToken, problemOf, startHarness, unique, usePracticeAzure, type Harness } from './practice-harness';

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
const groupScope = (rg: string) => `/subscriptions/${EA_SUB}/resourceGroups/${rg}`;
const locksOn = (id: string) => h.practice.state.snapshot().locks.filter((l) => l.scope.toLowerCase() === id.toLowerCase());

describe('move', () => {
  it('moves within the subscription and re-locks the new id', async () => {
    const { registration, rg, target, name } = await setup();
    const { from, to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(from.id).toBe(registration.id);
    expect(to).toMatchObject({ resourceGroup: target, name, cloudId: registration.cloudId, locked: true });
    expect(locksOn(to.id)).toHaveLength(1);
    expect(locksOn(from.id)).toHaveLength(0);
    // Both long-running operations polled at Azure's pace; the new id answered 404 once (ARM's cache)
    // and was read again after a short wait.
    expect(h.sleeps.filter((ms) => ms === 4000).length).toBeGreaterThanOrEqual(2);
    expect(h.sleeps.filter((ms) => ms !== 4000)).toEqual([3000]);
  });

  it('run again after a move that went through unseen (outcome unknown), locks the registration where it arrived', async () => {
    const { registration, rg, target, name } = await setup();
    // The move POST reaches Azure but its answer is lost: the app cannot tell, and leaves the lock off.
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'reset' });
    expect((await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }))).code).toBe('azure-outcome-unknown');
    // Meanwhile Azure did move it (the state an app restarted after the move finds), unlocked.
    const state = h.practice.state.take();
    h.practice.state.put({ ...state, registrations: state.registrations.map((r) => (r.name === name ? { ...r, resourceGroup: target } : r)) });
    const { from, to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(from).toMatchObject({ id: registration.id, resourceGroup: rg, locked: false });
    expect(to).toMatchObject({ resourceGroup: target, name, locked: true });
    expect(locksOn(to.id)).toHaveLength(1);
    // A name found in neither group is still reported, with what to do.
    const missing = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: unique('none'), targetResourceGroup: target }));
    expect(missing).toMatchObject({ code: 'azure-not-found', action: expect.stringContaining('repeat the move') });
  });

  it('puts the lock back on the old id when Azure refused the move before starting it (503)', async () => {
    const { registration, rg, target, name } = await setup();
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 503, times: 50 });
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
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 503, times: 50 });
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

  it('treats a 500 on the move POST as outcome unknown: sent once, lock not put back on the old id', async () => {
    const { registration, rg, target, name } = await setup();
    h.practice.resetStats();
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 500, times: 1 });
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }));
    expect(problem.code).toBe('azure-outcome-unknown');
    expect(problem.action).toContain('Check where the registration is');
    // Not retried (it may have started), and no lock back on the old id to break a move still running.
    expect(h.practice.stats().byRoute['moves.move']).toBe(1);
    expect(locksOn(registration.id)).toHaveLength(0);
  });

  it('retries the move POST on 503 (refused before it started) and completes', async () => {
    const { rg, target, name } = await setup();
    h.practice.resetStats();
    h.practice.faults.add({ method: 'POST', pathPattern: /\/moveResources$/, kind: 'status', status: 503, times: 1 });
    const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(to.resourceGroup).toBe(target);
    expect(h.practice.stats().byRoute['moves.move']).toBe(2);
  });

  it('stops polling after its budget with outcome unknown, leaving the old id unlocked', async () => {
    // The move answers 202 far longer than the app polls (validation finishes at once).
    const slow = await startHarness({ moveOperationPolls: 10_000, operationRetryAfterSeconds: 30 });
    try {
      const target = unique('target');
      await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
      const { registration } = await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
      const problem = await problemOf(slow.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: target }));
      expect(problem.code).toBe('azure-outcome-unknown');
      expect(problem.message).toContain('may still complete');
      const snap = slow.practice.state.snapshot();
      expect(snap.locks.filter((l) => l.scope.toLowerCase() === registration.id.toLowerCase())).toHaveLength(0);
      expect(snap.pendingOperations).toBeGreaterThan(0);
      // Polled for the budget, at Azure's pace (30 s), and no longer.
      const polled = slow.sleeps.filter((ms) => ms === 30_000).length;
      // (plus the validation's one poll and the wait before the first check)
      expect(polled).toBeGreaterThanOrEqual(LRO.budgetMs / 30_000);
      expect(polled).toBeLessThanOrEqual(LRO.budgetMs / 30_000 + 2);
    } finally {
      await slow.stop();
    }
  });

  it('puts the lock back on the old id when the operation itself reports the move failed', async () => {
    const slow = await startHarness({ operationPolls: 0, moveOperationPolls: 2, operationRetryAfterSeconds: 7 });
    try {
      const target = unique('target');
      await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
      const { registration } = await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
      // While the move runs, another admin freezes the target group: Azure fails the move.
      let waits = 0;
      slow.onSleep = async (ms) => {
        if (ms === 7000 && ++waits === 2) await armRequest(slow, 'PUT', lockPath(`/subscriptions/${EA_SUB}/resourceGroups/${target}`, 'Frozen'), { properties: { level: 'ReadOnly' } });
      };
      const problem = await problemOf(slow.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: target }));
      expect(problem.code).toBe('azure-scope-locked');
      expect(problem.message).toContain(`The registration is still ${registration.id}. Its lock was put back.`);
      expect(slow.practice.state.snapshot().locks.some((l) => l.scope.toLowerCase() === registration.id.toLowerCase())).toBe(true);
    } finally {
      await slow.stop();
    }
  });

  it('reads the new id again when Azure answers 404 right after the move', async () => {
    const { rg, target, name } = await setup();
    const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(to.locked).toBe(true);
    expect(h.sleeps).toContain(MOVED_READ.intervalMs);
  });
});

describe('move lock rule (Microsoft: only ReadOnly locks on groups and subscriptions block a move)', () => {
  it('moves despite CanNotDelete locks on the source and target groups', async () => {
    const { rg, target, name } = await setup();
    expect(await armRequest(h, 'PUT', lockPath(groupScope(rg), 'KeepSource'), { properties: { level: 'CanNotDelete' } })).toBe(201);
    expect(await armRequest(h, 'PUT', lockPath(groupScope(target), 'KeepTarget'), { properties: { level: 'CanNotDelete' } })).toBe(201);
    const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target });
    expect(to.resourceGroup).toBe(target);
  });

  it('refuses before changing anything when the target group has a ReadOnly lock', async () => {
    const { registration, rg, target, name } = await setup();
    expect(await armRequest(h, 'PUT', lockPath(groupScope(target), 'Frozen'), { properties: { level: 'ReadOnly', notes: 'archive' } })).toBe(201);
    const problem = await problemOf(h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: name, targetResourceGroup: target }));
    expect(problem.code).toBe('azure-scope-locked');
    expect(problem.action).toContain('Frozen (ReadOnly)');
    expect(locksOn(registration.id)).toHaveLength(1);
    // The practice Azure applies the same rule: without the app's check the move itself is refused.
    expect(await armRequest(h, 'DELETE', lockPath(registration.id, 'RegistrationResourceLock'))).toBe(200);
    expect(await armRequest(h, 'POST', `${groupScope(rg)}/moveResources?api-version=2021-04-01`, { resources: [registration.id], targetResourceGroup: groupScope(target) })).toBe(409);
  });
});

describe('move right after lifting the lock (removal propagates slowly)', () => {
  let slow: Harness;
  usePracticeAzure((started) => (slow = started), { lockPropagationSeconds: 20 });

  it('waits out the lock it removed itself, then moves', async () => {
    const target = unique('target');
    await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
    const { registration } = await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    const { to } = await slow.azure.move({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, registrationName: registration.name, targetResourceGroup: target });
    expect(to.locked).toBe(true);
    expect(slow.sleeps.filter((ms) => ms === LOCK_PROPAGATION.intervalMs).length).toBeGreaterThanOrEqual(1);
  });
});
