import { parseResourceId, sameGuid } from './ids';
import type { RegistrationChange } from './lifecycle';
import { parseInstant } from './instant';
import type { RegistrationInfo } from './types';

// Registration status on both sides: what the stamp's activation record says (the admin portal's
// Region management > Properties) against what Azure holds, and, where they disagree, which flow
// puts it right. Pure: main reads both sides, the renderer shows the findings in words.

/** The stamp's `Microsoft.AzureBridge.Admin/activations/default` record (contract §2.10). */
export type StampActivation = {
  /** `azureRegistrationResourceIdentifier`: the Azure registration the stamp was activated for. */
  registrationResourceId: string;
  subscriptionId?: string;
  resourceGroup?: string;
  registrationName?: string;
  /** As the record gives it, without an offset (sample `9999-12-30T15:59:59`). */
  expiration?: string;
  usageReportingEnabled: boolean;
  marketplaceSyndicationEnabled: boolean;
  provisioningState?: string;
};

/** What the stamp's admin Resource Manager answered. `activation` absent: no record, the stamp is not registered. */
export type StampSide = {
  adminResourceManager: string;
  identitySystem: 'AzureAD' | 'ADFS';
  defaultProviderSubscriptionId: string;
  activation?: StampActivation;
};

/** What Azure answered for the registration the record names. */
export type AzureSide =
  | {
      state: 'found';
      registration: RegistrationInfo;
      /** The resource group's location. */
      location?: string;
      /** `expires` of the activation key Azure issues for it now. */
      keyExpires?: string;
    }
  /** Not at the recorded id, but a registration with the stamp's cloud ID is in the subscription. */
  | { state: 'elsewhere'; registration: RegistrationInfo }
  /** Neither at the recorded id nor anywhere in its subscription. */
  | { state: 'missing'; subscriptionId: string }
  /** ARM says the subscription belongs to another directory (InvalidAuthenticationTokenTenant). */
  | { state: 'other-directory'; subscriptionId: string };

export type StampState = 'registered' | 'not-registered' | 'expired';

/** Existing flows of the app that put a disagreement right. */
export type FixFlow = 'export' | 'register' | 'deactivate' | 'unregister' | 'move';

export const FINDING_CODES = ['not-registered', 'expired', 'resource-missing', 'moved', 'directory-changed', 'cloud-id-mismatch', 'lock-missing', 'record-unreadable'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Finding = {
  code: FindingCode;
  /** Values the sentence names (ids, dates). */
  params: Record<string, string>;
  /** In the order to run them. */
  fixes: FixFlow[];
  /** The guided change (Change the registration) that runs those flows for this case, with its purpose. */
  change?: RegistrationChange;
};

export type StatusComparison = { stampState: StampState; findings: Finding[] };

/** The record's expiration as an instant (taken as UTC when it carries no offset); undefined when unreadable. */
export const activationExpiry = (a: StampActivation): Date | undefined => (a.expiration ? parseInstant(a.expiration) : undefined);

/** The stamp's state as Region management shows it: Registered, Not registered or Expired. */
export const stampStateOf = (stamp: StampSide, now: Date): StampState => {
  if (!stamp.activation) return 'not-registered';
  const expires = activationExpiry(stamp.activation);
  return expires && expires.getTime() <= now.getTime() ? 'expired' : 'registered';
};

/** Subscription, group and name of the record's registration id; undefined when it is not one. */
export const recordedRegistration = (a: StampActivation): { subscriptionId: string; resourceGroup: string; registrationName: string } | undefined => {
  const parsed = parseResourceId(a.registrationResourceId);
  if (!parsed || !/\/providers\/Microsoft\.AzureStack\/registrations\//i.test(a.registrationResourceId)) return undefined;
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, registrationName: parsed.name };
};

/**
 * Compares the two sides. `azure` is absent when Azure was not read (not signed in); `cloudId` when
 * the stamp's cloud ID is not known (no privileged endpoint session).
 */
export const compareRegistration = (input: { stamp: StampSide; azure?: AzureSide; cloudId?: string; now: Date }): StatusComparison => {
  const { stamp, azure, cloudId, now } = input;
  const stampState = stampStateOf(stamp, now);
  const findings: Finding[] = [];
  const activation = stamp.activation;
  if (!activation) {
    findings.push({ code: 'not-registered', params: {}, fixes: ['export', 'register'] });
    return { stampState, findings };
  }
  const recorded = activation.registrationResourceId;
  if (!recordedRegistration(activation)) {
    findings.push({ code: 'record-unreadable', params: { id: recorded }, fixes: ['deactivate', 'export', 'register'] });
  }
  if (stampState === 'expired') {
    // Disconnected: remove the activation, unregister, then a new hand-off with a new name (REGDOC).
    findings.push({ code: 'expired', params: { expiration: activation.expiration ?? '' }, fixes: ['deactivate', 'unregister', 'export', 'register'], change: 'renewal' });
  }
  if (!azure) return { stampState, findings };
  switch (azure.state) {
    case 'missing':
      findings.push({ code: 'resource-missing', params: { id: recorded, subscriptionId: azure.subscriptionId }, fixes: ['deactivate', 'export', 'register'], change: 're-registration' });
      break;
    case 'other-directory':
      findings.push({ code: 'directory-changed', params: { subscriptionId: azure.subscriptionId }, fixes: ['deactivate', 'export', 'register'], change: 'subscription-change' });
      break;
    case 'elsewhere':
      findings.push({ code: 'moved', params: { id: recorded, now: azure.registration.id }, fixes: ['move'] });
      break;
    case 'found': {
      const r = azure.registration;
      if (cloudId && r.cloudId && !sameGuid(cloudId, r.cloudId)) {
        findings.push({ code: 'cloud-id-mismatch', params: { id: r.id, theirs: r.cloudId, ours: cloudId }, fixes: ['deactivate', 'export', 'register'] });
      } else if (r.locked === false) {
        findings.push({ code: 'lock-missing', params: { id: r.id }, fixes: [] });
      }
      break;
    }
  }
  return { stampState, findings };
};

/** Who is signed in to the stamp's admin Resource Manager, and what its metadata said. */
export type StampArmAccount = {
  /** The admin Resource Manager endpoint as the operator gave it (no trailing slash). */
  adminResourceManager: string;
  identitySystem: 'AzureAD' | 'ADFS';
  /** `authentication.loginEndpoint` of the metadata. */
  loginEndpoint: string;
  username: string;
  /** The directory signed in to (`adfs` on AD FS stamps). */
  tenantId: string;
  defaultProviderSubscriptionId: string;
  practice: boolean;
};

/** One side could not be read: the problem, in the shape of the contract's Problem. */
type SideProblem = { code: string; message: string; action?: string; retryable: boolean; detail?: string; reference?: string };

/** Both sides and their comparison, as the status screen shows them. */
export type RegistrationStatusView = {
  readAt: string;
  stamp?: StampSide;
  stampProblem?: SideProblem;
  /** Absent when not read: not signed in to Azure, or no record to look for. */
  azure?: AzureSide;
  azureProblem?: SideProblem;
  comparison?: StatusComparison;
};

/**
 * What `-Reregister` recovers (contract §2.10): from the activation record and the registration
 * resource in Azure. Agreement number and asset tag are never recoverable: `ask` names what the
 * operator must give again for the billing model.
 */
export type ReregisterPrefill = {
  subscriptionId: string;
  resourceGroup: string;
  registrationName: string;
  location?: string;
  billingModel?: string;
  usageReportingEnabled: boolean;
  marketplaceSyndicationEnabled: boolean;
  cloudId?: string;
  ask: ('agreementNumber' | 'msAssetTag')[];
};

/** What the operator must give again for a billing model: the record and the resource never hold them. */
export const prefillAsks = (billingModel: string | undefined): ReregisterPrefill['ask'] => {
  const m = (billingModel ?? '').toLowerCase();
  if (m === 'capacity') return ['agreementNumber'];
  if (m === 'custom' || m === 'ruggedized') return ['msAssetTag'];
  return [];
};
