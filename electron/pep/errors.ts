import { AppError } from '../../shared/contract/problems';
import type { ProblemCode } from '../../shared/contract/problems';
import type { HostError } from './protocol';

// Maps what PowerShell reported to an operator-facing problem. FullyQualifiedErrorId first, then the
// message text (pep-transport.md §11, registration-contract.md §5). Raw text always goes to `detail`.

type Rule = {
  code: ProblemCode;
  test(e: HostError): RegExpExecArray | boolean | null;
  message(m: RegExpExecArray | null, ctx: ErrorContext): string;
  action: string;
  retryable: boolean;
};

type ErrorContext = { cmdlet?: string; address?: string };

const fq = (e: HostError, id: string): boolean => (e.fqid ?? '').toLowerCase().includes(id.toLowerCase());
const text = (re: RegExp) => (e: HostError) => re.exec(e.message);

const TRUSTED_HOSTS_FIX = "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '<ERCS address>' -Concatenate";

const EXECUTION_POLICY_TEXT = /running scripts is disabled|is not digitally signed|cannot be loaded because|AuthorizationManager check failed|execution policy/i;
const EXECUTION_POLICY_ACTION =
  'Group Policy decides the effective execution policy (Get-ExecutionPolicy -List). Ask your administrator to allow the signed AzS Registrar script, or use a workstation without that policy.';

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
      fq(e, 'CannotUseIPAddress') ||
      /Default authentication may be used with an IP address|If the authentication scheme is different from Kerberos|TrustedHosts/i.test(e.message),
    message: (_m, c) => `This computer does not trust ${c.address ?? 'the privileged endpoint address'} for NTLM sign-in (WinRM TrustedHosts).`,
    action: `In an elevated PowerShell, run: ${TRUSTED_HOSTS_FIX} (the workstation checks show the exact command), then connect again.`,
    retryable: false,
  },
  {
    code: 'pep-access-denied',
    test: (e) => fq(e, 'AccessDenied') || /Access is denied/i.test(e.message),
    message: () => 'The privileged endpoint refused the user name or password.',
    action:
      'Enter the CloudAdmin account as <domain>\\CloudAdmin (ASDK: AzureStack\\CloudAdmin) and check the password. Repeated failures can lock the account.',
    retryable: false,
  },
  {
    code: 'pep-unreachable',
    test: (e) =>
      fq(e, 'WinRMOperationTimeout') ||
      fq(e, 'PSSessionStateBroken') ||
      /WinRM (?:client )?cannot complete the operation|operation timed out|network path was not found|The client cannot connect to the destination/i.test(e.message),
    message: (_m, c) => `The privileged endpoint ${c.address ?? ''} did not answer over WinRM (port 5985).`.replace('  ', ' '),
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
    test: text(/A parameter cannot be found that matches parameter name '([^']+)'/i),
    message: (m, c) => `This stamp build does not know the parameter -${m?.[1] ?? '?'} of ${c.cmdlet ?? 'the command'}.`,
    action: 'The stamp is older than the build that introduced this parameter: update the stamp, or choose options it supports.',
    retryable: false,
  },
  {
    code: 'pep-unknown-cmdlet',
    test: (e) => fq(e, 'CommandNotFoundException') || /The term '[^']+' is not recognized/i.test(e.message),
    message: (_m, c) => `This stamp build does not offer ${c.cmdlet ?? 'this command'} on its privileged endpoint.`,
    action: 'Update the stamp to a build that supports this step.',
    retryable: false,
  },
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
    test: (e) => fq(e, 'UnauthorizedAccess') || EXECUTION_POLICY_TEXT.test(e.message),
    message: () => 'PowerShell execution policy on this computer blocked the AzS Registrar host script.',
    action: EXECUTION_POLICY_ACTION,
    retryable: false,
  },
];

const describe = (e: HostError): string =>
  [
    e.message,
    e.fqid && `FullyQualifiedErrorId: ${e.fqid}`,
    e.category && `Category: ${e.category}`,
    e.reason && `Reason: ${e.reason}`,
    e.type && `Exception: ${e.type}`,
    e.transportCode !== undefined && `Transport error code: ${e.transportCode}`,
  ]
    .filter(Boolean)
    .join('\n');

/** Turns an error record sent by the host into an AppError. `redact` removes secrets from raw text. */
export const fromHostError = (e: HostError, ctx: ErrorContext, redact: (s: string) => string): AppError => {
  const extra = { detail: redact(describe(e)), ...(e.fqid ? { reference: e.fqid } : {}) };
  for (const rule of RULES) {
    const hit = rule.test(e);
    if (hit) {
      const m = typeof hit === 'boolean' ? null : hit;
      return new AppError(rule.code, rule.message(m, ctx), { action: rule.action, retryable: rule.retryable, ...extra });
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
