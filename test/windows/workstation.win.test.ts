import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptDigest, systemCopyFs, verifiedSpawn } from '../../electron/integrity';
import { createPepClient, systemSpawn, tcpProbe, windowsPowerShellHost } from '../../electron/pep';
import type { PepClient } from '../../electron/pep';
import type { PreflightCheck } from '../../shared/domain/types';

// Workstation checks only Windows can make (issue 8: TrustedHosts read unelevated with WinRM stopped,
// an AllSigned workstation running the signed script through the app's private verified copy).
// Each block runs only when its environment variable is set; see README.md in this folder.

const SCRIPT = fileURLToPath(new URL('../../resources/pep-host.ps1', import.meta.url));
const SHIPPED_DIGEST = scriptDigest(readFileSync(SCRIPT));
const SYSTEM_ROOT = process.env.SystemRoot ?? 'C:\\Windows';

/** The live composition's way of starting the host: a private copy, verified against the build's digest. */
const liveClient = (script: string): PepClient =>
  createPepClient({
    spawn: verifiedSpawn(systemSpawn, { fs: systemCopyFs, script, expected: SHIPPED_DIGEST, tempDir: tmpdir(), onCleanupError: (dir, err) => console.warn(dir, err) }),
    host: windowsPowerShellHost(script, SYSTEM_ROOT, tmpdir(), process.env),
    clock: { now: () => new Date() },
    log: { info: (m, d) => console.log(m, d ?? ''), warn: (m, d) => console.warn(m, d ?? ''), error: (m, d) => console.error(m, d ?? '') },
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
    probePort: tcpProbe,
  });
const check = (checks: PreflightCheck[], id: PreflightCheck['id']) => checks.find((c) => c.id === id);

/** reg.exe, which a standard user may run: the value WinRM's client reads, '' when absent. */
const registryValue = (key: string, name: string): string | undefined => {
  const out = spawnSync('reg.exe', ['query', key, '/v', name], { encoding: 'utf8' });
  if (out.status !== 0) return undefined;
  return /REG_\w+\s+(.*)$/m.exec(out.stdout)?.[1]?.trim() ?? '';
};

describe.runIf(process.env.AZS_WS_UNELEVATED === '1')('TrustedHosts pre-flight as a standard user with WinRM stopped', () => {
  it('runs unelevated with the WinRM service stopped (the test preconditions)', () => {
    expect(spawnSync('net.exe', ['session'], { encoding: 'utf8' }).status, 'run this from a NON-elevated prompt').not.toBe(0);
    expect(spawnSync('sc.exe', ['query', 'WinRM'], { encoding: 'utf8' }).stdout, 'Stop-Service WinRM first (elevated)').toMatch(/STOPPED/);
  });

  it('reads TrustedHosts from the registry (not "unknown", not a false "empty") and says to start WinRM in the fix', async () => {
    const policy = registryValue('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WinRM\\Client', 'TrustedHostsList');
    const expected = policy ?? registryValue('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client', 'trusted_hosts') ?? '';
    const client = liveClient(SCRIPT);
    const report = await client.preflight(['192.0.2.250']);
    const trusted = check(report.checks, 'trusted-hosts');
    expect(trusted?.unknown).toBeUndefined();
    expect(trusted?.detail.text).toContain(expected === '' ? 'is empty.' : `is '${expected}'.`);
    if (!trusted?.ok && policy === undefined) {
      expect(trusted?.fix).toBe("Start-Service WinRM; Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '192.0.2.250' -Concatenate -Force");
    }
    await client.closeAll();
  });
});

describe.runIf(Boolean(process.env.AZS_WS_ALLSIGNED_DIR))('an AllSigned workstation (allsigned.ps1 -Setup)', () => {
  const dir = process.env.AZS_WS_ALLSIGNED_DIR ?? '';

  it('runs the signed script through the private verified copy: same digest, signature still valid', async () => {
    const signed = join(dir, 'signed', 'pep-host.ps1');
    expect(scriptDigest(readFileSync(signed))).toBe(SHIPPED_DIGEST);
    const client = liveClient(signed);
    const report = await client.preflight(['127.0.0.1']);
    expect(check(report.checks, 'language-mode')).toMatchObject({ ok: true });
    expect(check(report.checks, 'execution-policy')).toMatchObject({ ok: true, detail: { text: expect.stringContaining('AllSigned (set at MachinePolicy)') } });
    await client.closeAll();
  });

  it('reports the execution policy when the script is not signed', async () => {
    const client = liveClient(join(dir, 'unsigned', 'pep-host.ps1'));
    const report = await client.preflight(['127.0.0.1']);
    expect(check(report.checks, 'execution-policy')).toMatchObject({ ok: false, detail: { text: expect.stringMatching(/digitally signed|AuthorizationManager|execution polic/i) } });
    await client.closeAll();
  });
});
