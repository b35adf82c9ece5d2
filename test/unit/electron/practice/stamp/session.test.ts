import { describe, expect, it } from 'vitest';
import { isTrusted } from '../../../../../electron/practice/stamp/session';
import { operationTimeout } from '../../../../../electron/practice/stamp/error-records';
import { CONNECT, invoke, makeStamp, spawnHost } from '../../../../fixtures/practice-stamp/driver';

const connect = (overrides: Partial<{ hosts: string[]; user: string; password: string }> = {}) => ({
  ...CONNECT,
  id: 'c1',
  hosts: [...CONNECT.hosts],
  ...overrides,
});

const TIMEOUT_TEXT =
  'WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is ' +
  'accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access ' +
  'from this computer. By default, the WinRM firewall exception for public profiles limits access to remote ' +
  'computers within the same local subnet. For more information, see the about_Remote_Troubleshooting Help topic.';

describe('practice stamp session', () => {
  it('preflight reports TrustedHosts with the ERCS addresses and a RemoteSigned machine policy', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const { final } = await host.request({ op: 'preflight', id: 'p1', hosts: ['10.20.30.224'] });
    expect(final).toEqual({
      type: 'preflight',
      id: 'p1',
      trustedHosts: '10.20.30.224,10.20.30.225,10.20.30.226',
      trustedHostsSource: 'client',
      winrmService: 'Stopped',
      executionPolicy: 'RemoteSigned',
      executionPolicyScope: 'LocalMachine',
    });
    host.proc.kill();
  });

  it('preflight reports TrustedHosts as unreadable (null, with the reason) when the scenario says so; WinRM still trusts the stamp', async () => {
    const { stamp } = await makeStamp({ settings: { trustedHosts: null } });
    const host = spawnHost(stamp);
    const { final } = await host.request({ op: 'preflight', id: 'p1', hosts: ['10.20.30.224'] });
    expect(final).toMatchObject({ type: 'preflight', trustedHosts: null, trustedHostsError: expect.stringContaining('registry access') as unknown });
    expect((await host.request(connect())).final).toMatchObject({ type: 'connected' });
    host.proc.kill();
  });

  it('connects to the first ERCS address with <DOMAIN>\\CloudAdmin (any case)', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const { final } = await host.request(connect({ user: 'azurestack\\cloudadmin' }));
    expect(final).toEqual({ type: 'connected', id: 'c1', host: '10.20.30.224' });
    host.proc.kill();
  });

  it('refuses another account with the real AccessDenied record', async () => {
    const { stamp } = await makeStamp();
    for (const user of ['CONTOSO\\CloudAdmin', 'AZURESTACK\\Administrator', 'CloudAdmin']) {
      const host = spawnHost(stamp);
      const { final } = await host.request(connect({ user }));
      expect(final).toEqual({
        type: 'error',
        id: 'c1',
        error: {
          message:
            'Connecting to remote server 10.20.30.224 failed with the following error message : Access is denied. ' +
            'For more information, see the about_Remote_Troubleshooting Help topic.',
          fqid: 'AccessDenied,PSSessionOpenFailed',
          category: 'OpenError',
          reason: 'PSRemotingTransportException',
          type: 'System.Management.Automation.Remoting.PSRemotingTransportException',
          transportCode: 5,
          origin: 'local',
        },
      });
      host.proc.kill();
    }
  });

  it('refuses an empty password', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const { final } = await host.request(connect({ password: '' }));
    expect(final).toMatchObject({ type: 'error', error: { fqid: 'AccessDenied,PSSessionOpenFailed' } });
    host.proc.kill();
  });

  it('times out on an unknown address like WinRM, after a simulated wait', async () => {
    const waits: number[] = [];
    const { stamp } = await makeStamp({
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      settings: { durations: { unreachableMs: 21_000 } },
    });
    const host = spawnHost(stamp);
    const { final } = await host.request(connect({ hosts: ['10.9.9.9'] }));
    expect(final).toEqual({
      type: 'error',
      id: 'c1',
      error: {
        message: `Connecting to remote server 10.9.9.9 failed with the following error message : ${TIMEOUT_TEXT}`,
        fqid: 'WinRMOperationTimeout,PSSessionOpenFailed',
        category: 'OpenError',
        reason: 'PSRemotingTransportException',
        type: 'System.Management.Automation.Remoting.PSRemotingTransportException',
        transportCode: -2144108250,
        origin: 'local',
      },
    });
    expect(waits).toContain(21_000);
    host.proc.kill();
  });

  it('fails over when the first address is down and says which address answered', async () => {
    const { stamp } = await makeStamp({ settings: { firstAddressDown: true } });
    const host = spawnHost(stamp);
    const { final } = await host.request(connect());
    // As pep-host.ps1 says it: the address that failed, then Windows' words for why.
    expect(final).toEqual({
      type: 'connected',
      id: 'c1',
      host: '10.20.30.225',
      notices: [`10.20.30.224 did not open a session: ${operationTimeout('10.20.30.224').message}`],
    });
    host.proc.kill();
  });

  it('reports CannotUseIPAddress when the workstation does not trust the address', async () => {
    const { stamp } = await makeStamp({ settings: { trustedHosts: '10.20.30.225' } });
    const host = spawnHost(stamp);
    const preflight = await host.request({ op: 'preflight', id: 'p1', hosts: ['10.20.30.224'] });
    expect(preflight.final).toMatchObject({ trustedHosts: '10.20.30.225' });
    const { final } = await host.request(connect());
    expect(final).toMatchObject({
      type: 'error',
      error: {
        fqid: 'CannotUseIPAddress,PSSessionOpenFailed',
        message: expect.stringContaining(
          'Default authentication may be used with an IP address under the following conditions: the transport is HTTPS or the destination is in the TrustedHosts list',
        ) as unknown,
      },
    });
    host.proc.kill();
  });

  it('refuses to invoke before a session is open', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const { final } = await host.request(invoke('i1', 'Get-AzureStackStampInformation'));
    expect(final).toMatchObject({ type: 'error', error: { fqid: 'NoSession' } });
    host.proc.kill();
  });

  it('matches TrustedHosts entries exactly or by wildcard', () => {
    expect(isTrusted('*', '10.20.30.224')).toBe(true);
    expect(isTrusted('10.20.30.*', '10.20.30.224')).toBe(true);
    expect(isTrusted('10.20.30.22', '10.20.30.224')).toBe(false);
    expect(isTrusted(' 10.1.1.1 , 10.20.30.224', '10.20.30.224')).toBe(true);
    expect(isTrusted('', '10.20.30.224')).toBe(false);
    expect(isTrusted('10.20.30.2+4', '10.20.30.224')).toBe(false);
  });
});
