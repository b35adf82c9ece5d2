import type { HandoffPurpose } from './lifecycle';

// Plain JSON value types shared by main and renderer (ISO strings for dates, no Map/Set),
// so structured clone over IPC and the browser test bridge agree.

import type { Problem, ProblemCode } from '../contract/problems';
import type { Said } from '../contract/said';

export const BILLING_MODELS = ['Capacity', 'PayAsYouUse', 'Development', 'Custom', 'Ruggedized'] as const;
export type BillingModel = (typeof BILLING_MODELS)[number];

export const CLOUD_NAMES = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export type AppMode = 'practice' | 'live';

/** Where this machine stands in the disconnected flow. */
export type MachineSide = 'stamp' | 'host';

/** `Get-AzureStackStampInformation`, normalised. Only cloudId and stampVersion are guaranteed. */
export type StampInfo = {
  cloudId: string;
  stampVersion: string;
  deploymentId?: string;
  oemVersion?: string;
  regionName?: string;
  externalDomainFqdn?: string;
  domainFqdn?: string;
  domainNetBiosName?: string;
  numberOfNodes?: number;
  identitySystem?: string;
  aadTenantId?: string;
  aadTenantName?: string;
  emergencyConsoleIpAddresses: string[];
};

/** What the operator picks before a token is generated. */
export type TokenChoices = {
  billingModel: BillingModel;
  agreementNumber?: string;
  msAssetTag?: string;
  usageReportingEnabled?: boolean;
  marketplaceSyndicationEnabled?: boolean;
  /** Cloud the token will be registered in (token version depends on it). */
  targetCloud: CloudName;
  /** Overrides the computed token version (stamps >= 1.2008.0.49 only). */
  tokenVersion?: '3.0' | '4.0' | '6.0';
};

/** The exact `New-RegistrationToken` parameters that will be sent, after billing rules and version gates. */
export type TokenPlan = {
  params: {
    BillingModel: BillingModel;
    MarketplaceSyndicationEnabled: boolean;
    UsageReportingEnabled: boolean;
    AgreementNumber: string;
    MsAssetTag?: string;
    TokenVersion?: string;
  };
  /** Sentences shown before generating: forced values, gates applied. */
  notices: Said[];
  /** Blocking problems (missing agreement number, Custom on an old stamp …). Empty when the plan can run. */
  errors: Said[];
};

export type HardwareHost = { name: string; uuid?: string; numCores?: number };

/** A decoded registration token, as the operator needs to see it. */
export type TokenSummary = {
  cloudId: string;
  objectId?: string;
  billingModel?: string;
  marketplaceSyndicationEnabled?: boolean;
  usageReportingEnabled?: boolean;
  agreementNumber?: string;
  msAssetTag?: string;
  hostCount: number;
  hosts: HardwareHost[];
  version?: string;
  issuer?: string;
  /** Marked by the practice stamp: live flows refuse it. */
  practice: boolean;
};

/** A decoded activation key (JWS). The signature cannot be verified offline. */
export type KeySummary = {
  algorithm: string;
  keyId?: string;
  cloudId: string;
  objectId?: string;
  subscriptionId?: string;
  resourceGroupName?: string;
  registrationName?: string;
  billingModel?: string;
  usageReportingEnabled?: boolean;
  marketplaceSyndicationEnabled?: boolean;
  /** ISO-8601; absent when the key has no expiry. */
  expires?: string;
  hostCount: number;
  version?: string;
  issuer?: string;
  practice: boolean;
};

/** A short human-comparable digest of a token or key payload, e.g. `K7QM-2XPA-9D4F`. */
export type Fingerprint = string;

export type TokenPreview = { summary: TokenSummary; fingerprint: Fingerprint };
export type KeyPreview = { summary: KeySummary; fingerprint: Fingerprint };

/** How a key relates to the stamp we are connected to, and to the token it answers (if kept). */
export type KeyMatch = {
  stampCloudId?: string;
  matchesStamp?: boolean;
  matchesToken?: boolean;
  expired: boolean;
  /** What the key enables, in operator words. */
  enables: Said[];
  problems: Said[];
};

export const HANDOFF_STAGES = [
  // stamp side
  'token-created',
  'token-saved',
  'key-received',
  'activating',
  'activated',
  // connected host side
  'token-received',
  'registered',
  'key-issued',
  'key-saved',
  /** The operator confirmed the stamp is activated: the host lets go of the token and the key. */
  'activation-confirmed',
  /** Either side: the operator archived a hand-off that will never complete (the reason is the note). */
  'archived',
] as const;
export type HandoffStage = (typeof HANDOFF_STAGES)[number];

/** One registration round trip across the air gap, as this machine's journal records it. */
export type HandoffSummary = {
  id: string;
  side: MachineSide;
  stage: HandoffStage;
  complete: boolean;
  practice: boolean;
  cloudId: string;
  registrationName?: string;
  /** What this hand-off is for (absent in journals written before purposes existed). */
  purpose?: HandoffPurpose;
  tokenFingerprint?: Fingerprint;
  keyFingerprint?: Fingerprint;
  files: string[];
  createdAt: string;
  updatedAt: string;
  /**
   * `note`: what happened, in English (logs, diagnostics, journals of earlier versions: free text, shown as it is).
   * `said`: the same as a sentence with a code, which the UI says in its language (written from this version on).
   */
  history: { stage: HandoffStage; at: string; note?: string; said?: Said }[];
};

/**
 * A listing of the journal (issue 12: a connected host keeps thousands): every hand-off that is not
 * complete, archived ones included (they still keep their token and can come back), the newest
 * finished ones (in creation order), and how many finished ones there are. Newest first.
 */
export type HandoffPage = { handoffs: HandoffSummary[]; finished: { total: number; shown: number } };

/** How many finished hand-offs a listing includes unless asked for more (each "Show older" adds as many). */
export const HANDOFF_PAGE_SIZE = 100;

export type DriveInfo = {
  id: string;
  label: string;
  path: string;
  removable: boolean;
  freeBytes?: number;
};

export type HandoffFileKind = 'token' | 'key' | 'unknown';

export type HandoffFile = {
  name: string;
  kind: HandoffFileKind;
  bytes: number;
  modifiedAt: string;
  /** From our metadata sidecar, when present. */
  cloudId?: string;
  registrationName?: string;
  fingerprint?: Fingerprint;
  practice?: boolean;
  /** What the file is for, from our sidecar. */
  purpose?: HandoffPurpose;
  /** Why this entry cannot be used (skipped, unreadable, damaged, changed since written), in English. */
  problem?: string;
  /** The same as the problem's code or a sentence of ours, which the UI says in its language. */
  problemSaid?: { problem: ProblemCode } | Said;
};

export type SavedFile = {
  driveId: string;
  path: string;
  fileName: string;
  metadataFileName: string;
  fingerprint: Fingerprint;
  bytes: number;
  /** The file was read back and matched what was written. */
  verified: true;
};

export type PreflightCheck = {
  id: 'powershell' | 'language-mode' | 'execution-policy' | 'trusted-hosts' | 'winrm-port';
  title: Said;
  ok: boolean;
  /** The check could not be made (for example TrustedHosts unreadable): neither passed nor failed. */
  unknown?: true;
  detail: Said;
  /** More sentences that go with the detail (the WinRM service state, the host's warnings). */
  more?: Said[];
  /** The exact command that fixes it (copied as it is). */
  fix?: string;
  /** What to do, in words (with `fix`: what else may be needed). */
  step?: Said;
  /** Why the check could not run, as main's problem (message and action in the UI language). */
  problem?: Problem;
};

export type PreflightReport = { ok: boolean; checks: PreflightCheck[] };

export type AzureAccount = {
  cloud: CloudName;
  username: string;
  tenantId: string;
  /** Entra object ID of the signed-in user, when the sign-in told it (else read from the token's oid). */
  objectId?: string;
  practice: boolean;
};

/**
 * How the app reaches one Azure host. `system`: Electron's session (Windows/macOS/Linux settings, PAC, WPAD);
 * `environment`: HTTPS_PROXY; `direct`: no proxy applies; `practice`: the loopback practice Azure, never proxied.
 */
export type ProxyRoute = { host: string; source: 'system' | 'environment' | 'direct' | 'practice'; /** Without credentials. */ proxy?: string };

/** What sign-in and Azure Resource Manager calls will use, shown before signing in. */
export type AzureConnection = {
  /** The public client (app registration) the sign-in uses; `default` is the Azure CLI's. */
  signInClient: { kind: 'default' | 'organisation'; clientId: string; tenant?: string };
  login: ProxyRoute;
  management: ProxyRoute;
};

export type OfferKind = 'EA' | 'CSP' | 'CSP shared services' | 'Pay-As-You-Go' | 'MSDN' | 'Free trial' | 'Internal' | 'Other';

export type SubscriptionInfo = {
  id: string;
  displayName: string;
  state: string;
  quotaId?: string;
  offer: OfferKind;
  /** e.g. "Disconnected registration needs an EA subscription." */
  warnings: Said[];
  /** Why it cannot be chosen (its state: disabled, warned, past due, deleted); absent when it can. */
  refusal?: Said;
};

export type AzureLocation = { name: string; displayName: string };

export type PermissionReport = {
  scope: string;
  /** The register flow's actions (they gate Register). */
  granted: string[];
  missing: string[];
  ok: boolean;
  /** What each flow needs and lacks at that scope. */
  flows: { flow: 'register' | 'unregister' | 'move'; granted: string[]; missing: string[]; ok: boolean }[];
};

export type RegistrationInfo = {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  cloudId?: string;
  objectId?: string;
  billingModel?: string;
  locked?: boolean;
};
