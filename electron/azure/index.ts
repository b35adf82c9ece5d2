export { createAzure } from './azure';
export { AZURE_CLOUDS, type CloudEndpoints } from './clouds';
export { MOVE_TIME_BUDGET_MS } from './move';
export { liveSignIn } from './sign-in';
export type {
  AzureDeps,
  AzureService,
  AzureStats,
  Ctl,
  MoveRequest,
  RegisterRequest,
  RegistrationRef,
  SignInProvider,
  SignInRequest,
  Sleep,
  UnregisterRequest,
} from './types';
