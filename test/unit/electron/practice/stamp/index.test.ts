import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../../../electron/practice/stamp/settings';
import { makeStamp } from '../../../../fixtures/practice-stamp/driver';

describe('createPracticeStamp', () => {
  it('exposes the stamp state without activation at first', async () => {
    const { stamp } = await makeStamp({ settings: { stampVersion: '1.2311.0.30' } });
    const state = await stamp.state();
    expect(state).toEqual({ cloudId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, bridgeObjectId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, stampVersion: '1.2311.0.30' });
  });

  it('answers WinRM port probes for practice ERCS addresses only, except the one set down', async () => {
    const { stamp } = await makeStamp({ settings: { firstAddressDown: true } });
    expect(await stamp.probePort('10.20.30.224', 5985)).toBe(false);
    expect(await stamp.probePort('10.20.30.225', 5985)).toBe(true);
    expect(await stamp.probePort('10.20.30.225', 443)).toBe(false);
    expect(await stamp.probePort('192.168.1.1', 5985)).toBe(false);
  });

  it('fills settings from defaults, nested groups included, ignoring undefined values', () => {
    const s = resolveSettings({ stampVersion: undefined, durations: { tokenMs: 60_000 }, faults: { actionInProgress: true } });
    expect(s.stampVersion).toBe('1.2406.0.8');
    expect(s.ercsAddresses).toEqual(['10.20.30.224', '10.20.30.225', '10.20.30.226']);
    expect(s.domain).toBe('AZURESTACK');
    expect(s.numberOfNodes).toBe(4);
    expect(s.durations.tokenMs).toBe(60_000);
    expect(s.durations.activationMs).toBe(5_000);
    expect(s.faults).toEqual({
      actionInProgress: true,
      hardwareInfoUnreachable: false,
      activationKeySplatDropped: false,
      busyOnlyInVerbose: false,
      sessionDropsDuringActivation: false,
      closeBreaksSession: false,
      refreshTokenRefused: false,
    });
  });
});
