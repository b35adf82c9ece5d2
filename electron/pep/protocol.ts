import { z } from 'zod';

// The line protocol between the main process and a PEP host (resources/pep-host.ps1, the practice
// stamp, or the test fake): one compact ASCII JSON object per line, every non-ASCII character
// escaped as \uXXXX, in both directions. See shared reference pep-transport.md §3.

export const PROTOCOL_VERSION = 1;

/** The cmdlets a host will run. Anything else is refused before it leaves Node. */
export const ALLOWED_CMDLETS = [
  'Get-AzureStackStampInformation',
  'Set-RegistrationKeyPair',
  'New-RegistrationToken',
  'New-AzureBridgeServicePrincipal',
  'New-AzureStackActivation',
  'Remove-AzureStackActivation',
] as const;
export type AllowedCmdlet = (typeof ALLOWED_CMDLETS)[number];

const ParamValue = z.union([z.string(), z.number(), z.boolean()]);
export type ParamValue = z.infer<typeof ParamValue>;

// Node → host
export const ConnectMessage = z.object({
  op: z.literal('connect'),
  id: z.string(),
  hosts: z.array(z.string()).min(1).max(3),
  user: z.string(),
  /** The only field that ever carries the password. */
  password: z.string(),
  culture: z.literal('en-US'),
  idleTimeoutMs: z.number().int().positive(),
});
export const InvokeMessage = z.object({
  op: z.literal('invoke'),
  id: z.string(),
  cmd: z.enum(ALLOWED_CMDLETS),
  params: z.record(z.string(), ParamValue),
  /** Use the `-ArgumentList` form (activation key fallback, AzureStack-Tools#593). */
  argumentListForm: z.boolean().optional(),
  timeoutMs: z.number().int().positive(),
  /**
   * New-AzureBridgeServicePrincipal only: the Azure refresh token, a secret field like the connect
   * password (never in `params`); the host adds it to that cmdlet's splat as -RefreshToken.
   */
  refreshToken: z.string().optional(),
});
const CancelMessage = z.object({ op: z.literal('cancel'), id: z.string() });
export const CloseMessage = z.object({
  op: z.literal('close'),
  id: z.string(),
  transcriptShare: z.string().optional(),
  shareUser: z.string().optional(),
  sharePassword: z.string().optional(),
});
/** Workstation checks run before credentials are asked for (TrustedHosts, execution policy). */
export const PreflightMessage = z.object({ op: z.literal('preflight'), id: z.string(), hosts: z.array(z.string()).min(1).max(3) });
export const NodeToHost = z.discriminatedUnion('op', [
  PreflightMessage,
  ConnectMessage,
  InvokeMessage,
  CancelMessage,
  CloseMessage,
]);
export type NodeToHost = z.infer<typeof NodeToHost>;

// host → Node
export const HostError = z.object({
  message: z.string(),
  fqid: z.string().optional(),
  category: z.string().optional(),
  reason: z.string().optional(),
  type: z.string().optional(),
  transportCode: z.number().optional(),
  /** 'remote': the endpoint reported it (a RemotingErrorRecord); 'local': this computer (WinRM client, transport, host). */
  origin: z.enum(['local', 'remote']).optional(),
  /** The error record's TargetObject when it is a short string (e.g. the command that was not found). */
  target: z.string().optional(),
  /** The PSSession state after a failed command (Opened, Broken, Closed, Disconnected). */
  sessionState: z.string().optional(),
  /** The job state of a failed command (Failed, Stopped, Blocked, Disconnected). */
  jobState: z.string().optional(),
});
export type HostError = z.infer<typeof HostError>;

export const HostToNode = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    ps: z.string(),
    edition: z.string(),
    lang: z.string(),
    protocol: z.number(),
  }),
  z.object({ type: z.literal('connected'), id: z.string(), host: z.string(), notices: z.array(z.string()).optional() }),
  z.object({
    type: z.literal('progress'),
    id: z.string(),
    activity: z.string(),
    status: z.string().optional(),
    percent: z.number().optional(),
    secondsRemaining: z.number().optional(),
  }),
  z.object({ type: z.enum(['verbose', 'warning', 'information']), id: z.string(), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.string(), output: z.array(z.unknown()), errors: z.array(HostError) }),
  z.object({ type: z.literal('error'), id: z.string(), error: HostError }),
  z.object({
    type: z.literal('preflight'),
    id: z.string(),
    /**
     * TrustedHosts as WinRM's client reads it, from the registry (Group Policy first, then the local client
     * setting): '' when empty, '*' for all, null when it could not be read (then trustedHostsError says why).
     */
    trustedHosts: z.string().nullable(),
    trustedHostsSource: z.enum(['policy', 'client']).optional(),
    trustedHostsError: z.string().optional(),
    /** Windows: status of the WinRM service (Running, Stopped, ...; 'unknown' when unreadable). */
    winrmService: z.string().optional(),
    executionPolicy: z.string(),
    executionPolicyScope: z.string().optional(),
    /** Where the host runs; absent from Windows hosts. Off Windows there is no TrustedHosts list (pep-transport.md §10). */
    platform: z.enum(['windows', 'linux', 'macos']).optional(),
    /** Off Windows: version of the PSWSMan module found, absent when it is not installed. */
    pswsman: z.string().optional(),
    /** Linux with PSWSMan 2.x only: whether gss-ntlmssp is registered with GSSAPI (NTLM needs it there). */
    gssNtlmssp: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('closed'),
    id: z.string(),
    transcriptsCopied: z.boolean().optional(),
    /** 'probably-copied': the transport broke right after Close-PrivilegedEndpoint, which ends the session. */
    transcripts: z.enum(['copied', 'probably-copied', 'failed', 'none']).optional(),
  }),
]);
export type HostToNode = z.infer<typeof HostToNode>;

/** Escapes every non-ASCII UTF-16 code unit, so console code pages never matter. */
export const encodeLine = (message: unknown): string =>
  JSON.stringify(message).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
