import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRegistration, recordedRegistration, stampStateOf } from '../../../../shared/domain/registration-status';
import type { AzureSide, StampActivation, StampSide } from '../../../../shared/domain/registration-status';
import type { RegistrationInfo } from '../../../../shared/domain/types';

// The rules that compare the stamp's activation record with Azure, on the published activation record.

const sample = JSON.parse(readFileSync(new URL('../../../fixtures/stamp-arm/azurebridge-activation-get.json', import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as {
  properties: { azureRegistrationResourceIdentifier: string; expiration: string; usageReportingEnabled: boolean; marketplaceSyndicationEnabled: boolean };
};
const NOW = new Date('2026-12-05T08:00:00Z');
const CLOUD = 'e6135d07-4efa-439c-b899-24e03cbac5f9';
const RECORDED = sample.properties.azureRegistrationResourceIdentifier;

const activation = (changes: Partial<StampActivation> = {}): StampActivation => ({
  registrationResourceId: RECORDED,
  expiration: sample.properties.expiration,
  usageReportingEnabled: sample.properties.usageReportingEnabled,
  marketplaceSyndicationEnabled: sample.properties.marketplaceSyndicationEnabled,
  ...changes,
});
const stamp = (a: StampActivation | null = activation()): StampSide => ({
  adminResourceManager: 'https://adminmanagement.local.azurestack.external',
  identitySystem: 'AzureAD',
  defaultProviderSubscriptionId: 'b6a34e73-810f-4564-881a-8434c6c2e5c8',
  ...(a ? { activation: a } : {}),
});
const registration = (changes: Record<string, unknown> = {}): RegistrationInfo => ({
  id: RECORDED,
  name: `AzureStack-${CLOUD}`,
  subscriptionId: '4e9319a5-1cf7-4099-80ea-9aa2f09cb1e7',
  resourceGroup: 'azurestack',
  cloudId: CLOUD,
  billingModel: 'Capacity',
  locked: true,
  ...changes,
});
const found = (changes: Record<string, unknown> = {}): AzureSide => ({ state: 'found', registration: registration(changes) });
const codes = (s: StampSide, azure?: AzureSide, cloudId: string | null = CLOUD) =>
  compareRegistration({ stamp: s, ...(azure ? { azure } : {}), ...(cloudId ? { cloudId } : {}), now: NOW }).findings.map((f) => f.code);

describe('registration status rules', () => {
  it('reads the published record: registered, its subscription, group and name from the resource id', () => {
    expect(stampStateOf(stamp(), NOW)).toBe('registered');
    expect(recordedRegistration(activation())).toEqual({
      subscriptionId: '4e9319a5-1cf7-4099-80ea-9aa2f09cb1e7',
      resourceGroup: 'azurestack',
      registrationName: `AzureStack-${CLOUD}`,
    });
    expect(codes(stamp(), found())).toEqual([]);
  });

  it('no record is "not registered", with the flows that register', () => {
    const result = compareRegistration({ stamp: stamp(null), now: NOW });
    expect(result.stampState).toBe('not-registered');
    expect(result.findings).toEqual([{ code: 'not-registered', params: {}, fixes: ['export', 'register'] }]);
  });

  it('an expiration in the past is "expired" (record times without offset are UTC), one second before is not', () => {
    const at = '2026-12-05T08:00:00';
    expect(stampStateOf(stamp(activation({ expiration: at })), NOW)).toBe('expired');
    expect(stampStateOf(stamp(activation({ expiration: '2026-12-05T08:00:01' })), NOW)).toBe('registered');
    const expired = compareRegistration({ stamp: stamp(activation({ expiration: at })), azure: found(), cloudId: CLOUD, now: NOW }).findings;
    expect(expired).toEqual([{ code: 'expired', params: { expiration: at }, fixes: ['deactivate', 'unregister', 'export', 'register'], change: 'renewal' }]);
  });

  it('a resource gone from Azure, a changed directory and a move each say so and offer their fix', () => {
    const sub = '4e9319a5-1cf7-4099-80ea-9aa2f09cb1e7';
    const missing = compareRegistration({ stamp: stamp(), azure: { state: 'missing', subscriptionId: sub }, now: NOW }).findings;
    expect(missing).toEqual([{ code: 'resource-missing', params: { id: RECORDED, subscriptionId: sub }, fixes: ['deactivate', 'export', 'register'], change: 're-registration' }]);
    expect(codes(stamp(), { state: 'other-directory', subscriptionId: sub })).toEqual(['directory-changed']);
    const elsewhere = registration({ id: RECORDED.replace('/azurestack/', '/moved-here/'), resourceGroup: 'moved-here' });
    const moved = compareRegistration({ stamp: stamp(), azure: { state: 'elsewhere', registration: elsewhere }, now: NOW }).findings;
    expect(moved[0]).toMatchObject({ code: 'moved', fixes: ['move'] });
    expect(moved[0]?.params['now']).toContain('/moved-here/');
  });

  it('another stamp\'s cloud ID at the recorded id is a mismatch (any letter case of ours is not)', () => {
    expect(codes(stamp(), found({ cloudId: '11111111-2222-3333-4444-555555555555' }))).toEqual(['cloud-id-mismatch']);
    expect(codes(stamp(), found(), CLOUD.toUpperCase())).toEqual([]);
    // Without a session the cloud ID is unknown: nothing is claimed.
    expect(codes(stamp(), found({ cloudId: '11111111-2222-3333-4444-555555555555' }), null)).toEqual([]);
  });

  it('a missing lock is reported; an unknown one (no right to read locks) is not', () => {
    expect(codes(stamp(), found({ locked: false }))).toEqual(['lock-missing']);
    expect(codes(stamp(), found({ locked: undefined }))).toEqual([]);
  });

  it('a record naming something that is not a registration id is reported, and Azure unread adds nothing', () => {
    expect(codes(stamp(activation({ registrationResourceId: '/subscriptions/x/resourceGroups/y' })))).toEqual(['record-unreadable']);
    expect(codes(stamp())).toEqual([]);
  });
});
