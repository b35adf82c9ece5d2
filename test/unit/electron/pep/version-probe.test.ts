import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { probePowerShellVersion, systemSpawn, versionProbeFor } from '../../../../electron/pep';
import type { HostCommand, SpawnHost } from '../../../../electron/pep/host-process';

// The version probe runs through the same spawn path as the host; here shell scripts stand for pwsh.
const sleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {});

const fakePwsh = async (body: string): Promise<string> => {
  const path = join(await mkdtemp(join(tmpdir(), 'azs-probe-')), 'pwsh');
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
};
const where = { platform: 'linux' as const, systemRoot: 'C:\\Windows', tempDir: tmpdir(), env: { HOME: '/home/op', SECRET: 'no' } };

describe('probePowerShellVersion', () => {
  it('asks the configured pwsh for $PSVersionTable with the host environment, no profile and no shell', async () => {
    const seen: { command: string; args: readonly string[]; env: Record<string, string> }[] = [];
    const spawn: SpawnHost = (command, args, options) => {
      seen.push({ command, args, env: options.env });
      return systemSpawn(command, args, options);
    };
    const path = await fakePwsh(`printf '7.4.6\\nCore\\n'`);
    const probe = versionProbeFor({ kind: 'pwsh', path }, where);
    expect(await probePowerShellVersion({ spawn, sleep, timeoutMs: 10_000 }, probe)).toEqual({ ok: true, version: '7.4.6', edition: 'Core' });
    expect(seen).toEqual([{ command: path, args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString(); $PSVersionTable.PSEdition'], env: { HOME: '/home/op', PATH: '/usr/local/bin:/usr/bin:/bin' } }]);
  });

  it('says when the program is not PowerShell, missing, or silent past the deadline', async () => {
    const deps = { spawn: systemSpawn, sleep, timeoutMs: 10_000 };
    const notPs = await fakePwsh('echo hello');
    expect(await probePowerShellVersion(deps, versionProbeFor({ kind: 'pwsh', path: notPs }, where))).toMatchObject({ ok: false, problem: { text: expect.stringContaining('did not answer as PowerShell (exit code 0)') } });
    const missing: HostCommand = { ...versionProbeFor({ kind: 'pwsh', path: '/nonexistent/pwsh' }, where) };
    expect(await probePowerShellVersion(deps, missing)).toMatchObject({ ok: false, problem: { code: 'powershell.not-started', text: expect.stringContaining('could not be started') } });
    const silent = await fakePwsh('sleep 30');
    expect(await probePowerShellVersion({ ...deps, timeoutMs: 200 }, versionProbeFor({ kind: 'pwsh', path: silent }, where))).toMatchObject({ ok: false, problem: { code: 'powershell.no-version', text: expect.stringContaining('did not report its version') } });
  });
});
