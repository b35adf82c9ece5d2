import { describe, expect, it } from 'vitest';
import { FAN_OUT } from '../../../electron/azure/session';
import { armRequest, EA_SUB, makeToken, unique, usePracticeAzure, type Harness } from './practice-harness';

// Listing many registrations: ARM answers bursts with 429s, so reads go out at most FAN_OUT at a time.

let h: Harness;
usePracticeAzure((started) => (h = started), { pageSize: 100 });

const COUNT = 500;

describe('listing 500 registrations', () => {
  it('reads each one and its lock with at most 8 requests in flight', async () => {
    const rg = unique('many');
    const group = `/subscriptions/${EA_SUB}/resourceGroups/${rg}`;
    expect(await armRequest(h, 'PUT', `${group}?api-version=2021-04-01`, { location: 'westcentralus' })).toBe(201);
    for (let i = 0; i < COUNT; i += 50) {
      const batch = Array.from({ length: Math.min(50, COUNT - i) }, (_, j) =>
        armRequest(h, 'PUT', `${group}/providers/Microsoft.AzureStack/registrations/stamp-${i + j}?api-version=2017-06-01`, { location: 'global', properties: { registrationToken: makeToken() } }),
      );
      expect(new Set(await Promise.all(batch))).toEqual(new Set([201]));
    }
    h.practice.resetStats();
    const found = await h.azure.registrations(EA_SUB, rg);
    expect(found).toHaveLength(COUNT);
    expect(found.every((r) => r.cloudId !== undefined)).toBe(true);
    const stats = h.practice.stats();
    // 5 pages of 100, then per registration one read (the list carries no cloud ID) and one lock read.
    expect(stats.byRoute['registrations.listByResourceGroup']).toBe(COUNT / 100);
    expect(stats.byRoute['registrations.get']).toBe(COUNT);
    expect(stats.byRoute['locks.get']).toBe(COUNT);
    expect(stats.requests).toBe(COUNT / 100 + 2 * COUNT);
    expect(stats.maxInFlight).toBeLessThanOrEqual(FAN_OUT);
    expect(stats.maxInFlight).toBeGreaterThan(1);
  });
});

describe('lock checks', () => {
  it('ask once, at the registration, for the locks that apply there ($filter=atScope())', async () => {
    const name = unique('reg');
    const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: name, token: makeToken() });
    h.practice.resetStats();
    await h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: registration.resourceGroup, target: { by: 'name', registrationName: name } });
    // Not one list per scope (subscription, group, registration), and not every lock in the subscription.
    expect(h.practice.stats().byRoute['locks.list']).toBe(1);
  });
});
