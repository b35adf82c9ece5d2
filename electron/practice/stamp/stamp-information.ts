import type { Cmdlet } from './cmdlet-context';
import { work } from './cmdlet-context';
import type { StampIdentity } from './identity';
import type { PracticeStampSettings } from './settings';

// Get-AzureStackStampInformation: the stamp's deployment facts, as the PEP returns them.

const stampInformation = (identity: StampIdentity, s: PracticeStampSettings): Record<string, unknown> => {
  const zone = `${s.region}.${s.externalDomainFqdn}`;
  const adfs = s.identitySystem === 'ADFS';
  return {
    DeploymentID: identity.deploymentId,
    CloudID: identity.cloudId,
    StampVersion: s.stampVersion,
    OEMVersion: s.oemVersion,
    Prefix: 'AZS',
    RegionName: s.region,
    ExternalDomainFQDN: s.externalDomainFqdn,
    DomainFQDN: s.domainFqdn,
    DomainNetBIOSName: s.domain,
    Timezone: s.timezone,
    NumberOfNodes: identity.nodes.length,
    IdentitySystem: s.identitySystem,
    // ADFS stamps sign in against the tenant named "adfs".
    AADTenantID: adfs ? 'adfs' : identity.aadTenantId,
    AADTenantName: adfs ? 'adfs' : 'contoso.onmicrosoft.com',
    AdminExternalEndpoints: {
      AdminResourceManager: `https://adminmanagement.${zone}/`,
      AdminPortal: `https://adminportal.${zone}/`,
      AdminHosting: `https://*.adminhosting.${zone}/`,
    },
    TenantExternalEndpoints: {
      TenantResourceManager: `https://management.${zone}/`,
      TenantPortal: `https://portal.${zone}/`,
      TenantHosting: `https://*.hosting.${zone}/`,
    },
    EmergencyConsoleIPAddresses: [...s.ercsAddresses],
  };
};

export const getAzureStackStampInformation: Cmdlet = {
  params: [],
  async run(ctx) {
    const { identity } = await ctx.store.read();
    await work(ctx, 'Get-AzureStackStampInformation', ctx.settings.durations.stampInfoMs, [
      'Reading deployment data',
    ]);
    return [stampInformation(identity, ctx.settings)];
  },
};
