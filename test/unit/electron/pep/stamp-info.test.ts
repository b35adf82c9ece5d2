import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStampInfo } from '../../../../electron/pep/stamp-info';

const fixture = (name: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../fixtures/pep-scenarios/${name}`, import.meta.url)), 'utf8'));

describe('parseStampInfo', () => {
  it('normalises PowerShell 7 output', () => {
    const parsed = parseStampInfo(fixture('stamp-info-ps7.json'));
    expect(parsed).toEqual({
      ok: true,
      value: {
        cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58',
        stampVersion: '1.2311.2.23',
        deploymentId: '1f7b4c1e-6a39-4f57-9a43-5d2e0c7b1a11',
        oemVersion: '2.3.2311.1',
        regionName: 'redmond',
        externalDomainFqdn: 'redmond.contoso.local',
        domainFqdn: 'azurestack.local',
        domainNetBiosName: 'AZURESTACK',
        numberOfNodes: 4,
        identitySystem: 'AzureAD',
        aadTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        aadTenantName: 'contoso.onmicrosoft.com',
        emergencyConsoleIpAddresses: ['10.0.0.224', '10.0.0.225', '10.0.0.226'],
      },
    });
  });

  it('accepts 5.1 shapes: {value} wrappers, numbers as strings, key case, a single address string', () => {
    const parsed = parseStampInfo({ cloudid: { value: '9A3B2F4E-8C71-4D25-B0E6-3F1A7D9C2E58' }, STAMPVERSION: '1.1910.0.58', NumberOfNodes: '4', EmergencyConsoleIPAddresses: '10.0.0.1, 10.0.0.2' });
    expect(parsed).toEqual({
      ok: true,
      value: { cloudId: '9A3B2F4E-8C71-4D25-B0E6-3F1A7D9C2E58', stampVersion: '1.1910.0.58', numberOfNodes: 4, emergencyConsoleIpAddresses: ['10.0.0.1', '10.0.0.2'] },
    });
  });

  it('drops optional fields it cannot read instead of failing', () => {
    const parsed = parseStampInfo({ CloudID: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', StampVersion: '1.2008.0.59', NumberOfNodes: 'many', RegionName: { nested: true }, LastUpdated: '\\/Date(1574202819000)\\/' });
    expect(parsed.ok && parsed.value).toEqual({ cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', stampVersion: '1.2008.0.59', emergencyConsoleIpAddresses: [] });
  });

  it.each([
    [{ StampVersion: '1.2008.0.59' }],
    [{ CloudID: 'not-a-guid', StampVersion: '1.2008.0.59' }],
    [{ CloudID: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', StampVersion: '2008' }],
    ['a string'],
    [undefined],
  ])('refuses output without a usable CloudID and StampVersion: %j', (raw) => {
    expect(parseStampInfo(raw).ok).toBe(false);
  });
});
