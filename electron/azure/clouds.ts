// Sign-in hosts (the values of @azure/identity's AzureAuthorityHosts) (written out: this table loads before any SDK).
import { AppError } from '../../shared/contract/problems';
import { CLOUD_NAMES, type CloudName } from '../../shared/domain/types';

/** Where one Azure cloud lives. No trailing slashes (contract §2.1). */
export type CloudEndpoints = {
  name: CloudName;
  /** Entra ID authority host given to the credential. */
  authorityHost: string;
  /** Azure Resource Manager endpoint given to every client. */
  resourceManager: string;
  /** Explicit token scope: several SDK clients default to the public cloud's. */
  scope: string;
  /** RWA `Get-DefaultResourceGroupLocation`. */
  defaultLocation: string;
};

export const AZURE_CLOUDS: Record<CloudName, CloudEndpoints> = {
  AzureCloud: {
    name: 'AzureCloud',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManager: 'https://management.azure.com',
    scope: 'https://management.azure.com/.default',
    defaultLocation: 'westcentralus',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManager: 'https://management.usgovcloudapi.net',
    scope: 'https://management.usgovcloudapi.net/.default',
    defaultLocation: 'usgovvirginia',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManager: 'https://management.chinacloudapi.cn',
    scope: 'https://management.chinacloudapi.cn/.default',
    defaultLocation: 'chinaeast',
  },
};

const GERMANY = /^azure\s*german/i;

/** The endpoints for a cloud name the operator picked; Azure Germany is refused with the reason. */
export const resolveCloud = (clouds: Record<CloudName, CloudEndpoints>, name: string): CloudEndpoints => {
  const known = CLOUD_NAMES.find((c) => c.toLowerCase() === name.trim().toLowerCase());
  if (known) return clouds[known];
  if (GERMANY.test(name.trim())) {
    throw new AppError('azure-cloud-unsupported', 'Azure Germany cannot hold an Azure Stack Hub registration: Microsoft Cloud Germany closed in October 2021.', {
      action: 'Register in the global Azure cloud (AzureCloud) with a supported subscription.',
    });
  }
  throw new AppError('azure-cloud-unsupported', `"${name}" is not a cloud this tool can register in.`, {
    action: `Pick one of: ${CLOUD_NAMES.join(', ')}.`,
  });
};
