import type { TokenCredential } from '@azure/core-auth';
import type { CloudName } from '../../../shared/domain/types';
import type { Logger } from '../../log';
import type { FaultSpec, FaultHandle } from './faults';
import type { PermissionProfile } from './permissions';
import type { WorldSnapshot, WorldState } from './world';

export type Clock = { now(): Date };
export type Sleep = (ms: number) => Promise<void>;

export type PracticeSubscription = {
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue' | 'Deleted';
  quotaId: string;
};

export type PracticeAzureSettings = {
  /** Loopback port; 0 picks a free one. */
  port: number;
  subscriptions: PracticeSubscription[];
  /** Subscriptions where Microsoft.AzureStack starts out Registered. */
  azureStackRegisteredIn: string[];
  /** Provider GETs answered with `Registering` after the register call, before `Registered`. */
  providerPollsUntilRegistered: number;
  /** What the practice identity may do (shown by the permissions API and enforced on every call). */
  permissions: PermissionProfile;
  tokenLifetimeSeconds: number;
  /** Items per page for registration lists before a `nextLink` appears. */
  pageSize: number;
  /** Polls of a long-running operation answered 202 before it completes. */
  operationPolls: number;
  /** Polls of a move (not its validation) answered 202 before it completes; `operationPolls` when absent. */
  moveOperationPolls?: number;
  /** `Retry-After` (seconds) on 202 answers of long-running operations. */
  operationRetryAfterSeconds: number;
  /** Source and target subscriptions of a move share a CSP partner (cross-subscription moves allowed). */
  cspSharedPartner: boolean;
  /** Written into every access token issued (its random part): the secrets tests search everything written or sent for it. */
  accessTokenMarker: string;
  /** Written into every refresh token handed to the stamp (connected registration), for the secrets tests. */
  refreshTokenMarker?: string;
  /**
   * Another account registered every registration (REGDOC: only the original registering account may
   * change it): a PUT on an existing registration answers 403, as a non-owner re-registering meets.
   */
  registrationsOwnedByOthers?: boolean;
  /** How long ARM still enforces a lock after its deletion was accepted (propagation to every ARM instance). */
  lockPropagationSeconds: number;
  /** Reads of a just-moved registration at its new id answered 404 before it shows (ARM's cache). */
  movedNotFoundReads: number;
  /** Resource groups that exist from the start (e.g. holding other admins' locks). */
  groups: { subscriptionId: string; name: string; location: string }[];
  /** Locks other admins placed before the app ran; their scopes must exist (subscriptions or `groups`). */
  foreignLocks: { scope: string; name: string; level: 'CanNotDelete' | 'ReadOnly'; notes?: string }[];
  /**
   * Registrations that exist from the start (their resource group is created with them): a stamp
   * registered before (connected removal, renewal), or another stamp's under a searched name.
   */
  registrations: SeedRegistration[];
  /** Microsoft.AzureStack lists registrations by subscription with 2017-06-01 (older RP revisions do not). */
  registrationListBySubscription: boolean;
  /** Subscription states overriding the seed (e.g. a subscription gone PastDue). */
  subscriptionStates: Record<string, PracticeSubscription['state']>;
  /**
   * A distant Azure: every answer waits `requestMs` (one round trip), every new TLS connection waits
   * `connectionMs` before its handshake starts (TCP and TLS round trips). 0 on loopback.
   */
  latency: { requestMs: number; connectionMs: number };
};

export type SeedRegistration = {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  name: string;
  cloudId: string;
  billingModel: string;
  /** Its RegistrationResourceLock is in place, as registration leaves it. */
  locked: boolean;
  /** A Capacity registration past its term: a renewal may register the same stamp under a new name beside it. */
  expired?: boolean;
};

export type PracticeAzureDeps = {
  clock: Clock;
  log: Logger;
  sleep?: Sleep;
  settings?: Partial<PracticeAzureSettings>;
};

export type PracticeCloud = {
  name: CloudName;
  authorityHost: string;
  resourceManager: string;
  scope: string;
  defaultLocation: string;
};

export type PracticeAzureStats = {
  requests: number;
  byRoute: Record<string, number>;
  /** Requests being served right now, and the most at once since the last reset. */
  inFlight: number;
  maxInFlight: number;
  /** TLS connections accepted (a client that reuses its connections opens few). */
  connections: number;
};

export type PracticeAzure = {
  /** `https://127.0.0.1:<port>`, no trailing slash. */
  endpoint: string;
  /** PEM of the server certificate: trust it only in practice clients (`tlsOptions.ca`). */
  ca: string;
  clouds: Record<CloudName, PracticeCloud>;
  account: { username: string; tenantId: string; objectId: string };
  /** The practice identity: bearer tokens the server accepts until they expire on the injected clock. */
  credential(): TokenCredential;
  /** A refresh token of the practice identity, as the connected flow hands the stamp (carries the token marker). */
  refreshToken(): string;
  /**
   * The directory's service principals: one the stamp just created is `new` until it replicates, so a
   * role assignment without principalType meets PrincipalNotFound; an unknown one always does.
   */
  directory: { add(objectId: string): void };
  faults: { add(spec: FaultSpec): FaultHandle; clear(): void };
  stats(): PracticeAzureStats;
  resetStats(): void;
  /** Closes the connections no request is using, as a server does after its keep-alive timeout. */
  closeIdleConnections(): void;
  state: PracticeAzureState;
  stop(): Promise<void>;
};

/** Inspection and steering for tests and the practice scenarios. */
export type PracticeAzureState = {
  snapshot(): WorldSnapshot;
  /** Everything Azure holds, to carry over to another practice Azure (an app killed and restarted). */
  take(): WorldState;
  put(state: WorldState): void;
  setPermissions(profile: PermissionProfile): void;
  /** Every token issued so far is treated as expired. */
  expireTokens(): void;
};
