export { createAzure } from './azure';
export { AZURE_CLOUDS, type CloudEndpoints } from './clouds';
export { listenForAuthCode } from './redirect-listener';
export { AZURE_CLI_CLIENT_ID, liveSignIn } from './sign-in';
export { createSignInNetwork } from './sign-in-network';
export { SIGN_IN_LIMIT_MS } from './azure';
export type {
  AzureDeps,
  AzureService,
  AzureStats,
  Ctl,
  MoveRequest,
  RegisterRequest,
  RegistrationRef,
  SignInProvider,
  SignedIn,
  SignInRequest,
  StampRefreshToken,
  Sleep,
  UnregisterRequest,
} from './types';
