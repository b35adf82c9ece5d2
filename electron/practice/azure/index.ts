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
// The practice stamp's admin Resource Manager speaks ARM too: same router, error envelope and certificate.
export { ArmError, authorizationFailed } from './arm-error';
export { createRouter, decodePath, param, type Route } from './router';
export { generateCertificate } from './tls';
