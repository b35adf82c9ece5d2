import type { WorkstationLanguage } from '../../../shared/contract';

// What a practice stamp looks like and how it misbehaves on request. Everything has a realistic
// default so the lead can create one with no settings at all.

export type PracticeStampDurations = {
  /** Opening a PEP session (NTLM, runspace, JEA role loading). */
  connectMs: number;
  /** How long WinRM waits before `WinRMOperationTimeout` on an address that does not answer. */
  unreachableMs: number;
  stampInfoMs: number;
  keyPairMs: number;
  tokenMs: number;
  servicePrincipalMs: number;
  activationMs: number;
  removeActivationMs: number;
};

export type PracticeStampFaults = {
  /** Every action-plan cmdlet fails with ECE's "another action is in progress". */
  actionInProgress: boolean;
  /** Token generation and activation fail to read the hardware of the last node. */
  hardwareInfoUnreachable: boolean;
  /** The `@using:` splat delivers an empty activation key (AzureStack-Tools#593); `-ArgumentList` works. */
  activationKeySplatDropped: boolean;
  /** Like `actionInProgress`, but the busy message comes only in the verbose stream; the final error is unrelated. */
  busyOnlyInVerbose: boolean;
  /** The first activation completes on the stamp, but the session drops before the answer arrives. */
  sessionDropsDuringActivation: boolean;
  /** Close-PrivilegedEndpoint copies the transcripts and ends the session: the transport breaks right after it. */
  closeBreaksSession: boolean;
  /** Entra ID refuses the refresh token New-AzureBridgeServicePrincipal redeems (MFA required). */
  refreshTokenRefused: boolean;
};


/** What the practice stamp accepts as its CloudAdmin password; shown on the connect screen in practice mode. */
export const PRACTICE_PEP_PASSWORD = 'Practice-Pep-1!';

export type PracticeStampSettings = {
  /** ERCS VM addresses, in the order the stamp lists them. */
  ercsAddresses: string[];
  /** The first ERCS address does not answer, to rehearse failover. */
  firstAddressDown: boolean;
  /** DomainNetBIOSName: the PEP accepts `<domain>\CloudAdmin`. */
  domain: string;
  domainFqdn: string;
  stampVersion: string;
  oemVersion: string;
  numberOfNodes: number;
  region: string;
  externalDomainFqdn: string;
  identitySystem: 'AzureAD' | 'ADFS';
  timezone: string;
  /** The CloudAdmin password the stamp accepts; anything else is refused (AccessDenied). */
  cloudAdminPassword: string;
  /** The language of this computer's own WinRM client messages (connection errors). */
  workstationLanguage: WorkstationLanguage;
  /** What the workstation's TrustedHosts holds; defaults to the ERCS addresses; null: it cannot be read. */
  trustedHosts?: string | null;
  /** The workstation's WinRM service (stopped by default on Windows 10 and 11). */
  winrmService: string;
  durations: PracticeStampDurations;
  faults: PracticeStampFaults;
};

/** Settings as the composition root passes them: any subset, nested groups included. */
export type PracticeStampSettingsInput = Partial<Omit<PracticeStampSettings, 'durations' | 'faults'>> & {
  durations?: Partial<PracticeStampDurations>;
  faults?: Partial<PracticeStampFaults>;
};

const DEFAULT_DURATIONS: PracticeStampDurations = {
  connectMs: 1_500,
  unreachableMs: 4_000,
  stampInfoMs: 1_000,
  keyPairMs: 2_000,
  tokenMs: 4_000,
  servicePrincipalMs: 3_000,
  activationMs: 5_000,
  removeActivationMs: 2_000,
};

// Drops keys set to undefined so they do not erase defaults.
const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export const resolveSettings = (input: PracticeStampSettingsInput = {}): PracticeStampSettings => ({
  ercsAddresses: ['10.20.30.224', '10.20.30.225', '10.20.30.226'],
  firstAddressDown: false,
  domain: 'AZURESTACK',
  domainFqdn: 'azurestack.local',
  stampVersion: '1.2406.0.8',
  oemVersion: '2.3.2406.1',
  numberOfNodes: 4,
  region: 'practice',
  externalDomainFqdn: 'azurestack.contoso.com',
  identitySystem: 'AzureAD',
  timezone: 'Pacific Standard Time',
  cloudAdminPassword: PRACTICE_PEP_PASSWORD,
  workstationLanguage: 'en-US',
  winrmService: 'Stopped',
  ...defined(input),
  durations: { ...DEFAULT_DURATIONS, ...defined(input.durations ?? {}) },
  faults: {
    actionInProgress: false,
    hardwareInfoUnreachable: false,
    activationKeySplatDropped: false,
    busyOnlyInVerbose: false,
    sessionDropsDuringActivation: false,
    closeBreaksSession: false,
    refreshTokenRefused: false,
    ...defined(input.faults ?? {}),
  },
});
