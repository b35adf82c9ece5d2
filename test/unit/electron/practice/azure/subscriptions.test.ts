import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armError, CSP, DISABLED, EA, PAYG, startHarness, type Harness } from './harness';

describe('subscriptions, locations and tenants', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.az.stop();
  });

  it('lists practice subscriptions of several offers, one of them disabled', async () => {
    const reply = await h.call('GET', '/subscriptions?api-version=2022-12-01');
    const body = reply.json as { value: { subscriptionId: string; state: string; tenantId: string; subscriptionPolicies: { quotaId: string } }[]; count: { value: number } };
    expect(reply.status).toBe(200);
    expect(body.count.value).toBe(body.value.length);
    const quota = Object.fromEntries(body.value.map((s) => [s.subscriptionId, s.subscriptionPolicies.quotaId]));
    expect(quota[EA]).toBe('EnterpriseAgreement_2014-09-01');
    expect(quota[CSP]).toBe('CSP_2015-05-01');
    expect(quota[PAYG]).toBe('PayAsYouGo_2013-08-01');
    expect(body.value.find((s) => s.subscriptionId === DISABLED)?.state).toBe('Disabled');
    expect(new Set(body.value.map((s) => s.tenantId))).toEqual(new Set([h.az.account.tenantId]));
  });

  it('gets one subscription, case-insensitively, and 404s an unknown one', async () => {
    const one = await h.call('GET', `/subscriptions/${EA.toUpperCase()}?api-version=2022-12-01`);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: `/subscriptions/${EA}`, subscriptionId: EA, state: 'Enabled' });
    const unknown = await h.call('GET', '/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2022-12-01');
    expect([unknown.status, armError(unknown).code]).toEqual([404, 'SubscriptionNotFound']);
  });

  it('lists locations in the 2022-12-01 shape, including each cloud default', async () => {
    const reply = await h.call('GET', `/subscriptions/${EA}/locations?api-version=2022-12-01`);
    const value = (reply.json as { value: { id: string; name: string; type: string; displayName: string; regionalDisplayName: string; metadata: { regionType: string; pairedRegion: { name: string; id: string }[] } }[] }).value;
    const names = value.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['westcentralus', 'eastus', 'usgovvirginia', 'chinaeast']));
    const wcus = value.find((l) => l.name === 'westcentralus');
    expect(wcus).toMatchObject({
      id: `/subscriptions/${EA}/locations/westcentralus`,
      type: 'Region',
      displayName: 'West Central US',
      regionalDisplayName: '(US) West Central US',
      metadata: { regionType: 'Physical', pairedRegion: [{ name: 'westus2', id: `/subscriptions/${EA}/locations/westus2` }] },
    });
  });

  it('lists the practice tenant', async () => {
    const reply = await h.call('GET', '/tenants?api-version=2022-12-01');
    expect((reply.json as { value: unknown[] }).value).toEqual([
      expect.objectContaining({ tenantId: h.az.account.tenantId, defaultDomain: 'practice.contoso.com', tenantCategory: 'Home' }),
    ]);
  });
});
