export { startPracticeAzure, DEFAULT_PRACTICE_AZURE_SETTINGS } from './practice-azure';
export { PERMISSION_PROFILES, type PermissionProfile } from './permissions';
export type { FaultKind, FaultSpec, FaultHandle } from './faults';
export type {
  PracticeAzure,
  PracticeAzureDeps,
  PracticeAzureSettings,
  PracticeAzureState,
  PracticeAzureStats,
  PracticeCloud,
  PracticeSubscription,
} from './types';
export type { WorldSnapshot } from './world';
