import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/problems';
import { LOCK_PROPAGATION } from '../../../electron/azure/waits';
import { armRequest, EA_SUB, lockPath, makeToken, problemOf, startHarness, unique, usePracticeAzure, type Harness } from './practice-harness';
import { textOf } from '../../../shared/contract/said';

let h: Harness;
usePracticeAzure((started) => (h = started));

const registered = async (cloudId = randomUUID(), resourceGroup = unique('rg')) => {
  const name = unique('reg');
  const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup, location: 'westcentralus', registrationName: name, token: makeToken(cloudId) });
  return { registration, cloudId };
};
const exists = (id: string) => h.practice.state.snapshot().registrations.some((r) => `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.AzureStack/registrations/${r.name}`.toLowerCase() === id.toLowerCase());
const ownLock = (id: string) => h.practice.state.snapshot().locks.some((l) => l.scope.toLowerCase() === id.toLowerCase() && l.name === 'RegistrationResourceLock');

describe('unregister by name', () => {
  it('lifts the lock, deletes and confirms the registration is gone', async () => {
    const { registration } = await registered();
    const phases: string[] = [];
    const deleted = await h.azure.unregister(
      { subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } },
      { progress: (p) => phases.push(p) },
    );
    expect(deleted).toMatchObject({ id: registration.id, locked: false });
    expect(exists(registration.id)).toBe(false);
    expect(ownLock(registration.id)).toBe(false);
    expect(phases).toEqual(['unregister.find', 'unregister.locks', 'unregister.unlock', 'unregister.delete', 'unregister.verify']);
  });

  it('asks for confirmation with what it found, and stops if refused', async () => {
    const { registration } = await registered();
    const seen: string[] = [];
    const refused = problemOf(
      h.azure.unregister({
        subscriptionId: EA_SUB,
        resourceGroup: registration.resourceGroup,
        target: { by: 'name', registrationName: registration.name },
        confirm: (found) => {
          seen.push(found.cloudId ?? '');
          throw new AppError('azure-confirmation-mismatch', 'Type the name to confirm.');
        },
      }),
    );
    expect((await refused).code).toBe('azure-confirmation-mismatch');
    expect(seen).toEqual([registration.cloudId]);
    expect(exists(registration.id)).toBe(true);
    expect(ownLock(registration.id)).toBe(true);
  });

  it('says "not found" naming subscription, group and name', async () => {
    const problem = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: 'azurestack', target: { by: 'name', registrationName: 'ghost' } }));
    expect(problem.code).toBe('azure-not-found');
    expect(problem.message).toBe(`No registration named ghost in resource group azurestack of subscription ${EA_SUB}. Nothing was deleted.`);
  });

  it('tells another stamp\'s registration apart from a missing one', async () => {
    const { registration } = await registered();
    const mine = randomUUID();
    const problem = await problemOf(
      h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name, cloudId: mine } }),
    );
    expect(problem.code).toBe('azure-confirmation-mismatch');
    expect(problem.message).toContain(`belongs to another stamp (cloud ID ${registration.cloudId ?? ''})`);
    expect(exists(registration.id)).toBe(true);
  });

  it('stops on a lock it did not place, naming it, and changes nothing', async () => {
    const { registration } = await registered();
    const rgScope = `/subscriptions/${EA_SUB}/resourceGroups/${registration.resourceGroup}`;
    expect(await armRequest(h, 'PUT', lockPath(rgScope, 'KeepOut'), { properties: { level: 'CanNotDelete', notes: 'audit hold' } })).toBe(201);
    const problem = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }));
    expect(problem.code).toBe('azure-scope-locked');
    expect(problem.action).toContain('KeepOut (CanNotDelete)');
    expect(problem.action).toContain('audit hold');
    expect(ownLock(registration.id)).toBe(true);
    expect(exists(registration.id)).toBe(true);
  });

  it('explains a missing locks/delete (documented role) before deleting anything', async () => {
    const { registration } = await registered();
    h.practice.state.setPermissions('registration-role');
    const problem = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }));
    expect(problem.code).toBe('azure-lock-forbidden');
    expect(problem.message).toMatch(/locks\/delete.*nothing was changed/);
    expect(exists(registration.id)).toBe(true);
    expect(ownLock(registration.id)).toBe(true);
  });

  it('puts the lock back when the delete fails', async () => {
    const { registration } = await registered();
    h.practice.faults.add({ method: 'DELETE', pathPattern: /\/registrations\/[^/]+$/, kind: 'status', status: 500, times: 50 });
    const problem = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }));
    expect(problem.code).toBe('azure-unavailable');
    expect(problem.message).toMatch(/may still exist\. Its lock was put back\./);
    expect(ownLock(registration.id)).toBe(true);
  });
});

describe('unregister by the token\'s cloud ID', () => {
  it('searches the whole subscription and deletes the match', async () => {
    await registered();
    const { registration, cloudId } = await registered();
    const deleted = await h.azure.unregister({ subscriptionId: EA_SUB, target: { by: 'cloudId', cloudId: cloudId.toUpperCase() } });
    expect(deleted.id).toBe(registration.id);
    expect(exists(registration.id)).toBe(false);
  });

  it('says there is no match and lists the candidates', async () => {
    const { registration } = await registered();
    const missing = randomUUID();
    const problem = await problemOf(h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'cloudId', cloudId: missing } }));
    expect(problem.code).toBe('azure-not-found');
    expect(problem.message).toContain(`No registration for cloud ID ${missing} in resource group ${registration.resourceGroup}`);
    expect(problem.message).toContain(`${registration.name} in ${registration.resourceGroup} (cloud ID ${registration.cloudId ?? ''})`);
    expect(problem.action).toMatch(/whole subscription/);
  });
});

describe('unregister right after lifting the lock (removal propagates slowly)', () => {
  let slow: Harness;
  usePracticeAzure((started) => (slow = started), { lockPropagationSeconds: 20 });

  it('retries the DELETE on ScopeLocked until the removal has reached ARM', async () => {
    const { registration } = await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    slow.practice.resetStats();
    const progress: string[] = [];
    await slow.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }, { progress: (_p, m) => progress.push(textOf(m)) });
    expect(slow.practice.state.snapshot().registrations.some((r) => r.name === registration.name)).toBe(false);
    // 20 s of propagation at 5 s a try: refused four times, then deleted.
    expect(slow.practice.stats().byRoute['registrations.delete']).toBe(5);
    expect(slow.sleeps.filter((ms) => ms === LOCK_PROPAGATION.intervalMs)).toHaveLength(4);
    expect(progress.some((m) => /still applies the lock just removed/.test(m))).toBe(true);
  });

  it('gives up after a bounded time, says the lock still blocks and puts it back', async () => {
    const stuck = await startHarness({ lockPropagationSeconds: 3600 });
    try {
      const { registration } = await stuck.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
      const problem = await problemOf(stuck.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }));
      expect(problem.code).toBe('azure-scope-locked');
      expect(problem.message).toContain('may still exist. Its lock was put back.');
      const waited = stuck.sleeps.filter((ms) => ms === LOCK_PROPAGATION.intervalMs).length * LOCK_PROPAGATION.intervalMs;
      expect(waited).toBe(LOCK_PROPAGATION.maxMs);
    } finally {
      await stuck.stop();
    }
  });

  it('does not retry a ScopeLocked DELETE when it removed no lock (someone else\'s lock is not waited for)', async () => {
    const { registration } = await slow.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
    expect(await armRequest(slow, 'DELETE', lockPath(registration.id, 'RegistrationResourceLock'))).toBe(200);
    slow.practice.resetStats();
    const problem = await problemOf(slow.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: registration.name } }));
    expect(problem.code).toBe('azure-scope-locked');
    expect(slow.practice.stats().byRoute['registrations.delete']).toBe(1);
  });
});
