import type { CloudName } from '../../shared/domain/types';

/**
 * ARM api-versions, pinned per cloud instead of the SDK defaults (@azure/arm-resources 8 sends
 * 2025-04-01, @azure/arm-resources-subscriptions 3 sends 2022-12-01), which AzureUSGovernment and
 * AzureChinaCloud may not serve yet. Each is an older GA version every cloud has served for years;
 * they are the same in all three clouds today, kept per cloud so one can differ when it must.
 * (Microsoft.AzureStack has its own, configurable: AzureDeps.registrationApiVersion.)
 */
export type ArmApiVersions = {
  /** Resource groups, resource providers, validateMoveResources and moveResources. */
  resources: string;
  /** Subscriptions and their locations. */
  subscriptions: string;
  /** Management locks. */
  locks: string;
  /** Permissions, role definitions and role assignments. */
  authorization: string;
};

const SERVED_EVERYWHERE: ArmApiVersions = {
  resources: '2021-04-01',
  subscriptions: '2021-01-01',
  locks: '2020-05-01',
  authorization: '2022-04-01',
};

export const ARM_API_VERSIONS: Record<CloudName, ArmApiVersions> = {
  AzureCloud: SERVED_EVERYWHERE,
  AzureUSGovernment: SERVED_EVERYWHERE,
  AzureChinaCloud: SERVED_EVERYWHERE,
};
