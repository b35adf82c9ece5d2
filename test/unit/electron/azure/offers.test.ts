import { describe, expect, it } from 'vitest';
import { classifyOffer, subscriptionRefusal, subscriptionWarnings } from '../../../../electron/azure/offers';

describe('classifyOffer', () => {
  it.each([
    ['EnterpriseAgreement_2014-09-01', 'EA'],
    ['MSDNDevTest_2014-09-01', 'EA'],
    ['CSP_2015-05-01', 'CSP'],
    ['CSP_SharedServices_2019-01-01', 'CSP shared services'],
    ['PayAsYouGo_2013-08-01', 'Pay-As-You-Go'],
    ['MSDN_2014-09-01', 'MSDN'],
    ['FreeTrial_2014-09-01', 'Free trial'],
    ['AzurePass_2014-09-01', 'Free trial'],
    ['Internal_2014-09-01', 'Internal'],
    ['Something_2030-01-01', 'Other'],
  ] as const)('%s is %s', (quotaId, offer) => {
    expect(classifyOffer(quotaId)).toBe(offer);
  });

  it('treats a missing quota ID as unknown', () => {
    expect(classifyOffer(undefined)).toBe('Other');
  });
});

describe('subscriptionWarnings', () => {
  it('accepts EA for both flows', () => {
    expect(subscriptionWarnings('disconnected', 'EA', 'EnterpriseAgreement_2014-09-01')).toEqual([]);
    expect(subscriptionWarnings('connected', 'EA', 'EnterpriseAgreement_2014-09-01')).toEqual([]);
  });

  it('warns that disconnected needs EA, naming what the subscription looks like', () => {
    const [w] = subscriptionWarnings('disconnected', 'CSP', 'CSP_2015-05-01');
    expect(w?.text).toMatch(/Disconnected registration needs an EA subscription/);
    expect(w?.text).toContain('CSP_2015-05-01');
    // A sentence with a code, the quota ID in its own words: the UI says it in its language.
    expect(w).toMatchObject({ code: 'subscription.disconnected-offer', values: { offer: 'CSP', seen: { code: 'subscription.quota-id', values: { quotaId: 'CSP_2015-05-01' } } } });
  });

  it('accepts CSP and CSP shared services when connected but not Pay-As-You-Go', () => {
    expect(subscriptionWarnings('connected', 'CSP', 'CSP_2015-05-01')).toEqual([]);
    expect(subscriptionWarnings('connected', 'CSP shared services', 'x')).toEqual([]);
    expect(subscriptionWarnings('connected', 'Pay-As-You-Go', 'PayAsYouGo_2013-08-01')[0]?.text).toMatch(/EA, CSP or CSP shared services/);
  });

  it('says when the type cannot be told', () => {
    expect(subscriptionWarnings('connected', 'Other', undefined)[0]?.text).toMatch(/cannot be told \(no quota ID\)/);
  });
});

describe('subscriptionRefusal', () => {
  it('accepts only Enabled, and says why each other state is refused', () => {
    expect(subscriptionRefusal('Enabled')).toBeUndefined();
    expect(subscriptionRefusal('Disabled')?.text).toMatch(/disabled .*refuses any change/);
    expect(subscriptionRefusal('Warned')?.text).toMatch(/Warned .*disable it soon/);
    expect(subscriptionRefusal('PastDue')?.text).toMatch(/PastDue \(unpaid\)/);
    expect(subscriptionRefusal('Deleted')?.text).toMatch(/deleted/);
    expect(subscriptionRefusal('Mystery')?.text).toMatch(/state Mystery, not Enabled/);
  });
});
