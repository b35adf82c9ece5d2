import { isAppError } from '../../shared/contract/problems';
import { said, textOf } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
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
const PSWSMAN_3 = 'Install-Module PSWSMan -Scope CurrentUser -MinimumVersion 3.0.0';

// Each check's name, in the UI language.
const TITLES = {
  powershell: said('preflight.title-powershell', 'PowerShell'),
  'language-mode': said('preflight.title-language-mode', 'PowerShell language mode'),
  'execution-policy': said('preflight.title-execution-policy', 'Execution policy'),
  'trusted-hosts': said('preflight.title-trusted-hosts', 'WinRM TrustedHosts'),
  'winrm-port': said('preflight.title-winrm-port', `WinRM port ${WINRM_HTTP}`, { port: WINRM_HTTP }),
} satisfies Record<PreflightCheck['id'], Said>;
type Check = Omit<PreflightCheck, 'title'>;
const titled = (c: Check): PreflightCheck => ({ ...c, title: TITLES[c.id] });

/** PowerShell itself; off Windows also its WinRM client, PSWSMan, and how it signs in (pep-transport.md §10). */
const powershellCheck = (hello: Hello, facts: HostFacts | undefined): Check => {
  const ps = { version: hello.ps, edition: hello.edition };
  const version = `PowerShell ${hello.ps} (${hello.edition})`;
  if (!facts || !offWindows(facts)) return { id: 'powershell', ok: true, detail: said('preflight.powershell', version, ps) };
  const os = facts.platform === 'macos' ? 'macOS' : 'Linux';
  if (!facts.pswsman) {
    return {
      id: 'powershell',
      ok: false,
      detail: said('preflight.pswsman-missing', `${version} has no WinRM client here: the PSWSMan module is not installed.`, ps),
      fix: PSWSMAN_3,
    };
  }
  const pswsman = facts.pswsman;
  const major = Number(pswsman.split('.')[0]);
  if (major >= 3) {
    return {
      id: 'powershell',
      ok: true,
      detail: said(
        'preflight.pswsman-3',
        `${version} on ${os}, with PSWSMan ${pswsman} for WinRM. It signs in through its bundled Devolutions provider (NTLM or Kerberos), so gss-ntlmssp is not needed.`,
        { ...ps, os, pswsman },
      ),
    };
  }
  // PSWSMan 2.x signs in through the system GSSAPI: NTLM needs gss-ntlmssp on Linux (macOS has NTLM in GSS.framework).
  if (facts.gssNtlmssp !== false) {
    return {
      id: 'powershell',
      ok: true,
      detail: said(
        'preflight.pswsman-2',
        `${version} on ${os}, with PSWSMan ${pswsman} for WinRM (NTLM through the system GSSAPI). PSWSMan 3 (pwsh 7.4 or later) needs no system library.`,
        { ...ps, os, pswsman },
      ),
    };
  }
  return {
    id: 'powershell',
    ok: false,
    detail: said(
      'preflight.pswsman-2-no-ntlm',
      `${version} on Linux, with PSWSMan ${pswsman}: it signs in with NTLM through GSSAPI, and gss-ntlmssp is not installed (/etc/gss/mech.d/ntlmssp.conf is missing), so the sign-in to the privileged endpoint would fail.`,
      { ...ps, pswsman },
    ),
    fix: PSWSMAN_3,
    step: said('preflight.pswsman-2-step', 'PSWSMan 3 needs pwsh 7.4 or later; or install gss-ntlmssp instead, e.g. sudo apt install gss-ntlmssp.'),
  };
};

const START_WINRM = 'Start-Service WinRM';
const setTrustedHosts = (missing: string[]): string => `Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value ${psSingleQuoted(missing.join(','))} -Concatenate -Force`;

/** What TrustedHosts holds now, and who sets it. */
const currentTrustedHosts = (facts: HostFacts & { trustedHosts: string }): Said => {
  const policy = facts.trustedHostsSource === 'policy';
  const by = policy ? ' (set by Group Policy)' : '';
  if (facts.trustedHosts === '') return policy ? said('preflight.trusted-hosts-policy-empty', `TrustedHosts${by} is empty.`) : said('preflight.trusted-hosts-empty', 'TrustedHosts is empty.');
  const list = facts.trustedHosts;
  return policy
    ? said('preflight.trusted-hosts-policy-list', `TrustedHosts${by} is '${list}'.`, { list })
    : said('preflight.trusted-hosts-list', `TrustedHosts is '${list}'.`, { list });
};

/** TrustedHosts on Windows, read from the registry by the host: unknown when it could not be read. */
const trustedHostsCheck = (facts: HostFacts, hosts: string[], warnings: string[]): Check => {
  const stopped = facts.winrmService && facts.winrmService !== 'Running' ? facts.winrmService.toLowerCase() : undefined;
  const service = stopped ? [said('preflight.winrm-service', `The WinRM service is ${stopped}: Set-Item on WSMan:\\ needs it running.`, { state: stopped })] : [];
  const startFirst = stopped ? `${START_WINRM}; ` : '';
  // The host's own warnings (its words) go with the finding.
  const hostSaid = warnings.map((words) => said('session.host-said', words, { words }));
  if (facts.trustedHosts === null) {
    const reason = facts.trustedHostsError ?? said('preflight.no-reason', 'no reason given');
    return {
      id: 'trusted-hosts',
      ok: false,
      unknown: true,
      detail: said('preflight.trusted-hosts-unknown', `Unknown: TrustedHosts could not be read from the registry (${textOf(reason)}). Check it in an elevated PowerShell.`, { reason }),
      ...(service.length ? { more: service } : {}),
      fix: `${startFirst}Get-Item WSMan:\\localhost\\Client\\TrustedHosts`,
    };
  }
  const missingHosts = missingFromTrustedHosts(hosts, facts.trustedHosts);
  const current = currentTrustedHosts({ ...facts, trustedHosts: facts.trustedHosts });
  if (missingHosts.length === 0) return { id: 'trusted-hosts', ok: true, detail: said('preflight.trusted-hosts-all', `${current.text} Every ERCS address is trusted.`, { current }) };
  const missing = missingHosts.join(', ');
  if (facts.trustedHostsSource === 'policy') {
    return {
      id: 'trusted-hosts',
      ok: false,
      detail: said(
        'preflight.trusted-hosts-policy-missing',
        `${current.text} Missing: ${missing}. Group Policy sets this list, so Set-Item cannot change it: ask the administrators of that policy (Computer Configuration > Administrative Templates > Windows Components > Windows Remote Management > WinRM Client > Trusted Hosts) to add them.`,
        { current, missing },
      ),
      ...(hostSaid.length ? { more: hostSaid } : {}),
      step: said('preflight.trusted-hosts-policy-step', `Add ${missing} to the Group Policy "Trusted Hosts" list, then run gpupdate /force.`, { missing }),
    };
  }
  const more = [...service, ...hostSaid];
  return {
    id: 'trusted-hosts',
    ok: false,
    detail: said(
      'preflight.trusted-hosts-missing',
      `${current.text} Missing: ${missing}. Run the command below in an elevated PowerShell (-Concatenate keeps the existing entries).`,
      { current, missing },
    ),
    ...(more.length ? { more } : {}),
    fix: `${startFirst}${setTrustedHosts(missingHosts)}`,
  };
};

/** The WinRM port of each ERCS address: which answered. */
const portsDetail = (hosts: string[], reachable: boolean[]): Said => {
  const answered = hosts.filter((_, i) => reachable[i]).join(', ');
  const silent = hosts.filter((_, i) => !reachable[i]).join(', ');
  if (!silent) return said('preflight.ports-reachable', `Reachable: ${answered}.`, { hosts: answered });
  if (!answered) return said('preflight.ports-silent', `No answer: ${silent}.`, { hosts: silent });
  return said('preflight.ports-mixed', `Reachable: ${answered}; no answer: ${silent}.`, { reachable: answered, silent });
};

export const runPreflight = async (deps: PreflightDeps, hosts: string[]): Promise<PreflightReport> => {
  const [host, reachable] = await Promise.all([askHost(deps, hosts), Promise.all(hosts.map((h) => deps.probePort(h, WINRM_HTTP, deps.timeouts.probe)))]);
  const { hello, facts, warnings, error } = host;
  const notRun = hello
    ? said('preflight.not-run-language', 'Not checked: the host script needs FullLanguage mode.')
    : said('preflight.not-run-host', 'Not checked: the PowerShell host did not start.');
  const problem = error?.problem;
  const policyRefused = problem?.code === 'pep-execution-policy' ? problem : undefined;
  const checks: Check[] = [];

  checks.push(
    hello
      ? powershellCheck(hello, facts)
      : policyRefused
        ? { id: 'powershell', ok: true, detail: said('preflight.execution-policy-refused', 'PowerShell starts, but refused to run the host script.') }
        : { id: 'powershell', ok: false, detail: notRun, ...(problem ? { problem } : {}) },
  );
  checks.push(
    hello
      ? {
          id: 'language-mode',
          ok: hello.lang === 'FullLanguage',
          detail: said('preflight.language-mode', `Language mode: ${hello.lang}.`, { mode: hello.lang }),
          ...(hello.lang === 'FullLanguage'
            ? {}
            : { step: said('preflight.language-mode-step', 'Allow the signed AzS Registrar script in the AppLocker/WDAC policy, or use another workstation.') }),
        }
      : { id: 'language-mode', ok: false, detail: notRun },
  );
  checks.push(
    facts
      ? {
          id: 'execution-policy',
          ok: true,
          detail: facts.executionPolicyScope
            ? said('preflight.execution-policy-scope', `Effective policy ${facts.executionPolicy} (set at ${facts.executionPolicyScope}); the signed host script runs.`, {
                policy: facts.executionPolicy,
                scope: facts.executionPolicyScope,
              })
            : said('preflight.execution-policy', `Effective policy ${facts.executionPolicy}; the signed host script runs.`, { policy: facts.executionPolicy }),
        }
      : policyRefused
        ? {
            id: 'execution-policy',
            ok: false,
            // PowerShell's own words for the refusal; what to do comes with the problem.
            detail: said('session.host-said', policyRefused.detail ?? policyRefused.message, { words: policyRefused.detail ?? policyRefused.message }),
            problem: policyRefused,
          }
        : { id: 'execution-policy', ok: false, detail: notRun },
  );

  if (facts && offWindows(facts)) {
    checks.push({
      id: 'trusted-hosts',
      ok: true,
      detail: said(
        'preflight.trusted-hosts-off-windows',
        'Not applicable off Windows: PSWSMan has no TrustedHosts list (no WSMan: drive); it signs in with NTLM (Negotiate) using the credentials you enter.',
      ),
    });
  } else if (facts) {
    checks.push(trustedHostsCheck(facts, hosts, warnings));
  } else {
    checks.push({ id: 'trusted-hosts', ok: false, detail: notRun });
  }

  const anyReachable = reachable.some(Boolean);
  checks.push({
    id: 'winrm-port',
    ok: anyReachable,
    detail: portsDetail(hosts, reachable),
    ...(anyReachable
      ? {}
      : { step: said('preflight.port-step', `Check the network path and firewall from this computer to TCP ${WINRM_HTTP} on the ERCS addresses.`, { port: WINRM_HTTP }) }),
  });
  deps.log.info('PEP preflight finished', { checks: checks.map((c) => `${c.id}:${c.ok ? 'ok' : 'fail'}`) });
  return { ok: checks.every((c) => c.ok), checks: checks.map(titled) };
};
