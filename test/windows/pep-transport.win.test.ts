import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createPepClient, pwshHost, tcpProbe, windowsPowerShellHost } from '../../electron/pep';
import type { PepClient, PepRecord } from '../../electron/pep';
import type { HostCommand, SpawnHost } from '../../electron/pep/host-process';

// Drives the production transport and the real resources/pep-host.ps1 against the stub
// PrivilegedEndpoint registered by register-endpoint.ps1. Windows only; see README.md.

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see test/windows/README.md).`);
  return value;
};
const SCRIPT = fileURLToPath(new URL('../../resources/pep-host.ps1', import.meta.url));
const DATA = 'C:\\ProgramData\\AzsPepStub';
const SHARE = join(DATA, 'share');
const ADDRESS = process.env.AZS_PEP_ADDRESS ?? '127.0.0.1';
const HOST_NAME = process.env.COMPUTERNAME ?? 'localhost';
/** Passwords that must appear nowhere but the stdin pipe: quotes, substitution, non-ASCII. */
const SENTINEL = 'Sentinel-4103-"\'$(whoami)`;\u00e9';
const SHARE_SENTINEL = 'Share-Sentinel-4103-\u00e9';
const HOSTILE = `x'; Remove-Item C:\\ -Recurse; $(calc) \`n "q" \u2018single\u2019 \u201cdouble\u201d \u00e9\u6f22`;

const hosts: [string, HostCommand][] = [['Windows PowerShell 5.1', windowsPowerShellHost(SCRIPT, process.env.SystemRoot ?? 'C:\\Windows', tmpdir(), process.env)]];
if (process.env.AZS_PEP_PWSH) hosts.push(['PowerShell 7', pwshHost(process.env.AZS_PEP_PWSH, SCRIPT, { systemRoot: process.env.SystemRoot ?? 'C:\\Windows', tempDir: tmpdir() }, process.env)]);

const settings = (s: Record<string, unknown>) => {
  mkdirSync(DATA, { recursive: true });
  writeFileSync(join(DATA, 'settings.json'), JSON.stringify(s));
  rmSync(join(DATA, 'empty-key-done'), { force: true });
  rmSync(join(DATA, 'calls.jsonl'), { force: true });
};
const calls = (): { cmd: string; params: Record<string, unknown> }[] =>
  existsSync(join(DATA, 'calls.jsonl'))
    ? readFileSync(join(DATA, 'calls.jsonl'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { cmd: string; params: Record<string, unknown> })
    : [];

/** Everything the client logged as a warning: a stray host line on stdout shows up here. */
const warnings: string[] = [];
const clientFor = (host: HostCommand): PepClient =>
  createPepClient({
    spawn: ((c, a, o) => spawn(c, a, o)) as SpawnHost,
    host,
    clock: { now: () => new Date() },
    log: {
      info: (m, d) => console.log(m, d ?? ''),
      warn: (m, d) => {
        warnings.push(m);
        console.warn(m, d ?? '');
      },
      error: (m, d) => console.error(m, d ?? ''),
    },
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
    probePort: tcpProbe,
  });

describe.each(hosts)('real transport on %s', (_label, host) => {
  const client = clientFor(host);
  const connect = () => client.connect({ hosts: [ADDRESS], user: env('AZS_PEP_USER'), password: env('AZS_PEP_PASSWORD'), transcriptShare: { path: SHARE, user: env('AZS_PEP_USER'), password: env('AZS_PEP_PASSWORD') } });
  beforeEach(() => settings({}));
  afterAll(() => client.closeAll());

  it('passes the workstation checks', async () => {
    const report = await client.preflight([ADDRESS]);
    console.log(JSON.stringify(report, null, 2));
    expect(report.checks.find((c) => c.id === 'language-mode')?.ok).toBe(true);
    if (process.env.AZS_PEP_EXPECT_UNTRUSTED) {
      expect(report.checks.find((c) => c.id === 'trusted-hosts')?.fix).toContain(`'${ADDRESS}'`);
      await expect(connect()).rejects.toMatchObject({ problem: { code: 'pep-trusted-hosts' } });
    } else {
      expect(report.ok).toBe(true);
    }
  });

  it.skipIf(Boolean(process.env.AZS_PEP_EXPECT_UNTRUSTED))('runs a whole disconnected leg on one session, values arriving as data', async () => {
    const session = await connect();
    const records: PepRecord[] = [];
    const stamp = await session.stampInfo({ onRecord: (r) => void records.push(r) });
    expect(stamp).toMatchObject({ cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', stampVersion: '1.2311.2.23', regionName: 'r\u00e9gion-\u03a9', numberOfNodes: 4 });
    expect(records.some((r) => r.level === 'warning')).toBe(true);

    await session.setKeyPair();
    const token = await session.createToken({ BillingModel: 'Custom', MarketplaceSyndicationEnabled: true, UsageReportingEnabled: false, AgreementNumber: HOSTILE, MsAssetTag: HOSTILE, TokenVersion: '6.0' });
    expect(JSON.parse(Buffer.from(token, 'base64').toString('utf8'))).toMatchObject({ agreementNumber: HOSTILE, msAssetTag: HOSTILE, version: '6.0' });
    expect(calls().find((c) => c.cmd === 'New-RegistrationToken')?.params).toMatchObject({ AgreementNumber: HOSTILE, MsAssetTag: HOSTILE });

    // Connected: the refresh token crosses as its own field and reaches the cmdlet whole, as data.
    const refresh = `rt.${HOSTILE}`;
    expect(await session.bridgeServicePrincipal({ refreshToken: Buffer.from(refresh, 'utf8'), azureEnvironment: 'AzureCloud', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' })).toBe('0d5f3c2a-1b4e-4f6a-8c7d-9e0f1a2b3c4d');
    expect(calls().find((c) => c.cmd === 'New-AzureBridgeServicePrincipal')?.params).toMatchObject({
      AzureEnvironment: 'AzureCloud', TimeoutInSeconds: 1800, RefreshTokenLength: refresh.length, RefreshTokenSha256: createHash('sha256').update(refresh, 'utf8').digest('hex'),
    });

    const progress: PepRecord[] = [];
    await session.activate(' key.for.activation ', { onRecord: (r) => void progress.push(r) });
    expect(progress.filter((r) => r.level === 'progress').length).toBeGreaterThan(0);
    expect(calls().find((c) => c.cmd === 'New-AzureStackActivation')?.params).toMatchObject({ ActivationKey: 'key.for.activation', TimeoutInSeconds: 1800 });
    await session.removeActivation();
    expect(client.stats()).toMatchObject({ hostsSpawned: 1, sessionsOpened: 1 });

    const before = existsSync(SHARE) ? readdirSync(SHARE).length : 0;
    expect(await session.close()).toEqual({ transcriptsCopied: true });
    expect(readdirSync(SHARE).length).toBe(before + 1);
    // The stub's Write-Host, Write-Information and Write-Warning never reached stdout as text.
    expect(warnings.filter((w) => /not protocol JSON|unrecognised message/.test(w))).toEqual([]);
  });

  it.skipIf(Boolean(process.env.AZS_PEP_EXPECT_UNTRUSTED))('falls back to -ArgumentList when the key arrives empty', async () => {
    settings({ emptyKeyOnce: true });
    const session = await connect();
    await session.activate('key.for.activation');
    expect(calls().filter((c) => c.cmd === 'New-AzureStackActivation').map((c) => c.params.ActivationKey)).toEqual(['key.for.activation', 'key.for.activation']);
    await session.close();
  });

  it.skipIf(Boolean(process.env.AZS_PEP_EXPECT_UNTRUSTED))('maps an unknown parameter on an old build, and cancels a running activation', async () => {
    settings({ oldBuild: true, activationSteps: 40 });
    const session = await connect();
    await expect(session.createToken({ BillingModel: 'Capacity', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: '1', TokenVersion: '3.0' })).rejects.toMatchObject({
      problem: { code: 'pep-unknown-parameter' },
    });
    const abort = new AbortController();
    const cancelled = session.activate('k.e.y', { signal: abort.signal, onRecord: (r) => void (r.level === 'progress' && abort.abort()) });
    await expect(cancelled).rejects.toMatchObject({ problem: { code: 'cancelled' } });
    await session.removeActivation(); // the session is still usable after Stop-Job
    await session.close();
  });

  it.skipIf(Boolean(process.env.AZS_PEP_EXPECT_UNTRUSTED))('refuses a wrong password without retrying, by address and by host name (Kerberos)', async () => {
    const before = badPasswordAttempts();
    const refused = client.connect({ hosts: [ADDRESS], user: env('AZS_PEP_USER'), password: 'definitely-wrong' });
    await expect(refused).rejects.toMatchObject({ problem: { code: 'pep-access-denied' } });
    // By name (LogonFailure on a domain machine): one try, not 3 tries x 3 addresses.
    const byName = await client.connect({ hosts: [HOST_NAME, 'localhost', ADDRESS], user: env('AZS_PEP_USER'), password: 'definitely-wrong' }).catch((e: unknown) => e);
    expect(byName).toMatchObject({ problem: { code: 'pep-access-denied' } });
    // Each refused try counts once or twice (Negotiate may fall back); nine tries would lock the account.
    expect(badPasswordAttempts() - before).toBeLessThanOrEqual(4);
    if (process.env.AZS_PEP_UI_LANGUAGE) {
      // A workstation in another display language: the text is localized, the classification is not.
      expect((byName as { problem: { detail: string } }).problem.detail).not.toContain('Access is denied');
    }
  });

  it.skipIf(Boolean(process.env.AZS_PEP_EXPECT_UNTRUSTED))('a prompt on the endpoint leaves the job Blocked: bounded, reported, outcome unknown', { timeout: 240_000 }, async () => {
    settings({ promptInKeyPair: true });
    const session = await connect();
    await expect(session.setKeyPair()).rejects.toMatchObject({ problem: { code: 'pep-outcome-unknown', detail: expect.stringContaining('Job state: Blocked') } });
    expect(calls().filter((c) => c.cmd === 'Set-RegistrationKeyPair')).toHaveLength(1);
    await session.close();
  });

  // Restarts the WinRM service mid-activation: test machines only, opt in with AZS_PEP_CHECK_BREAK=1.
  it.skipIf(!process.env.AZS_PEP_CHECK_BREAK)('a transport break mid-activation is outcome unknown and never repeated', { timeout: 240_000 }, async () => {
    settings({ activationSteps: 40 });
    const session = await connect();
    let broken = false;
    const problem = await session
      .activate('k.e.y', {
        onRecord: (r) => {
          if (r.level !== 'progress' || broken) return;
          broken = true;
          spawn('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Restart-Service WinRM -Force'], { stdio: 'ignore' });
        },
      })
      .catch((e: unknown) => (e as { problem: unknown }).problem);
    expect(problem).toMatchObject({ code: 'pep-outcome-unknown', action: expect.stringContaining('activation state') });
    expect(calls().filter((c) => c.cmd === 'New-AzureStackActivation')).toHaveLength(1);
    await session.close();
  });

  // Module logging (event 4103) records command parameter values: no secret may appear there.
  it.skipIf(!process.env.AZS_PEP_CHECK_LOGGING)('with module logging on, no password reaches the PowerShell event log', { timeout: 240_000 }, async () => {
    expect(powershell("(Get-ItemProperty 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell\\ModuleLogging').EnableModuleLogging")).toBe('1');
    const since = new Date();
    await expect(client.connect({ hosts: [ADDRESS], user: env('AZS_PEP_USER'), password: SENTINEL })).rejects.toMatchObject({ problem: { code: 'pep-access-denied' } });
    const session = await client.connect({ hosts: [ADDRESS], user: env('AZS_PEP_USER'), password: env('AZS_PEP_PASSWORD'), transcriptShare: { path: SHARE, user: env('AZS_PEP_USER'), password: SHARE_SENTINEL } });
    await session.stampInfo();
    await session.close();
    const events = pepEvents(since);
    // Logging was on: the host's own commands were recorded (so the check below could fail).
    expect(events).toMatch(/New-PSSession/);
    expect(events).toMatch(/ParameterBinding/);
    for (const secret of [SENTINEL, SHARE_SENTINEL, env('AZS_PEP_PASSWORD')]) expect(events.includes(secret), 'a password in event 4103/4104').toBe(false);
  });
});

/** Runs Windows PowerShell and returns its trimmed stdout. */
function powershell(command: string): string {
  return execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8' }).trim();
}

/** The local test user's bad password count (the WinNT provider keeps it). */
function badPasswordAttempts(): number {
  const name = env('AZS_PEP_USER').split('\\').pop() ?? '';
  return Number(powershell(`([ADSI]'WinNT://./${name},user').BadPasswordAttempts.Value`));
}

/** The text of every PowerShell event 4103/4104 since `since`, Windows PowerShell and PowerShell 7 logs. */
function pepEvents(since: Date): string {
  const query = (log: string) =>
    `Get-WinEvent -ErrorAction SilentlyContinue -FilterHashtable @{ LogName = '${log}'; Id = 4103, 4104; StartTime = [datetime]'${since.toISOString()}' } | ForEach-Object { $_.Message }`;
  return [powershell(query('Microsoft-Windows-PowerShell/Operational')), powershell(query('PowerShellCore/Operational'))].join('\n');
}
