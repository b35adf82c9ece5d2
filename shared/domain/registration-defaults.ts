import type { CloudName } from './types';

// What the registration step proposes before the operator types anything (the older tools' defaults).
// Apart from the billing rules so the renderer's store takes these few lines, not the rules.

export const DEFAULT_RESOURCE_GROUP = 'azurestack';

const DEFAULT_LOCATIONS: Record<CloudName, string> = {
  AzureCloud: 'westcentralus',
  AzureUSGovernment: 'usgovvirginia',
  AzureChinaCloud: 'chinaeast',
};

export const defaultLocation = (cloud: CloudName): string => DEFAULT_LOCATIONS[cloud];

/** Registration names must be unique per stamp; the older tools' default is. */
export const suggestRegistrationName = (cloudId: string): string => `AzureStack-${cloudId.trim()}`;
