import { isAppError } from '../../shared/contract/problems';
import type { AppError } from '../../shared/contract/problems';
import type { PreflightCheck, PreflightReport } from '../../shared/domain/types';
import { exchange } from './exchange';
import type { FinalReply } from './exchange';
import type { HostConnection, Hello } from './host-connection';
import { encodeLine } from './protocol';
import { protocolError } from './errors';
import type { Logger, PepTimeouts, ProbePort, Sleep } from './types';

// Workstation checks run before credentials are asked for (pep-transport.md §9, pain points A1, A5, B1).

type PreflightDeps = {
  launch(): Promise<{ conn: HostConnection; hello: Hello }>;
  probePort: ProbePort;
  sleep: Sleep;
  log: Logger;
  timeouts: PepTimeouts;
  nextRequestId(): string;
};

type HostFacts = Extract<FinalReply, { type: 'preflight' }>;
const WINRM_HTTP = 5985;

/** A value inside a single-quoted PowerShell string: `'` and its typographic look-alikes are doubled. */
export const psSingleQuoted = (value: string): string => `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;

const matchesEntry = (address: string, entry: string): boolean => {
  if (entry === '*') return true;
  const pattern = entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${pattern}$`, 'i').test(address);
};

export const missingFromTrustedHosts = (hosts: readonly string[], trustedHosts: string): string[] => {
  const entries = trustedHosts
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  return hosts.filter((h) => !entries.some((e) => matchesEntry(h, e)));
};

const askHost = async (deps: PreflightDeps, hosts: string[]): Promise<{ hello?: Hello; facts?: HostFacts; warnings: string[]; error?: AppError }> => {
  const warnings: string[] = [];
  let conn: HostConnection | undefined;
  try {
    const started = await deps.launch();
    conn = started.conn;
    if (started.hello.lang !== 'FullLanguage') return { hello: started.hello, warnings };
    const id = deps.nextRequestId();
    const reply = await exchange(conn, id, encodeLine({ op: 'preflight', id, hosts }), {
      sleep: deps.sleep,
      timeoutMs: deps.timeouts.preflight,
      cancelGraceMs: deps.timeouts.cancelGrace,
      onRecord: (m) => void (m.type === 'warning' && warnings.push(m.message)),
      stopped: () => protocolError('no answer to the workstation checks'),
    });
    if (reply.type !== 'preflight') return { hello: started.hello, warnings, error: protocolError(`"${reply.type}" in answer to preflight`) };
    return { hello: started.hello, facts: reply, warnings };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { warnings, error: err };
  } finally {
    await conn?.shutdown(deps.timeouts.exitGrace);
  }
};

const offWindows = (facts: HostFacts): boolean => facts.platform === 'linux' || facts.platform === 'macos';
const TRUSTED_HOSTS_OFF_WINDOWS =
  'Not applicable off Windows: PSWSMan has no TrustedHosts list (no WSMan: drive); it signs in with NTLM (Negotiate) using the credentials you enter.';
const PSWSMAN_3 = 'Install-Module PSWSMan -Scope CurrentUser -MinimumVersion 3.0.0';

/** PowerShell itself; off Windows also its WinRM client, PSWSMan, and how it signs in (pep-transport.md §10). */
const powershellCheck = (hello: Hello, facts: HostFacts | undefined): PreflightCheck => {
  const version = `PowerShell ${hello.ps} (${hello.edition})`;
  if (!facts || !offWindows(facts)) return { id: 'powershell', title: 'PowerShell', ok: true, detail: version };
  const where = facts.platform === 'macos' ? 'macOS' : 'Linux';
  if (!facts.pswsman) {
    return { id: 'powershell', title: 'PowerShell', ok: false, detail: `${version} has no WinRM client here: the PSWSMan module is not installed.`, fix: PSWSMAN_3 };
  }
  const major = Number(facts.pswsman.split('.')[0]);
  if (major >= 3) {
    return {
      id: 'powershell',
      title: 'PowerShell',
      ok: true,
      detail: `${version} on ${where}, with PSWSMan ${facts.pswsman} for WinRM. It signs in through its bundled Devolutions provider (NTLM or Kerberos), so gss-ntlmssp is not needed.`,
    };
  }
  // PSWSMan 2.x signs in through the system GSSAPI: NTLM needs gss-ntlmssp on Linux (macOS has NTLM in GSS.framework).
  const ntlm = facts.gssNtlmssp !== false;
  return {
    id: 'powershell',
    title: 'PowerShell',
    ok: ntlm,
    detail: ntlm
      ? `${version} on ${where}, with PSWSMan ${facts.pswsman} for WinRM (NTLM through the system GSSAPI). PSWSMan 3 (pwsh 7.4 or later) needs no system library.`
      : `${version} on Linux, with PSWSMan ${facts.pswsman}: it signs in with NTLM through GSSAPI, and gss-ntlmssp is not installed (/etc/gss/mech.d/ntlmssp.conf is missing), so the sign-in to the privileged endpoint would fail.`,
    ...(ntlm ? {} : { fix: `${PSWSMAN_3}   (pwsh 7.4 or later; or install gss-ntlmssp, e.g. sudo apt install gss-ntlmssp)` }),
  };
};

const START_WINRM = 'Start-Service WinRM';
const setTrustedHosts = (missing: string[]): string => `Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value ${psSingleQuoted(missing.join(','))} -Concatenate -Force`;

/** TrustedHosts on Windows, read from the registry by the host: unknown when it could not be read. */
const trustedHostsCheck = (facts: HostFacts, hosts: string[], warnings: string[]): PreflightCheck => {
  const title = 'WinRM TrustedHosts';
  const service = facts.winrmService && facts.winrmService !== 'Running' ? ` The WinRM service is ${facts.winrmService.toLowerCase()}: Set-Item on WSMan:\\ needs it running.` : '';
  const startFirst = service ? `${START_WINRM}; ` : '';
  if (facts.trustedHosts === null) {
    return {
      id: 'trusted-hosts',
      title,
      ok: false,
      unknown: true,
      detail: `Unknown: TrustedHosts could not be read from the registry (${facts.trustedHostsError ?? 'no reason given'}). Check it in an elevated PowerShell.${service}`,
      fix: `${startFirst}Get-Item WSMan:\\localhost\\Client\\TrustedHosts`,
    };
  }
  const missing = missingFromTrustedHosts(hosts, facts.trustedHosts);
  const policy = facts.trustedHostsSource === 'policy';
  const current = `TrustedHosts${policy ? ' (set by Group Policy)' : ''} is ${facts.trustedHosts === '' ? 'empty' : `'${facts.trustedHosts}'`}.`;
  if (missing.length === 0) return { id: 'trusted-hosts', title, ok: true, detail: `${current} Every ERCS address is trusted.` };
  const extra = warnings.length ? ` ${warnings.join(' ')}` : '';
  if (policy) {
    return {
      id: 'trusted-hosts',
      title,
      ok: false,
      detail: `${current} Missing: ${missing.join(', ')}. Group Policy sets this list, so Set-Item cannot change it: ask the administrators of that policy (Computer Configuration > Administrative Templates > Windows Components > Windows Remote Management > WinRM Client > Trusted Hosts) to add them.${extra}`,
      fix: `Add ${missing.join(', ')} to the Group Policy "Trusted Hosts" list, then run gpupdate /force.`,
    };
  }
  return {
    id: 'trusted-hosts',
    title,
    ok: false,
    detail: `${current} Missing: ${missing.join(', ')}. Run the command below in an elevated PowerShell (-Concatenate keeps the existing entries).${service}${extra}`,
    fix: `${startFirst}${setTrustedHosts(missing)}`,
  };
};

export const runPreflight = async (deps: PreflightDeps, hosts: string[]): Promise<PreflightReport> => {
  const [host, reachable] = await Promise.all([askHost(deps, hosts), Promise.all(hosts.map((h) => deps.probePort(h, WINRM_HTTP, deps.timeouts.probe)))]);
  const { hello, facts, warnings, error } = host;
  const notRun = hello ? 'Not checked: the host script needs FullLanguage mode.' : 'Not checked: the PowerShell host did not start.';
  const problem = error?.problem;
  const checks: PreflightCheck[] = [];

  checks.push(
    hello
      ? powershellCheck(hello, facts)
      : {
          id: 'powershell',
          title: 'PowerShell',
          ok: problem?.code === 'pep-execution-policy',
          detail: problem?.code === 'pep-execution-policy' ? 'PowerShell starts, but refused to run the host script.' : `${problem?.message ?? notRun} ${problem?.detail ?? ''}`.trim(),
          ...(problem?.action && problem.code !== 'pep-execution-policy' ? { fix: problem.action } : {}),
        },
  );
  checks.push(
    hello
      ? {
          id: 'language-mode',
          title: 'PowerShell language mode',
          ok: hello.lang === 'FullLanguage',
          detail: `Language mode: ${hello.lang}.`,
          ...(hello.lang === 'FullLanguage' ? {} : { fix: 'Allow the signed AzS Registrar script in the AppLocker/WDAC policy, or use another workstation.' }),
        }
      : { id: 'language-mode', title: 'PowerShell language mode', ok: false, detail: notRun },
  );
  checks.push(
    facts
      ? {
          id: 'execution-policy',
          title: 'Execution policy',
          ok: true,
          detail: `Effective policy ${facts.executionPolicy}${facts.executionPolicyScope ? ` (set at ${facts.executionPolicyScope})` : ''}; the signed host script runs.`,
        }
      : problem?.code === 'pep-execution-policy'
        ? { id: 'execution-policy', title: 'Execution policy', ok: false, detail: problem.detail ?? problem.message, ...(problem.action ? { fix: problem.action } : {}) }
        : { id: 'execution-policy', title: 'Execution policy', ok: false, detail: notRun },
  );

  if (facts && offWindows(facts)) {
    checks.push({ id: 'trusted-hosts', title: 'WinRM TrustedHosts', ok: true, detail: TRUSTED_HOSTS_OFF_WINDOWS });
  } else if (facts) {
    checks.push(trustedHostsCheck(facts, hosts, warnings));
  } else {
    checks.push({ id: 'trusted-hosts', title: 'WinRM TrustedHosts', ok: false, detail: notRun });
  }

  const ports = hosts.map((h, i) => `${h}: ${reachable[i] ? 'reachable' : 'no answer'}`).join('; ');
  const anyReachable = reachable.some(Boolean);
  checks.push({
    id: 'winrm-port',
    title: `WinRM port ${WINRM_HTTP}`,
    ok: anyReachable,
    detail: `${ports}.`,
    ...(anyReachable ? {} : { fix: `Check the network path and firewall from this computer to TCP ${WINRM_HTTP} on the ERCS addresses.` }),
  });
  deps.log.info('PEP preflight finished', { checks: checks.map((c) => `${c.id}:${c.ok ? 'ok' : 'fail'}`) });
  return { ok: checks.every((c) => c.ok), checks };
};
