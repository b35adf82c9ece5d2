import { describe, expect, it } from 'vitest';
import { AZURE_CLOUDS, resolveCloud } from '../../../../electron/azure/clouds';
import { isAppError } from '../../../../shared/contract/problems';

describe('AZURE_CLOUDS', () => {
  it('pairs each cloud with its authority, ARM endpoint, scope and default location (contract §2.1)', () => {
    expect(AZURE_CLOUDS.AzureCloud).toMatchObject({
      authorityHost: 'https://login.microsoftonline.com',
      resourceManager: 'https://management.azure.com',
      scope: 'https://management.azure.com/.default',
      defaultLocation: 'westcentralus',
    });
    expect(AZURE_CLOUDS.AzureUSGovernment).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      resourceManager: 'https://management.usgovcloudapi.net',
      scope: 'https://management.usgovcloudapi.net/.default',
      defaultLocation: 'usgovvirginia',
    });
    expect(AZURE_CLOUDS.AzureChinaCloud).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      resourceManager: 'https://management.chinacloudapi.cn',
      scope: 'https://management.chinacloudapi.cn/.default',
      defaultLocation: 'chinaeast',
    });
  });

  it('has no trailing slashes and a scope on its own endpoint', () => {
    for (const c of Object.values(AZURE_CLOUDS)) {
      expect(c.resourceManager.endsWith('/')).toBe(false);
      expect(c.authorityHost.endsWith('/')).toBe(false);
      expect(c.scope).toBe(`${c.resourceManager}/.default`);
    }
  });
});

describe('resolveCloud', () => {
  it('finds a cloud by name, ignoring case', () => {
    expect(resolveCloud(AZURE_CLOUDS, 'azurechinacloud').name).toBe('AzureChinaCloud');
  });

  it('refuses Azure Germany with the reason', () => {
    try {
      resolveCloud(AZURE_CLOUDS, 'AzureGermanCloud');
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.problem.code).toBe('azure-cloud-unsupported');
    }
    expect(() => resolveCloud(AZURE_CLOUDS, 'AzureGermany')).toThrow(/Germany/);
  });

  it('refuses an unknown cloud, listing the known ones', () => {
    expect(() => resolveCloud(AZURE_CLOUDS, 'AzureUSSec')).toThrow(/not a cloud/);
  });
});
