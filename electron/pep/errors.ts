import { AppError } from '../../shared/contract/problems';
import type { ProblemCode } from '../../shared/contract/problems';
import type { HostError } from './protocol';

// Maps what PowerShell reported to an operator-facing problem (pep-transport.md §11,
// registration-contract.md §5). This computer's own errors (WinRM client, transport) are recognised by
// FullyQualifiedErrorId, WinRM error code and exception type, because their text is in the workstation's
// language; their English text is only a fallback for records that carry no error ID. The stamp's own
// messages are English and matched by text. Raw text always goes to `detail`.

type Rule = {
  code: ProblemCode;
  test(e: HostError, ctx: ErrorContext): RegExpExecArray | boolean | null;
  message(m: RegExpExecArray | null, ctx: ErrorContext): string;
  action: string;
  retryable: boolean;
};

export type ErrorContext = {
  /** The command that ran; absent while connecting. */
  cmdlet?: string;
  address?: string;
  /** The last verbose and warning lines the command wrote: the stamp sometimes says what went wrong only there. */
  recent?: readonly string[];
};

/** The first part of a FullyQualifiedErrorId ("LogonFailure,PSSessionOpenFailed" → "LogonFailure"). */
const idHead = (e: HostError): string => (e.fqid ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
const fq = (e: HostError, id: string): boolean => (e.fqid ?? '').toLowerCase().includes(id.toLowerCase());
const headIn = (e: HostError, ids: readonly string[]): boolean => ids.some((id) => id.toLowerCase() === idHead(e));
const text = (re: RegExp) => (e: HostError) => re.exec(e.message);
/** English text of this computer's own messages: only when the record carries no error ID. */
const fallbackText = (e: HostError, re: RegExp): boolean => e.fqid === undefined && re.test(e.message);
const isLocal = (e: HostError): boolean => e.origin !== 'remote';

// PowerShell's names for WinRM error codes (WSManTransportManagerUtils); unnamed codes appear as numbers.
const CREDENTIAL_IDS = ['AccessDenied', 'LogonFailure', 'AuthenticationFailed'];
/** 5 access denied, 1311 no logon servers, 1326 logon failure, 1327/1330/1331 account restrictions, 1909 locked out, SEC_E_LOGON_DENIED. */
const CREDENTIAL_CODES = new Set([5, 1311, 1326, 1327, 1330, 1331, 1909, -2146893044]);
const NETWORK_IDS = ['WinRMOperationTimeout', 'WinRMOperationAborted', 'NetworkPathNotFound', 'ComputerNotFound', 'CannotConnectWinRMService', 'ImproperResponse', 'URLNotAvailable', 'JobDisconnected'];
const TRUST_IDS = ['CannotUseIPAddress', 'ServerNotTrusted', 'WorkgroupCannotUseKerberos'];
const BROKEN_SESSION = new Set(['broken', 'closed', 'disconnected']);
const TRANSPORT_TYPE = /PSRemotingTransportException$/i;

/** A failure of this computer's connection to the endpoint, not something the stamp reported. */
export const isTransportFailure = (e: HostError): boolean =>
  isLocal(e) &&
  (headIn(e, NETWORK_IDS) ||
    fq(e, 'PSSessionStateBroken') ||
    TRANSPORT_TYPE.test(e.type ?? '') ||
    TRANSPORT_TYPE.test(e.reason ?? '') ||
    BROKEN_SESSION.has((e.sessionState ?? '').toLowerCase()));

const TRUSTED_HOSTS_FIX = "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '<ERCS address>' -Concatenate";

const EXECUTION_POLICY_TEXT = /running scripts is disabled|is not digitally signed|cannot be loaded because|AuthorizationManager check failed|execution policy/i;
const EXECUTION_POLICY_ACTION =
  'Group Policy decides the effective execution policy (Get-ExecutionPolicy -List). Ask your administrator to allow the signed AzS Registrar script, or use a workstation without that policy.';

/** The command a CommandNotFoundException names: its target, else the quoted term of the English text. */
const missingCommand = (e: HostError): string | undefined => e.target ?? /The term '([^']+)' is not recognized/i.exec(e.message)?.[1];
const commandNotFound = (e: HostError): boolean =>
  headIn(e, ['CommandNotFoundException']) || /CommandNotFoundException$/i.test(e.type ?? '') || /The term '[^']+' is not recognized/i.test(e.message);

// The stamp's own messages: they may arrive as the error, or only in the verbose or warning stream.
const STAMP_MESSAGE_RULES: Rule[] = [
  {
    code: 'pep-busy',
    test: text(/Cannot invoke action plan because another action is in progress/i),
    message: () => 'The stamp is busy with another operation (an update or another action plan is running).',
    action: 'Wait until the running operation has finished (admin portal, Updates), then try again. Your progress is saved.',
    retryable: true,
  },
  {
    code: 'pep-hardware-info',
    test: text(/Could not retrieve mandatory hardware info for (\S+?)\.?(?:\s|$)|Cannot connect to (\S+) to get hardware info/i),
    message: (m) => `The stamp could not read the hardware inventory of host ${m?.[1] ?? m?.[2] ?? '(unnamed)'}.`,
    action: 'Check that physical host and its connectivity (admin portal, Scale units), then try again.',
    retryable: true,
  },
  {
    // The stamp redeems the operator's refresh token at Entra ID: MFA, Conditional Access, an expired or
    // revoked token, or a token for another client all end here (MCW-Azure-Stack#42).
    code: 'pep-refresh-token-refused',
    test: (e, ctx) => (ctx.cmdlet === 'New-AzureBridgeServicePrincipal' ? /\b(AADSTS\d+)\b|invalid_grant|interaction_required/i.exec(e.message) : null),
    message: (m) => `The stamp could not use your Azure sign-in to create its Azure Bridge service principal${m?.[1] ? ` (${m[1]})` : ''}: Entra ID refused the refresh token.`,
    action:
      'Nothing was registered in Azure yet. Sign in to Azure again interactively (browser or code; complete multi-factor authentication if your directory asks), then run the connected registration again.',
    retryable: true,
  },
];

const RULES: Rule[] = [
  {
    // pwsh on Linux/macOS without PSWSMan (pep-host.ps1 Enable-WSManClient, PowerShell/PowerShell#20806).
    code: 'pep-powershell-missing',
    test: (e) => fq(e, 'PSWSManMissing') || /no supported WSMan client library was found/i.test(e.message),
    message: () => 'PowerShell 7 on this computer cannot reach the privileged endpoint: the PSWSMan module (its WinRM client) is missing.',
    action:
      'In pwsh (7.4 or later) run: Install-Module PSWSMan -Scope CurrentUser, then connect again (AzS Registrar enables it; with PSWSMan 2.x also run Install-WSMan once as root, per the module documentation).',
    retryable: false,
  },
  {
    code: 'pep-not-privileged-endpoint',
    test: text(/Cannot find the PrivilegedEndpoint session configuration/i),
    message: (_m, c) => `${c.address ?? 'This address'} answered, but it is not a privileged endpoint (ERCS virtual machine).`,
    action: 'Check the ERCS addresses: use the EmergencyConsoleIPAddresses of the stamp (AzureStackStampInformation.json or the admin portal).',
    retryable: false,
  },
  {
    code: 'pep-trusted-hosts',
    test: (e) =>
      isLocal(e) &&
      (headIn(e, TRUST_IDS) ||
        fallbackText(e, /Default authentication may be used with an IP address|If the authentication scheme is different from Kerberos|TrustedHosts/i)),
    message: (_m, c) => `This computer does not trust ${c.address ?? 'the privileged endpoint address'} for NTLM sign-in (WinRM TrustedHosts).`,
    action: `In an elevated PowerShell, run: ${TRUSTED_HOSTS_FIX} (the workstation checks show the exact command), then connect again.`,
    retryable: false,
  },
  {
    // Only while connecting: "Access is denied" from a running command is the stamp's business, not the password.
    code: 'pep-access-denied',
    test: (e, c) =>
      c.cmdlet === undefined &&
      isLocal(e) &&
      (headIn(e, CREDENTIAL_IDS) ||
        (e.transportCode !== undefined && CREDENTIAL_CODES.has(e.transportCode)) ||
        fallbackText(e, /Access is denied|user name or password is incorrect/i)),
    message: () => 'The privileged endpoint refused the user name or password. It was tried once, so the account is not locked out by retries.',
    action:
      'Enter the CloudAdmin account as <domain>\\CloudAdmin (ASDK: AzureStack\\CloudAdmin) and check the password. Repeated failures can lock the account.',
    retryable: false,
  },
  {
    // Only real transport failures of this computer; no free text ("operation timed out" may be the stamp's).
    code: 'pep-unreachable',
    test: (e) => isTransportFailure(e),
    message: (_m, c) =>
      c.cmdlet
        ? `The connection to the privileged endpoint ${c.address ?? ''} broke while ${c.cmdlet} ran.`.replace('  ', ' ')
        : `The privileged endpoint ${c.address ?? ''} did not answer over WinRM (port 5985).`.replace('  ', ' '),
    action: 'Try another ERCS address, and check the network path and firewall to port 5985.',
    retryable: true,
  },
  {
    code: 'pep-scripts-not-allowed',
    test: (e) => fq(e, 'ScriptsNotAllowed') || /syntax is not supported by this runspace/i.test(e.message),
    message: () => 'The privileged endpoint refused the command as a script. This is a defect in AzS Registrar.',
    action: 'Report this with the details below. Nothing was changed on the stamp.',
    retryable: false,
  },
  {
    code: 'pep-unknown-parameter',
    test: (e) => /A parameter cannot be found that matches parameter name '([^']+)'/i.exec(e.message) ?? headIn(e, ['NamedParameterNotFound']),
    message: (m, c) => `This stamp build does not know the parameter -${m?.[1] ?? '?'} of ${c.cmdlet ?? 'the command'}.`,
    action: 'The stamp is older than the build that introduced this parameter: update the stamp, or choose options it supports.',
    retryable: false,
  },
  {
    // Only when the missing command is the one we ran: a command missing inside it is another story.
    code: 'pep-unknown-cmdlet',
    test: (e, c) => commandNotFound(e) && c.cmdlet !== undefined && missingCommand(e)?.toLowerCase() === c.cmdlet.toLowerCase(),
    message: (_m, c) => `This stamp build does not offer ${c.cmdlet ?? 'this command'} on its privileged endpoint.`,
    action: 'Update the stamp to a build that supports this step.',
    retryable: false,
  },
  {
    code: 'pep-failed',
    test: (e) => commandNotFound(e),
    message: (_m, c) => `${c.cmdlet ?? 'The command'} failed on the stamp: a command it needs is missing on the privileged endpoint.`,
    action: 'Report this to your Azure Stack Hub support with the details below; the stamp may need a repair or an update.',
    retryable: false,
  },
  ...STAMP_MESSAGE_RULES,
  {
    code: 'pep-empty-activation-key',
    test: text(/Cannot bind argument to parameter 'ActivationKey' because it is an empty string/i),
    message: () => 'The stamp received an empty activation key.',
    action: 'Import the activation key file again. If it happens again, report it with the details below.',
    retryable: false,
  },
  {
    code: 'pep-already-registered',
    test: text(/Cloud identifier \[?([0-9a-f-]{36})\]? is already registered/i),
    message: (m) => `This stamp (cloud ID ${m?.[1] ?? ''}) is already registered in Azure under another registration.`,
    action: 'Reuse the existing registration name and resource group (admin portal, Region management, Properties), or remove the old registration first.',
    retryable: false,
  },
  {
    code: 'pep-execution-policy',
    test: (e) => isLocal(e) && (headIn(e, ['UnauthorizedAccess']) || fallbackText(e, EXECUTION_POLICY_TEXT)),
    message: () => 'PowerShell execution policy on this computer blocked the AzS Registrar host script.',
    action: EXECUTION_POLICY_ACTION,
    retryable: false,
  },
];

const describe = (e: HostError, recent: readonly string[]): string =>
  [
    e.message,
    e.fqid && `FullyQualifiedErrorId: ${e.fqid}`,
    e.category && `Category: ${e.category}`,
    e.reason && `Reason: ${e.reason}`,
    e.type && `Exception: ${e.type}`,
    e.origin && `Reported by: ${e.origin === 'remote' ? 'the privileged endpoint' : 'this computer'}`,
    e.target && `Target: ${e.target}`,
    e.transportCode !== undefined && `Transport error code: ${e.transportCode}`,
    e.sessionState && `Session state: ${e.sessionState}`,
    e.jobState && `Job state: ${e.jobState}`,
    recent.length > 0 && `Last messages from the stamp:\n${recent.join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n');

const toAppError = (rule: Rule, hit: RegExpExecArray | boolean, ctx: ErrorContext, extra: Partial<AppError['problem']>): AppError => {
  const m = typeof hit === 'boolean' ? null : hit;
  return new AppError(rule.code, rule.message(m, ctx), { action: rule.action, retryable: rule.retryable, ...extra });
};

/**
 * Turns an error record sent by the host into an AppError. `redact` removes secrets from raw text. When
 * the record itself says nothing specific, the last verbose and warning lines are searched for the
 * stamp's known messages (busy, hardware unreadable), which it may report only there.
 */
export const fromHostError = (e: HostError, ctx: ErrorContext, redact: (s: string) => string): AppError => {
  const recent = ctx.recent ?? [];
  const extra = { detail: redact(describe(e, recent)), ...(e.fqid ? { reference: e.fqid } : {}) };
  for (const rule of RULES) {
    const hit = rule.test(e, ctx);
    if (hit) return toAppError(rule, hit, ctx, extra);
  }
  for (const line of [...recent].reverse()) {
    for (const rule of STAMP_MESSAGE_RULES) {
      const hit = rule.test({ message: line }, ctx);
      if (hit) return toAppError(rule, hit, ctx, extra);
    }
  }
  const where = ctx.cmdlet ? `${ctx.cmdlet} failed on the privileged endpoint.` : 'The privileged endpoint reported an error.';
  return new AppError('pep-failed', where, { action: 'Read the details below; try again once the cause is fixed.', retryable: false, ...extra });
};

/** The host process ended (or closed stdout) while requests were outstanding, or before saying hello. */
export const hostStopped = (exit: { code: number | null; signal: string | null }, stderrTail: string): AppError => {
  const how = exit.signal ? `signal ${exit.signal}` : exit.code === null ? 'stdout closed' : `exit code ${exit.code}`;
  const detail = [`PowerShell host stopped (${how}).`, stderrTail && `stderr:\n${stderrTail}`].filter(Boolean).join('\n');
  if (EXECUTION_POLICY_TEXT.test(stderrTail)) {
    return new AppError('pep-execution-policy', 'PowerShell execution policy on this computer blocked the AzS Registrar host script.', {
      action: EXECUTION_POLICY_ACTION,
      detail,
    });
  }
  return new AppError('pep-host-crashed', 'The PowerShell host process stopped unexpectedly.', {
    action: 'Try again: a new PowerShell host is started for the next command. If it keeps happening, send the details to support.',
    retryable: true,
    detail,
  });
};

export const powershellMissing = (command: string, cause: string): AppError =>
  new AppError('pep-powershell-missing', 'PowerShell could not be started on this computer.', {
    action: 'Windows PowerShell 5.1 is part of Windows; check that it is not removed or blocked. For PowerShell 7, check the configured path.',
    detail: `${command}: ${cause}`,
  });

export const languageModeRefused = (lang: string): AppError =>
  new AppError('pep-language-mode', `PowerShell runs in ${lang} mode on this computer; registration needs FullLanguage.`, {
    action:
      'AppLocker or WDAC policy restricts PowerShell here. Allow the signed AzS Registrar script, or run the registration from another workstation.',
    detail: `$ExecutionContext.SessionState.LanguageMode = ${lang}`,
  });

export const protocolError = (what: string, detail?: string): AppError =>
  new AppError('pep-protocol', `The PowerShell host answered in an unexpected way: ${what}.`, {
    action: 'Try again. If it keeps happening, check that the AzS Registrar installation is intact.',
    retryable: true,
    ...(detail ? { detail } : {}),
  });
