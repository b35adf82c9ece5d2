import { describe, expect, it } from 'vitest';
import { connectedHost, invoke, makeStamp } from '../../../../fixtures/practice-stamp/driver';

const PARAMS = { RefreshToken: 'rt-secret', AzureEnvironment: 'AzureCloud', TenantId: 'contoso.onmicrosoft.com', TimeoutInSeconds: 1800 };

describe('New-AzureBridgeServicePrincipal', () => {
  it('returns the stamp bridge principal ObjectId, the same one tokens carry, and never echoes the refresh token', async () => {
    const { stamp, dataDir } = await makeStamp();
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('p1', 'New-AzureBridgeServicePrincipal', PARAMS));
    const token = await host.request(invoke('t1', 'New-RegistrationToken', { BillingModel: 'Development' }));
    host.proc.kill();
    if (final.type !== 'result' || token.final.type !== 'result') throw new Error('no result');
    const objectId = (final.output[0] as { ObjectId: string }).ObjectId;
    expect(objectId).toMatch(/^[0-9a-f-]{36}$/);
    const decoded = JSON.parse(Buffer.from(String(token.final.output[0]), 'base64').toString('utf8')) as { objectId: string };
    expect(decoded.objectId).toBe(objectId);
    expect(host.rawLines.join('\n')).not.toContain('rt-secret');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(`${dataDir}/practice-stamp.json`, 'utf8')).not.toContain('rt-secret');
  });

  it('requires the refresh token, environment and tenant', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('p1', 'New-AzureBridgeServicePrincipal', { TimeoutInSeconds: 1800 }));
    host.proc.kill();
    expect(final).toMatchObject({
      errors: [{ message: 'Cannot process command because of one or more missing mandatory parameters: RefreshToken AzureEnvironment TenantId.' }],
    });
  });

  it('takes the refresh token from its own field of the invoke line, as pep-host.ps1 does', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const { RefreshToken: _inField, ...rest } = PARAMS;
    const { final } = await host.request({ ...invoke('p1', 'New-AzureBridgeServicePrincipal', rest), refreshToken: 'rt-secret' } as Parameters<typeof host.request>[0]);
    host.proc.kill();
    expect(final).toMatchObject({ type: 'result', errors: [], output: [{ ObjectId: (await stamp.state()).bridgeObjectId }] });
    expect(host.rawLines.join('\n')).not.toContain('rt-secret');
  });

  it('MFA required: Entra ID refuses the refresh token the stamp redeems, and nothing is created', async () => {
    const { stamp } = await makeStamp({ settings: { faults: { refreshTokenRefused: true } } });
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('p1', 'New-AzureBridgeServicePrincipal', PARAMS));
    host.proc.kill();
    expect(final).toMatchObject({ type: 'result', output: [], errors: [{ message: expect.stringContaining('AADSTS50076') as unknown, origin: 'remote' }] });
    expect(host.rawLines.join('\n')).not.toContain('rt-secret');
  });
});
