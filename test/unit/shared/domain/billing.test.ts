import { describe, expect, it } from 'vitest';
import {
  CAPACITY_USAGE_NOTICE,
  CUSTOM_TOO_OLD,
  STAMP_GATES,
  TOKEN_VERSION_RULE,
  DEFAULT_RESOURCE_GROUP,
  defaultLocation,
  needsKeyPair,
  planToken,
  suggestRegistrationName,
} from '../../../../shared/domain';
import type { StampInfo, TokenChoices, TokenPlan } from '../../../../shared/domain';

const stamp = (stampVersion: string, numberOfNodes?: number): StampInfo => ({
  cloudId: '69464895-3a1a-450a-9824-4b7608d9203f',
  stampVersion,
  emergencyConsoleIpAddresses: [],
  ...(numberOfNodes === undefined ? {} : { numberOfNodes }),
});
const NEW = stamp('1.2206.0.10');
const choose = (c: Partial<TokenChoices>): TokenChoices => ({ billingModel: 'Development', targetCloud: 'AzureCloud', ...c });
type Params = Partial<TokenPlan['params']>;

describe('planToken: billing rules (contract §3)', () => {
  const cases: [string, 'connected' | 'disconnected', Partial<TokenChoices>, Params, RegExp | null][] = [
    ['Capacity connected', 'connected', { billingModel: 'Capacity', agreementNumber: ' 123 ' }, { UsageReportingEnabled: false, MarketplaceSyndicationEnabled: true, AgreementNumber: '123' }, null],
    ['Capacity disconnected', 'disconnected', { billingModel: 'Capacity', agreementNumber: '123' }, { UsageReportingEnabled: false, MarketplaceSyndicationEnabled: false }, null],
    ['Capacity forces usage off even when asked', 'connected', { billingModel: 'Capacity', agreementNumber: '1', usageReportingEnabled: true }, { UsageReportingEnabled: false }, null],
    ['Capacity without agreement', 'disconnected', { billingModel: 'Capacity', agreementNumber: '  ' }, { AgreementNumber: '' }, /Agreement number is null or empty/],
    ['PayAsYouUse connected', 'connected', { billingModel: 'PayAsYouUse' }, { UsageReportingEnabled: true, MarketplaceSyndicationEnabled: true, AgreementNumber: '' }, null],
    ['PayAsYouUse keeps usage on', 'connected', { billingModel: 'PayAsYouUse', usageReportingEnabled: false }, { UsageReportingEnabled: true }, null],
    ['PayAsYouUse disconnected', 'disconnected', { billingModel: 'PayAsYouUse' }, {}, /not available for a disconnected stamp/],
    ['Development connected', 'connected', { billingModel: 'Development' }, { UsageReportingEnabled: true, MarketplaceSyndicationEnabled: true }, null],
    ['Development disconnected', 'disconnected', { billingModel: 'Development' }, { UsageReportingEnabled: false, MarketplaceSyndicationEnabled: false }, null],
    ['Development disconnected, explicit choice', 'disconnected', { billingModel: 'Development', marketplaceSyndicationEnabled: true }, { MarketplaceSyndicationEnabled: true }, null],
    ['Custom connected', 'connected', { billingModel: 'Custom', msAssetTag: 'TAG' }, { UsageReportingEnabled: false, MarketplaceSyndicationEnabled: true, MsAssetTag: 'TAG' }, null],
    ['Custom disconnected', 'disconnected', { billingModel: 'Custom', msAssetTag: 'TAG' }, { UsageReportingEnabled: false, MarketplaceSyndicationEnabled: false }, null],
    ['Custom without asset tag', 'connected', { billingModel: 'Custom' }, { MsAssetTag: '' }, /MsAssetTag is a required parameter/],
    ['Ruggedized connected', 'connected', { billingModel: 'Ruggedized', msAssetTag: 'TAG' }, { UsageReportingEnabled: true, MsAssetTag: 'TAG' }, null],
    ['Ruggedized without asset tag', 'connected', { billingModel: 'Ruggedized' }, {}, /MS asset tag is mandatory/],
    ['Ruggedized disconnected', 'disconnected', { billingModel: 'Ruggedized', msAssetTag: 'TAG' }, {}, /Capacity, the EA agreement number and the MS asset tag/],
  ];

  it.each(cases)('%s', (_name, flow, choices, params, error) => {
    const plan = planToken(NEW, choose(choices), flow);
    expect(plan.params).toMatchObject({ BillingModel: choose(choices).billingModel, ...params });
    if (error) expect(plan.errors.map((e) => e.text).join(' ')).toMatch(error);
    else expect(plan.errors).toEqual([]);
  });

  it('explains the forced Capacity usage setting with the official text', () => {
    expect(planToken(NEW, choose({ billingModel: 'Capacity', agreementNumber: '1' }), 'disconnected').notices).toContainEqual(CAPACITY_USAGE_NOTICE);
  });

  it('warns when usage reporting is asked for on a disconnected stamp', () => {
    const plan = planToken(NEW, choose({ usageReportingEnabled: true }), 'disconnected');
    expect(plan.params.UsageReportingEnabled).toBe(true);
    expect(plan.notices.map((n) => n.text).join(' ')).toMatch(/cannot send usage data/);
  });
});

describe('planToken: version gates (contract §1.9)', () => {
  it('sends MsAssetTag from 1.1912.0.19 exactly, never before', () => {
    expect(planToken(stamp('1.1912.0.19'), choose({ msAssetTag: 'T' }), 'connected').params.MsAssetTag).toBe('T');
    const old = planToken(stamp('1.1912.0.18'), choose({ msAssetTag: 'T' }), 'connected');
    expect(old.params).not.toHaveProperty('MsAssetTag');
    expect(old.notices.map((n) => n.text).join(' ')).toMatch(/MS asset tag not sent/);
  });

  it('refuses Custom below 1.1912.0.19 with the official text', () => {
    const plan = planToken(stamp('1.1912.0.18'), choose({ billingModel: 'Custom', msAssetTag: 'T' }), 'connected');
    expect(plan.errors[0]?.text).toContain(CUSTOM_TOO_OLD);
    expect(plan.errors[0]?.text).toMatch(/Update the stamp/);
    expect(planToken(stamp('1.1912.0.19'), choose({ billingModel: 'Custom', msAssetTag: 'T' }), 'connected').errors).toEqual([]);
  });

  it('refuses Ruggedized on a stamp that cannot take an asset tag', () => {
    expect(planToken(stamp('1.1910.0.1'), choose({ billingModel: 'Ruggedized', msAssetTag: 'T' }), 'connected').errors.map((e) => e.text).join(' ')).toMatch(/cannot take an MS asset tag/);
  });

  it.each([
    ['1.2008.0.48', 'AzureCloud', undefined, undefined],
    ['1.2008.0.49', 'AzureCloud', undefined, '4.0'],
    ['1.2309.0.4', 'AzureCloud', undefined, '4.0'],
    ['1.2309.0.5', 'AzureCloud', undefined, '6.0'],
    ['1.2309.0.5', 'AzureUSGovernment', undefined, '6.0'],
    ['1.2309.0.5', 'AzureChinaCloud', undefined, '6.0'],
    ['1.2206.0.6', 'AzureUSGovernment', undefined, '4.0'],
    ['1.2206.0.6', 'AzureChinaCloud', undefined, '4.0'],
    ['1.2206.0.6', 'AzureUSGovernment', '6.0', '6.0'],
    ['1.2102.0.1', 'AzureCloud', '3.0', '3.0'],
    ['1.2008.0.48', 'AzureCloud', '4.0', undefined],
  ] as const)('stamp %s, %s, chosen %s → TokenVersion %s', (version, targetCloud, tokenVersion, expected) => {
    const plan = planToken(stamp(version), choose({ targetCloud, ...(tokenVersion ? { tokenVersion } : {}) }), 'disconnected');
    expect(plan.params.TokenVersion).toBe(expected);
    expect(plan.notices.length).toBeGreaterThan(0);
  });

  it('states the rule it applies, for every cloud', () => {
    expect(TOKEN_VERSION_RULE.text).toContain(STAMP_GATES.tokenV6);
    expect(TOKEN_VERSION_RULE.text).toContain(STAMP_GATES.tokenVersion);
    expect(planToken(NEW, choose({ targetCloud: 'AzureChinaCloud' }), 'disconnected').params.TokenVersion).toBe(planToken(NEW, choose({ targetCloud: 'AzureCloud' }), 'disconnected').params.TokenVersion);
  });

  it('always sends AgreementNumber, empty when unused', () => {
    expect(planToken(stamp('1.1802.0.1'), choose({}), 'connected').params).toEqual({
      BillingModel: 'Development',
      MarketplaceSyndicationEnabled: true,
      UsageReportingEnabled: true,
      AgreementNumber: '',
    });
  });
});

describe('stamp helpers', () => {
  it.each([
    ['1.2209.0.23', 4, false],
    ['1.2209.0.24', 4, true],
    ['1.2209.0.24', 1, false],
    ['1.2406.0.1', undefined, false],
  ] as const)('needsKeyPair(%s, %s nodes) = %s', (version, nodes, expected) => {
    expect(needsKeyPair(stamp(version, nodes))).toBe(expected);
  });

  it('suggests names and locations', () => {
    expect(suggestRegistrationName(' 69464895-3a1a-450a-9824-4b7608d9203f ')).toBe('AzureStack-69464895-3a1a-450a-9824-4b7608d9203f');
    expect(defaultLocation('AzureCloud')).toBe('westcentralus');
    expect(defaultLocation('AzureUSGovernment')).toBe('usgovvirginia');
    expect(defaultLocation('AzureChinaCloud')).toBe('chinaeast');
    expect(DEFAULT_RESOURCE_GROUP).toBe('azurestack');
  });
});
