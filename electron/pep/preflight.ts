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

/** PowerShell itself; off Windows also its WinRM client, PSWSMan (pep-transport.md §10). */
const powershellCheck = (hello: Hello, facts: HostFacts | undefined): PreflightCheck => {
  const version = `PowerShell ${hello.ps} (${hello.edition})`;
  if (!facts || !offWindows(facts)) return { id: 'powershell', title: 'PowerShell', ok: true, detail: version };
  return facts.pswsman
    ? { id: 'powershell', title: 'PowerShell', ok: true, detail: `${version} on ${facts.platform === 'macos' ? 'macOS' : 'Linux'}, with PSWSMan ${facts.pswsman} for WinRM.` }
    : {
        id: 'powershell',
        title: 'PowerShell',
        ok: false,
        detail: `${version} has no WinRM client here: the PSWSMan module is not installed.`,
        fix: 'Install-Module PSWSMan -Scope CurrentUser',
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
    const missing = missingFromTrustedHosts(hosts, facts.trustedHosts);
    const current = `TrustedHosts is ${facts.trustedHosts === '' ? 'empty' : `'${facts.trustedHosts}'`}.`;
    checks.push(
      missing.length === 0
        ? { id: 'trusted-hosts', title: 'WinRM TrustedHosts', ok: true, detail: `${current} Every ERCS address is trusted.` }
        : {
            id: 'trusted-hosts',
            title: 'WinRM TrustedHosts',
            ok: false,
            detail: `${current} Missing: ${missing.join(', ')}. Run the command below in an elevated PowerShell (-Concatenate keeps the existing entries).${warnings.length ? ` ${warnings.join(' ')}` : ''}`,
            fix: `Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value ${psSingleQuoted(missing.join(','))} -Concatenate`,
          },
    );
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
