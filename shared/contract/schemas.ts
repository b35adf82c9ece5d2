import { z } from 'zod';
import { CONNECTED_PURPOSES } from '../domain/connected';
import { ercsAddressProblem } from '../domain/ercs-address';
import { HANDOFF_PURPOSES } from '../domain/lifecycle';
import { BILLING_MODELS, CLOUD_NAMES } from '../domain/types';

// Request schemas. Limits are generous for real input and tight enough to refuse garbage early.
export const Empty = z.object({}).strict();
export const Id = z.string().min(1).max(128);
export const Guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID');
export const FileName = z.string().min(1).max(255).refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'a file name, not a path');

/** Azure resource names: registrations and resource groups. */
export const RegistrationName = z
  .string()
  .min(1)
  .max(90)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.()-]*$/, 'letters, digits, - _ . ( ) only');
export const ResourceGroupName = z
  .string()
  .min(1)
  .max(90)
  .regex(/^[-\w.()]*[-\w()]$/u, 'letters, digits, - _ . ( ), not ending with a dot');

const PepHost = z
  .string()
  // Abort: the address check quotes what was typed, and an over-long value must not come back whole.
  .max(255, { abort: true })
  .superRefine((value, ctx) => {
    const problem = ercsAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const PepHosts = z.array(PepHost).min(1, 'enter at least one ERCS address').max(3, 'at most three ERCS addresses');

export const TokenChoicesSchema = z.object({
  billingModel: z.enum(BILLING_MODELS),
  agreementNumber: z.string().max(64).optional(),
  msAssetTag: z.string().max(64).optional(),
  usageReportingEnabled: z.boolean().optional(),
  marketplaceSyndicationEnabled: z.boolean().optional(),
  targetCloud: z.enum(CLOUD_NAMES),
  tokenVersion: z.enum(['3.0', '4.0', '6.0']).optional(),
});

// Strict like every other request: an unknown field is refused, not silently dropped.
/** The registration a connected re-run starts from (change, renewal, scale). */
export const PreviousRegistrationSchema = z
  .object({ registrationName: RegistrationName, resourceGroup: ResourceGroupName, expired: z.boolean().optional(), deletedFirst: z.boolean().optional() })
  .strict();
/** Names of a connected registration, for re-reading what Azure holds. */
export const ConnectedRefSchema = z.object({ subscriptionId: Guid, resourceGroup: ResourceGroupName, registrationName: RegistrationName, principalId: Guid.optional() }).strict();

export const OperationStartRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stamp.createToken'),
    sessionId: Id,
    choices: TokenChoicesSchema.strict(),
    /** What the new hand-off is for; absent: a first registration. */
    purpose: z.enum(HANDOFF_PURPOSES).optional(),
  }).strict(),
  z.object({ kind: z.literal('stamp.activate'), sessionId: Id, handoffId: Id }).strict(),
  z.object({ kind: z.literal('stamp.removeActivation'), sessionId: Id }).strict(),
  z.object({
    kind: z.literal('azure.register'),
    handoffId: Id,
    subscriptionId: Guid,
    resourceGroup: ResourceGroupName,
    location: z.string().min(1).max(64),
    registrationName: RegistrationName,
  }).strict(),
  z.object({
    kind: z.literal('azure.unregister'),
    subscriptionId: Guid,
    resourceGroup: ResourceGroupName.optional(),
    target: z.discriminatedUnion('by', [
      z.object({ by: z.literal('name'), registrationName: RegistrationName }).strict(),
      z.object({ by: z.literal('token'), handoffId: Id }).strict(),
    ]),
    /** The operator types the registration name to confirm deletion. */
    confirmName: z.string().max(90),
  }).strict(),
  z.object({
    kind: z.literal('registration.remove'),
    sessionId: Id,
    subscriptionId: Guid,
    resourceGroup: ResourceGroupName,
    registrationName: RegistrationName,
    /** The operator types the registration name to confirm. */
    confirmName: z.string().max(90),
    /** An earlier run deactivated the stamp and Azure's part failed: do only Azure's part. */
    stampDeactivated: z.boolean(),
  }).strict(),
  z.object({
    kind: z.literal('azure.move'),
    subscriptionId: Guid,
    resourceGroup: ResourceGroupName,
    registrationName: RegistrationName,
    targetResourceGroup: ResourceGroupName,
    targetSubscriptionId: Guid.optional(),
  }).strict(),
  z.object({
    kind: z.literal('connected.register'),
    sessionId: Id,
    purpose: z.enum(CONNECTED_PURPOSES),
    subscriptionId: Guid,
    resourceGroup: ResourceGroupName,
    registrationName: RegistrationName,
    location: z.string().min(1).max(64),
    choices: TokenChoicesSchema.strict(),
    previous: PreviousRegistrationSchema.optional(),
  }).strict(),
]);
export type OperationStart = z.infer<typeof OperationStartRequest>;
export type OperationKind = OperationStart['kind'];

/** Microsoft.AzureStack api-versions the app can use for registration calls (contract §2.2). */
export const REGISTRATION_API_VERSIONS = ['2017-06-01', '2022-06-01'] as const;
export type RegistrationApiVersion = (typeof REGISTRATION_API_VERSIONS)[number];

// Absolute on Windows (C:\...) or POSIX (/...), never a network (UNC) path; main also checks it for its own OS
// and, when the operator chooses it, where it really lives.
const ABSOLUTE_PATH = /^(?:[A-Za-z]:[\\/]|\/)/;
const NETWORK_PATH = /^[\\/]{2}/;
const ExecutablePath = z
  .string()
  .trim()
  .min(1, 'enter the path of pwsh')
  .max(1024)
  .refine((p) => !NETWORK_PATH.test(p), 'must be on this computer, not a network path')
  .regex(ABSOLUTE_PATH, 'must be an absolute path, like /usr/bin/pwsh or C:\\Program Files\\PowerShell\\7\\pwsh.exe');

/** Which PowerShell runs pep-host.ps1: Windows PowerShell 5.1 (by its system path) or a configured pwsh 7. */
const PowerShellChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('windows-powershell') }).strict(),
  z.object({ kind: z.literal('pwsh'), path: ExecutablePath }).strict(),
]);
export type PowerShellChoice = z.infer<typeof PowerShellChoiceSchema>;

const TenantDomain = z
  .string()
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/, 'must be a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com');

/**
 * The public client used to sign in to Azure. No client ID: the Azure CLI's first-party client. An organisation's
 * own app registration: its application (client) ID and, for a single-tenant app, its tenant (GUID or domain).
 */
export const SignInClientSchema = z
  .object({
    clientId: Guid.optional(),
    tenant: z.union([Guid, TenantDomain]).optional(),
  })
  .strict();
export type SignInClient = z.infer<typeof SignInClientSchema>;

/** Operator settings kept in settings.json next to the mode. Nothing secret. */
export const SettingsSchema = z
  .object({
    powershell: PowerShellChoiceSchema,
    registrationApiVersion: z.enum(REGISTRATION_API_VERSIONS),
    /** Absent: the default client (Azure CLI's). */
    signInClient: SignInClientSchema.optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * What the renderer may change. It never sends a path: `pwsh` means the PowerShell 7 the operator chose in
 * main's file dialog (settings.choosePowerShell), which main keeps.
 */
export const SettingsRequestSchema = z
  .object({
    powershell: z.discriminatedUnion('kind', [z.object({ kind: z.literal('windows-powershell') }).strict(), z.object({ kind: z.literal('pwsh') }).strict()]),
    registrationApiVersion: z.enum(REGISTRATION_API_VERSIONS),
    signInClient: SignInClientSchema.optional(),
  })
  .strict();
export type SettingsRequest = z.infer<typeof SettingsRequestSchema>;

/** Stamp builds practice mode simulates, one on each side of the PEP version gates (contract §1.9). */
export const PRACTICE_STAMP_VERSIONS = ['1.1910.0.58', '1.2005.0.40', '1.2206.0.6', '1.2406.0.8'] as const;
/** What the practice Azure identity may do: Owner, the documented custom roles, the built-in role. */
export const PRACTICE_PERMISSION_PROFILES = ['owner', 'registration-role', 'registration-role-2019', 'registration-owner-builtin', 'user-access-administrator'] as const;

/** The languages of the workstation's own WinRM client messages practice can show (error IDs do not change). */
export const WORKSTATION_LANGUAGES = ['en-US', 'fr-FR'] as const;
export type WorkstationLanguage = (typeof WORKSTATION_LANGUAGES)[number];
/** A registration the practice Azure holds from the start (lifecycle rehearsals). */
export const PRACTICE_AZURE_REGISTRATIONS = ['none', 'this-stamp', 'expired-capacity', 'another-stamp'] as const;
/** How practice sign-in ends. */
export const PRACTICE_SIGN_IN_OUTCOMES = ['completes', 'browser-abandoned', 'login-unreachable'] as const;

/** The practice scenario the operator rehearses, kept in settings.json. Nothing secret. */
export const PracticeScenarioSchema = z
  .object({
    stampVersion: z.enum(PRACTICE_STAMP_VERSIONS),
    numberOfNodes: z.number().int().min(1).max(16),
    /** The first ERCS address does not answer (failover to the next). */
    firstAddressDown: z.boolean(),
    /** ECE refuses action plans: "another action is in progress". */
    eceBusy: z.boolean(),
    /** The last node's hardware information cannot be read. */
    hardwareInfoUnreachable: z.boolean(),
    /** The stamp is busy but says so only in the verbose stream; the final error is unrelated. */
    eceBusyVerboseOnly: z.boolean(),
    /** The first activation completes, but the PEP session drops before its answer: outcome unknown. */
    sessionDropsDuringActivation: z.boolean(),
    /** The transport breaks right after Close-PrivilegedEndpoint copies the transcripts. */
    closeBreaksSession: z.boolean(),
    /** The language of this workstation's own WinRM messages (French Windows shows French connection errors). */
    workstationLanguage: z.enum(WORKSTATION_LANGUAGES),
    /** The workstation's TrustedHosts cannot be read (pre-flight says "unknown"). */
    trustedHostsUnreadable: z.boolean(),
    /** How long Set-AzsRegistration (activation) takes; up to 30 minutes to rehearse the real wait. */
    activationSeconds: z.number().int().min(1).max(1800),
    azurePermissions: z.enum(PRACTICE_PERMISSION_PROFILES),
    /** The registration PUT is throttled (429 with Retry-After) twice. */
    azureThrottling: z.boolean(),
    /** getactivationkey answers 503 once. */
    activationKeyUnavailable: z.boolean(),
    /** The first registration lock write is refused (403 AuthorizationFailed). */
    lockForbidden: z.boolean(),
    /** A deleted lock is still enforced for 20 s (removal propagating through ARM). */
    lockPropagationDelay: z.boolean(),
    /** An Azure Policy assignment refuses creating resource groups (RequestDisallowedByPolicy). */
    policyDeniesResourceGroups: z.boolean(),
    /** The Pay-As-You-Go practice subscription is PastDue. */
    subscriptionPastDue: z.boolean(),
    /** Other admins' locks: CanNotDelete on the EA subscription, ReadOnly on its resource group "archive". */
    foreignLocks: z.boolean(),
    /** The move never finishes while the app polls: its outcome becomes unknown. */
    moveNeverFinishes: z.boolean(),
    /** Microsoft.AzureStack cannot list registrations by subscription with 2017-06-01 (older RP revision). */
    noSubscriptionWideList: z.boolean(),
    /** Sign-in: completes; the browser is opened and abandoned (cancel, time limit); the login endpoint is unreachable. */
    signIn: z.enum(PRACTICE_SIGN_IN_OUTCOMES),
    /**
     * What the practice Azure holds from the start, named AzureStack-<practice stamp cloud ID> in the EA
     * subscription's group azurestack: this stamp's registration (connected removal), this stamp's
     * expired Capacity registration (renewal), or another stamp's registration under that name.
     */
    azureRegistration: z.enum(PRACTICE_AZURE_REGISTRATIONS),
    /** The first DELETE of a registration is refused (403), after the lock was lifted: the stamp is already deactivated in a connected removal. */
    registrationDeleteRefused: z.boolean(),
    /** Connected: Entra ID refuses the refresh token the stamp redeems (MFA required). */
    refreshTokenRefused: z.boolean(),
    /** Connected: the first role assignment on the registration answers 403 (after the resource was created). */
    roleAssignmentForbidden: z.boolean(),
    /** Connected: registrations belong to another account, so changing one answers 403. */
    notRegistrationOwner: z.boolean(),
  })
  .strict();
export type PracticeScenario = z.infer<typeof PracticeScenarioSchema>;

export const DEFAULT_PRACTICE_SCENARIO: PracticeScenario = {
  stampVersion: '1.2406.0.8',
  numberOfNodes: 4,
  firstAddressDown: false,
  eceBusy: false,
  hardwareInfoUnreachable: false,
  eceBusyVerboseOnly: false,
  sessionDropsDuringActivation: false,
  closeBreaksSession: false,
  workstationLanguage: 'en-US',
  trustedHostsUnreadable: false,
  activationSeconds: 5,
  azurePermissions: 'owner',
  azureThrottling: false,
  activationKeyUnavailable: false,
  lockForbidden: false,
  lockPropagationDelay: false,
  policyDeniesResourceGroups: false,
  subscriptionPastDue: false,
  foreignLocks: false,
  moveNeverFinishes: false,
  noSubscriptionWideList: false,
  signIn: 'completes',
  azureRegistration: 'none',
  registrationDeleteRefused: false,
  refreshTokenRefused: false,
  roleAssignmentForbidden: false,
  notRegistrationOwner: false,
};
