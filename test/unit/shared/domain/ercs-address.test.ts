import { describe, expect, it } from 'vitest';
import { channels } from '../../../../shared/contract';
import { ercsAddressProblem } from '../../../../shared/domain';

describe('ERCS addresses', () => {
  it.each(['10.0.0.224', '0.0.0.0', '255.255.255.255', 'fd00::e1', '2001:db8::1', 'azs-ercs01', 'AzS-ERCS01.azurestack.local'])('accepts %s', (address) => {
    expect(ercsAddressProblem(address)).toBeUndefined();
  });

  it.each([
    ['10.20.30.999', /0 to 255/],
    ['10.20.30.256', /0 to 255/],
    ['10.20.30', /four numbers/],
    ['10.20..30', /one is empty/],
    ['010.0.0.1', /0 to 255/],
    ['fd00::zz', /not an IPv6 address/],
    ['ercs 01', /not a host name/],
    ["ercs'; Remove-Item", /not a host name/],
    ['-ercs', /not a host name/],
    ['', /Enter an ERCS address/],
  ])('refuses %s', (address, message) => {
    expect(ercsAddressProblem(address)?.text).toMatch(message);
  });

  it('is enforced by the IPC contract wherever ERCS addresses enter', () => {
    for (const name of ['pep.preflight', 'pep.connect'] as const) {
      const base = name === 'pep.connect' ? { user: 'AZS\\CloudAdmin', password: 'p' } : {};
      const refused = channels[name].request.safeParse({ ...base, hosts: ['10.0.0.224', '10.20.30.999'] });
      expect(refused.success).toBe(false);
      expect(JSON.stringify(refused.error?.issues)).toMatch(/10\.20\.30\.999.*0 to 255/);
      expect(channels[name].request.safeParse({ ...base, hosts: ['10.0.0.224', 'ercs02.azurestack.local'] }).success).toBe(true);
    }
  });
});
