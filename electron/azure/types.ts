import type { TokenCredential } from '@azure/core-auth';
import type { DeviceCodePrompt } from '../../shared/contract/events';
import type { Said } from '../../shared/contract/said';
import type {
  AzureAccount,
  AzureConnection,
  AzureLocation,
  CloudName,
  PermissionReport,
  RegistrationInfo,
  SubscriptionInfo,
} from '../../shared/domain/types';
import type { AzureSide } from '../../shared/domain/registration-status';
import type { Logger } from '../log';
import type { Timers } from '../operations';
import type { ProxyResolver, ResolvedRoute } from '../proxy';
import type { CloudEndpoints } from './clouds';

type SignInMethod = 'browser' | 'device-code';

export type SignInRequest = { cloud: CloudName; tenantId?: string; method: SignInMethod };

/** Turns an operator's sign-in choice into a credential; live (Entra ID) or practice. */
export type SignInProvider = (req: {
  cloud: CloudName;
  /** Where that cloud's authority and ARM live (practice: the loopback server). */
  endpoints: CloudEndpoints;
  tenantId?: string;
  method: SignInMethod;
  onDeviceCode: (prompt: DeviceCodePrompt) => void;
  /** Aborted by Cancel or the time limit; the provider stops waiting and closes its redirect listener. */
  signal: AbortSignal;
  /** How the login host is reached (proxy or direct). */
  route: ResolvedRoute;
  /** What the login host's TLS may chain to, beyond Node's roots (a stamp's AD FS: its internal CA). */
  tlsCa?: string;
  /** Authorities MSAL trusts without Microsoft's instance discovery (a stamp's AD FS host). */
  knownAuthorities?: string[];
}) => Promise<SignedIn>;

export type SignedIn = {
  credential: TokenCredential;
  account: AzureAccount;
  /**
   * A refresh token for the stamp's New-AzureBridgeServicePrincipal (connected registration), from this
   * sign-in's in-memory cache; never stored. Absent when the sign-in cannot give one.
   */
  refreshToken?(): Promise<string>;
};

/** What the stamp redeems to create its Azure Bridge principal; the caller wipes `token`. */
export type StampRefreshToken = { token: Buffer; tenantId: string; environment: CloudName };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type AzureDeps = {
  signIn: SignInProvider;
  clouds: Record<CloudName, CloudEndpoints>;
  /** PEM of a private CA (practice Azure only); never disables certificate checks. */
  tlsCa?: string;
  clock: { now(): Date };
  log: Logger;
  sleep: Sleep;
  /** Microsoft.AzureStack api-version (contract §2.2). */
  registrationApiVersion?: string;
  onDeviceCode?(prompt: DeviceCodePrompt): void;
  /** The proxy (or none) for a URL: system settings or HTTPS_PROXY live, never one for practice. */
  routes: ProxyResolver;
  /** For the sign-in time limit. */
  timers: Timers;
  /** The public client sign-in uses, as shown before signing in. */
  signInClient: AzureConnection['signInClient'];
};

/** Cancellation and progress for the operations that change Azure. */
export type Ctl = {
  signal?: AbortSignal;
  /** Our sentences (`said`) are translated by the UI. */
  progress?(phase: string, message: string | Said): void;
  /** A warning the operator must not miss: the screen keeps it above the log after the operation ends. */
  warn?(phase: string, message: string | Said): void;
  /** Registration: called once the resource is in place, before its lock is placed. */
  onResource?(registration: RegistrationInfo): void;
};

export type RegisterRequest = {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  registrationName: string;
  /** The registration token exactly as exported from the stamp (base64). */
  token: string;
};

export type RegistrationRef = { subscriptionId: string; resourceGroup: string; registrationName: string };

export type UnregisterRequest = {
  subscriptionId: string;
  resourceGroup?: string;
  target:
    | { by: 'name'; registrationName: string; /** When known (token, stamp info): refuse another stamp's registration. */ cloudId?: string }
    | { by: 'cloudId'; cloudId: string };
  /** Called with what was found, before anything changes; throw to stop (e.g. typed-name confirmation). */
  confirm?(found: RegistrationInfo): void | Promise<void>;
};

export type MoveRequest = RegistrationRef & { targetResourceGroup: string; targetSubscriptionId?: string };

export type AzureStats = {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Sequential waits per phase: requests in flight together count once. */
  roundTripsByPhase: Record<string, number>;
};

export type AzureService = {
  signIn(req: SignInRequest): Promise<AzureAccount>;
  /** Stops a sign-in in progress; false when none was waiting. */
  cancelSignIn(): boolean;
  /** The sign-in client and the route to the cloud's login and ARM hosts. */
  connection(cloud: CloudName): Promise<AzureConnection>;
  signOut(): Promise<void>;
  account(): AzureAccount | undefined;
  subscriptions(flow: 'connected' | 'disconnected'): Promise<SubscriptionInfo[]>;
  locations(subscriptionId: string): Promise<AzureLocation[]>;
  permissions(subscriptionId: string, resourceGroup: string): Promise<PermissionReport>;
  /**
   * Opens connections to Resource Manager before the wizard's calls need them (the operator is
   * picking the token meanwhile); resolves when they are open.
   */
  warmUp(): Promise<void>;
  /**
   * Everything the wizard shows and registration decides on, in one round trip: locations and
   * permissions for the screen, resource group, provider and any registration of that name kept
   * for a registration that follows soon with the same names.
   */
  prepare(req: RegistrationRef): Promise<{ locations: AzureLocation[]; permissions: PermissionReport }>;
  createRole(subscriptionId: string): Promise<{ roleDefinitionId: string; roleName: string; assigned: boolean }>;
  registrations(subscriptionId: string, resourceGroup?: string): Promise<RegistrationInfo[]>;
  /** One registration by subscription, resource group and name (GET); undefined when Azure has none there. */
  findRegistration(ref: RegistrationRef, signal?: AbortSignal): Promise<RegistrationInfo | undefined>;
  register(req: RegisterRequest, ctl?: Ctl): Promise<{ registration: RegistrationInfo; reused: boolean }>;
  activationKey(ref: RegistrationRef, ctl?: Ctl): Promise<string>;
  /** Connected registration: a refresh token of the signed-in account for the stamp, in memory only. */
  stampRefreshToken(): Promise<StampRefreshToken>;
  /** Contract §2.7 step 7: "Azure Stack Registration Owner" for the stamp's principal on the registration; found or created. */
  assignRegistrationOwner(ref: RegistrationRef, principalId: string, ctl?: Ctl): Promise<{ id: string; created: boolean }>;
  /** Actions connected registration needs that the account lacks (checked before the stamp is touched). */
  connectedPermissions(ref: RegistrationRef): Promise<{ scope: string; missing: string[] }>;
  /** The registration, its lock and (given the principal) its owner assignment, as they stand in Azure. */
  connectedState(ref: RegistrationRef, principalId?: string): Promise<{ registration?: RegistrationInfo; locked?: boolean; ownerAssigned?: boolean }>;
  unregister(req: UnregisterRequest, ctl?: Ctl): Promise<RegistrationInfo>;
  /** Connected removal, before the stamp is deactivated: throws what would stop the deletion (rights, other locks); changes nothing. */
  removable(reg: RegistrationInfo, signal?: AbortSignal): Promise<void>;
  move(req: MoveRequest, ctl?: Ctl): Promise<{ from: RegistrationInfo; to: RegistrationInfo }>;
  /** The registration a stamp's activation record names, as Azure holds it now (status screen). */
  registrationSide(ref: RegistrationRef, cloudId?: string): Promise<AzureSide>;
  /** -Reregister: that registration's details and its group's location, or why they cannot be recovered. */
  recoverRegistration(ref: RegistrationRef, cloudId?: string): Promise<{ registration: RegistrationInfo; location?: string }>;
  stats(): AzureStats;
  resetStats(): void;
};
