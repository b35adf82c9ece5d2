export { startPracticeAzure } from './practice-azure';
export type { FaultKind, FaultSpec, FaultHandle } from './faults';
export type {
  PracticeAzure,
  PracticeAzureDeps,
  PracticeAzureSettings,
  PracticeAzureState,
  PracticeAzureStats,
  PracticeCloud,
  PracticeSubscription,
  SeedRegistration,
} from './types';
export type { WorldSnapshot, WorldState } from './world';
