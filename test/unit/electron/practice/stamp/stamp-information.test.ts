import { describe, expect, it } from 'vitest';
import { connectedHost, invoke, makeStamp } from '../../../../fixtures/practice-stamp/driver';

describe('Get-AzureStackStampInformation', () => {
  it('returns the full stamp object with stable identity', async () => {
    const { stamp } = await makeStamp({ settings: { region: 'east', externalDomainFqdn: 'contoso.test' } });
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('s1', 'Get-AzureStackStampInformation', { WarningAction: 'SilentlyContinue' }));
    host.proc.kill();
    if (final.type !== 'result') throw new Error(JSON.stringify(final));
    expect(final.errors).toEqual([]);
    const { cloudId } = await stamp.state();
    expect(final.output).toEqual([
      {
        DeploymentID: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        CloudID: cloudId,
        StampVersion: '1.2406.0.8',
        OEMVersion: '2.3.2406.1',
        Prefix: 'AZS',
        RegionName: 'east',
        ExternalDomainFQDN: 'contoso.test',
        DomainFQDN: 'azurestack.local',
        DomainNetBIOSName: 'AZURESTACK',
        Timezone: 'Pacific Standard Time',
        NumberOfNodes: 4,
        IdentitySystem: 'AzureAD',
        AADTenantID: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        AADTenantName: 'contoso.onmicrosoft.com',
        AdminExternalEndpoints: {
          AdminResourceManager: 'https://adminmanagement.east.contoso.test/',
          AdminPortal: 'https://adminportal.east.contoso.test/',
          AdminHosting: 'https://*.adminhosting.east.contoso.test/',
        },
        TenantExternalEndpoints: {
          TenantResourceManager: 'https://management.east.contoso.test/',
          TenantPortal: 'https://portal.east.contoso.test/',
          TenantHosting: 'https://*.hosting.east.contoso.test/',
        },
        EmergencyConsoleIPAddresses: ['10.20.30.224', '10.20.30.225', '10.20.30.226'],
      },
    ]);
  });

  it('reports an ADFS stamp with the adfs tenant and the configured node count', async () => {
    const { stamp } = await makeStamp({ settings: { identitySystem: 'ADFS', numberOfNodes: 1, stampVersion: '1.2008.0.59' } });
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('s1', 'Get-AzureStackStampInformation'));
    host.proc.kill();
    expect(final).toMatchObject({
      output: [{ IdentitySystem: 'ADFS', AADTenantID: 'adfs', NumberOfNodes: 1, StampVersion: '1.2008.0.59' }],
    });
  });
});
