import type { PracticeScenario } from './schemas';

// Lists of choices and defaults, free of zod: main's schemas build on them and the renderer shows them
// (it imports this module directly, not the contract's index, so no schema code reaches the window).

/** Microsoft.AzureStack api-versions the app can use for registration calls (contract §2.2). */
export const REGISTRATION_API_VERSIONS = ['2017-06-01', '2022-06-01'] as const;
export type RegistrationApiVersion = (typeof REGISTRATION_API_VERSIONS)[number];

/** Stamp builds practice mode simulates, one on each side of the PEP version gates (contract §1.9). */
export const PRACTICE_STAMP_VERSIONS = ['1.1910.0.58', '1.2005.0.40', '1.2206.0.6', '1.2406.0.8'] as const;
/** What the practice Azure identity may do: Owner, the documented custom roles, the built-in role. */
export const PRACTICE_PERMISSION_PROFILES = ['owner', 'registration-role', 'registration-role-2019', 'registration-owner-builtin', 'user-access-administrator'] as const;

/** The languages of the workstation's own WinRM client messages practice can show (error IDs do not change). */
export const WORKSTATION_LANGUAGES = ['en-US', 'fr-FR'] as const;
export type WorkstationLanguage = (typeof WORKSTATION_LANGUAGES)[number];
/** A registration the practice Azure holds from the start (lifecycle rehearsals). */
export const PRACTICE_AZURE_REGISTRATIONS = ['none', 'this-stamp', 'expired-capacity', 'another-stamp'] as const;
/**
 * The registration the status screen meets: as practised (the practice stamp's own activation, an
 * empty practice Azure), or a stamp registered before the rehearsal whose registration is intact,
 * expired, deleted in Azure, in a subscription whose directory changed, or moved to another group.
 */
export const PRACTICE_STATUS_REHEARSALS = ['as-practised', 'registered', 'expired', 'resource-deleted', 'directory-changed', 'moved'] as const;
/** How practice sign-in ends. */
export const PRACTICE_SIGN_IN_OUTCOMES = ['completes', 'browser-abandoned', 'login-unreachable'] as const;

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
  statusRehearsal: 'as-practised',
  stampArmCertificateUntrusted: false,
  azureRegistration: 'none',
  registrationDeleteRefused: false,
  refreshTokenRefused: false,
  roleAssignmentForbidden: false,
  notRegistrationOwner: false,
};
