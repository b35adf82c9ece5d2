import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../../shared/contract';
import { practiceSettingsFor } from '../../../../electron/practice';

describe('practice scenario → simulation settings', () => {
  it('maps every stamp choice and the activation duration, with no Azure fault by default', () => {
    const s = practiceSettingsFor({ ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.2206.0.6', numberOfNodes: 16, firstAddressDown: true, eceBusy: true, hardwareInfoUnreachable: true, activationSeconds: 1800, azurePermissions: 'registration-role' });
    expect(s.stamp).toMatchObject({
      stampVersion: '1.2206.0.6',
      numberOfNodes: 16,
      firstAddressDown: true,
      durations: { activationMs: 1_800_000 },
      faults: { actionInProgress: true, hardwareInfoUnreachable: true },
    });
    expect(s.azure).toEqual({ permissions: 'registration-role' });
    expect(practiceSettingsFor(DEFAULT_PRACTICE_SCENARIO).azureFaults).toEqual([]);
  });

  it('arms the Azure faults on the calls they rehearse', () => {
    const { azureFaults = [] } = practiceSettingsFor({ ...DEFAULT_PRACTICE_SCENARIO, azureThrottling: true, activationKeyUnavailable: true, lockForbidden: true });
    const path = '/subscriptions/s/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/AzureStack-1';
    const hits = (p: string) => azureFaults.filter((f) => (typeof f.pathPattern === 'string' ? p.includes(f.pathPattern) : f.pathPattern.test(p))).map((f) => `${f.method ?? ''} ${f.kind}`);
    expect(hits(path)).toEqual(['PUT throttle']);
    expect(hits(`${path}/getactivationkey`)).toEqual(['POST status']);
    expect(hits(`${path}/providers/Microsoft.Authorization/locks/RegistrationResourceLock`)).toEqual(['PUT forbidden']);
    expect(azureFaults.find((f) => f.kind === 'throttle')).toMatchObject({ retryAfterSeconds: 5, times: 2 });
  });

  it('lets the harness settings win, so tests stay fast whatever scenario is saved', () => {
    const s = practiceSettingsFor(
      { ...DEFAULT_PRACTICE_SCENARIO, activationSeconds: 1800, eceBusy: true },
      { stamp: { durations: { activationMs: 40 }, faults: { activationKeySplatDropped: true } }, azure: { providerPollsUntilRegistered: 0 } },
    );
    expect(s.stamp?.durations).toEqual({ activationMs: 40 });
    expect(s.stamp?.faults).toEqual({
      actionInProgress: true,
      hardwareInfoUnreachable: false,
      busyOnlyInVerbose: false,
      sessionDropsDuringActivation: false,
      closeBreaksSession: false,
      refreshTokenRefused: false,
      activationKeySplatDropped: true,
    });
    expect(s.azure).toEqual({ permissions: 'owner', providerPollsUntilRegistered: 0 });
  });

  it('maps the connected registration scenarios: refused refresh token on the stamp, one refused role assignment, another account owning the registrations', () => {
    const s = practiceSettingsFor({ ...DEFAULT_PRACTICE_SCENARIO, refreshTokenRefused: true, roleAssignmentForbidden: true, notRegistrationOwner: true });
    expect(s.stamp?.faults).toMatchObject({ refreshTokenRefused: true });
    expect(s.azure).toMatchObject({ registrationsOwnedByOthers: true });
    const role = '/subscriptions/s/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/r/providers/Microsoft.Authorization/roleAssignments/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    const hitting = (s.azureFaults ?? []).filter((f) => typeof f.pathPattern !== 'string' && f.pathPattern.test(role));
    expect(hitting).toEqual([{ kind: 'forbidden', method: 'PUT', pathPattern: expect.any(RegExp) as unknown, times: 1 }]);
    // The list of assignments is not refused: the re-run finds what exists.
    expect(hitting[0]?.pathPattern instanceof RegExp && hitting[0].pathPattern.test(role.replace(/\/[^/]+$/, ''))).toBe(false);
    const none = practiceSettingsFor(DEFAULT_PRACTICE_SCENARIO);
    expect([none.stamp?.faults?.refreshTokenRefused, none.azure?.registrationsOwnedByOthers, none.azureFaults]).toEqual([false, undefined, []]);
  });
});
