import { describe, expect, it } from 'vitest';
import { REGISTRATION_CHANGES, changeRoute, isHandoffPurpose, renewalNameProblem, usageReportingAfter } from '../../../../shared/domain';

describe('what a change of registration takes (contract §2.11)', () => {
  it('disconnected: every change is remove activation → unregister → a new hand-off', () => {
    expect(REGISTRATION_CHANGES.map((c) => changeRoute(c, 'disconnected'))).toEqual(REGISTRATION_CHANGES.map(() => 'disconnected-cycle'));
  });

  it('connected: a new subscription or directory removes first; the rest register again under the same name', () => {
    expect(changeRoute('subscription-change', 'connected')).toBe('remove-then-register');
    expect(['renewal', 'billing-change', 'scale-change', 'usage-reporting-change', 're-registration'].map((c) => changeRoute(c as never, 'connected'))).toEqual([
      'register-again-same-name',
      'register-again-same-name',
      'register-again-same-name',
      'register-again-same-name',
      'register-again-same-name',
    ]);
  });

  it('knows its purposes and nothing else', () => {
    expect(isHandoffPurpose('renewal')).toBe(true);
    expect(isHandoffPurpose('first-registration')).toBe(true);
    expect(isHandoffPurpose('rename')).toBe(false);
    expect(isHandoffPurpose(3)).toBe(false);
  });
});

describe('usage reporting after a change (billing.ts rules)', () => {
  it('cannot be turned off with PayAsYouUse', () => {
    const r = usageReportingAfter('PayAsYouUse', 'connected', false);
    expect(r).toMatchObject({ effective: true, honoured: false });
    expect(r.notices.join(' ')).toContain('cannot be disabled');
  });

  it('is forced off by Capacity, even when asked for', () => {
    const r = usageReportingAfter('Capacity', 'connected', true);
    expect(r).toMatchObject({ effective: false, honoured: false });
    expect(r.notices.join(' ')).toContain('Disabling Usage Reporting');
  });

  it('can be turned on or off with Development when connected', () => {
    expect(usageReportingAfter('Development', 'connected', false)).toMatchObject({ effective: false, honoured: true });
    expect(usageReportingAfter('Development', 'connected', true)).toMatchObject({ effective: true, honoured: true });
  });

  it('disconnected: PayAsYouUse is refused, and usage turned on is said to go nowhere', () => {
    expect(usageReportingAfter('PayAsYouUse', 'disconnected', true).errors.join(' ')).toContain('not available for a disconnected stamp');
    expect(usageReportingAfter('Development', 'disconnected', true).notices.join(' ')).toContain('cannot send usage data');
  });
});

describe('the renewal name rule (REGDOC)', () => {
  const old = { id: '/subscriptions/s/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/AzureStack-1', name: 'AzureStack-1', billingModel: 'Capacity' };

  it('a renewal under a name still in Azure gets the fix: delete it first, or a new unique name', () => {
    const p = renewalNameProblem('renewal', 'AzureStack-1', old);
    expect(p?.message).toContain('needs a new unique name unless the old one is deleted first');
    expect(p?.message).toContain(old.id);
    expect(p?.fix).toContain('Unregister AzureStack-1 first');
    expect(p?.suggestion).toBe('AzureStack-1-renewed');
  });

  it('does not apply to other purposes, or when the name is free', () => {
    expect(renewalNameProblem('billing-change', 'AzureStack-1', old)).toBeUndefined();
    expect(renewalNameProblem(undefined, 'AzureStack-1', old)).toBeUndefined();
    expect(renewalNameProblem('renewal', 'AzureStack-1', undefined)).toBeUndefined();
  });
});
