import { describe, expect, it } from 'vitest';
import { connectedRuleErrors, partialState, planConnected, renewalName } from '../../../../shared/domain';
import type { StampInfo, TokenChoices } from '../../../../shared/domain';

const stamp = (stampVersion: string): StampInfo => ({ cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', stampVersion, numberOfNodes: 4, emergencyConsoleIpAddresses: [] });
const choices = (c: Partial<TokenChoices> = {}): TokenChoices => ({ billingModel: 'PayAsYouUse', targetCloud: 'AzureCloud', ...c });
const names = { registrationName: 'AzureStack-prod', resourceGroup: 'azurestack' };
const previous = { registrationName: 'azurestack-PROD', resourceGroup: 'AzureStack' };

describe('connected rules', () => {
  it('a first registration needs no previous one', () => {
    expect(connectedRuleErrors('register', names, choices())).toEqual([]);
  });

  it.each(['change', 'scale'] as const)('%s re-runs with the same name and resource group (case-insensitive), and refuses others', (purpose) => {
    expect(connectedRuleErrors(purpose, names, choices(), previous)).toEqual([]);
    expect(connectedRuleErrors(purpose, { ...names, registrationName: 'AzureStack-other' }, choices(), previous).join(' ')).toMatch(/same registration name and resource group \(azurestack-PROD in AzureStack\)/);
    expect(connectedRuleErrors(purpose, { ...names, resourceGroup: 'other' }, choices(), previous)).toHaveLength(1);
    expect(connectedRuleErrors(purpose, names, choices()).join(' ')).toMatch(/Give the registration this stamp is registered with/);
  });

  it('renewal: Capacity only; an expired registration needs a new name unless the old one was deleted first', () => {
    const capacity = choices({ billingModel: 'Capacity', agreementNumber: '12345678' });
    const expired = { ...previous, expired: true };
    expect(connectedRuleErrors('renew', names, capacity, expired).join(' ')).toMatch(/new unique name \(for example azurestack-PROD-renewed\)/);
    expect(connectedRuleErrors('renew', { ...names, registrationName: renewalName(names.registrationName) }, capacity, expired)).toEqual([]);
    expect(connectedRuleErrors('renew', names, capacity, { ...expired, deletedFirst: true })).toEqual([]);
    expect(connectedRuleErrors('renew', names, capacity, previous)).toEqual([]);
    expect(connectedRuleErrors('renew', names, choices(), previous).join(' ')).toMatch(/Capacity/);
  });

  it('renewal names differ from the one they renew, every time', () => {
    expect(renewalName('AzureStack-prod')).toBe('AzureStack-prod-renewed');
    expect(renewalName('AzureStack-prod-renewed')).toBe('AzureStack-prod-renewed-2');
    expect(renewalName('AzureStack-prod-renewed-2')).toBe('AzureStack-prod-renewed-3');
  });

  it('the plan applies the connected billing rules and version gates, then the purpose rules', () => {
    const payg = planConnected(stamp('1.2406.0.8'), choices({ usageReportingEnabled: false }), 'register', names);
    expect(payg.params).toMatchObject({ BillingModel: 'PayAsYouUse', UsageReportingEnabled: true, MarketplaceSyndicationEnabled: true, TokenVersion: '6.0' });
    expect(payg.errors).toEqual([]);
    const custom = planConnected(stamp('1.1910.0.1'), choices({ billingModel: 'Custom', msAssetTag: 'TAG' }), 'change', { ...names, registrationName: 'x' }, previous);
    expect(custom.errors.join(' ')).toMatch(/Custom BillingModel is not supported for StampVersion less than 1\.1912\.0\.19/);
    expect(custom.errors.join(' ')).toMatch(/same registration name/);
    expect(custom.params.MsAssetTag).toBeUndefined();
    const capacity = planConnected(stamp('1.2406.0.8'), choices({ billingModel: 'Capacity', agreementNumber: '1' }), 'register', names);
    expect(capacity.params).toMatchObject({ UsageReportingEnabled: false, MarketplaceSyndicationEnabled: true });
  });

  it('says what a stopped run left on both sides', () => {
    const rec = { registrationName: 'r', resourceGroup: 'g', principalId: 'p-1' };
    expect(partialState({ ...rec, done: ['stamp', 'principal'] })).toMatch(/^Nothing was created in Azure\. On the stamp, the Azure Bridge service principal exists \(p-1\); the stamp is not activated\./);
    expect(partialState({ ...rec, done: ['stamp', 'principal', 'token', 'resource'] })).toMatch(/registration r exists in resource group g, not locked yet, without the role assignment/);
    expect(partialState({ ...rec, done: ['stamp', 'principal', 'token', 'resource', 'lock', 'role', 'key'] })).toMatch(/locked, with the stamp's role assignment\..*not activated/);
  });
});
