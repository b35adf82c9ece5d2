export { createAzure } from './azure';
export { AZURE_CLOUDS, type CloudEndpoints } from './clouds';
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
