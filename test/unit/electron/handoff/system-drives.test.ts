import { describe, expect, it } from 'vitest';
import { runCommand, systemDrives } from '../../../../electron/handoff';
import type { CommandRunner, SystemDrivesDeps } from '../../../../electron/handoff';
import { memoryLogger } from '../../../../electron/log';

const dirent = (name: string, kind: 'dir' | 'file' = 'dir') => ({ name, isDirectory: () => kind === 'dir', isSymbolicLink: () => false });

const fakeFs = (tree: Record<string, string[]>, links: Record<string, string> = {}): SystemDrivesDeps['fs'] =>
  ({
    readdir: async (p: string) => {
      const names = tree[p];
      if (!names) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return names.map((n) => dirent(n, n.endsWith('.txt') ? 'file' : 'dir'));
    },
    realpath: async (p: string) => links[p] ?? p,
    statfs: async () => ({ bavail: 10, bsize: 4096 }),
  }) as unknown as SystemDrivesDeps['fs'];

const noRun: CommandRunner = async () => {
  throw new Error('must not run a command here');
};

describe('systemDrives', () => {
  it('lists removable Windows drives from one fixed CIM query', async () => {
    const calls: string[][] = [];
    const run: CommandRunner = async (file, args) => {
      calls.push([file, ...args]);
      return { code: 0, stderr: '', stdout: '[{"DeviceID":"E:","VolumeName":"TRANSFER","FreeSpace":1000},{"DeviceID":"F:","VolumeName":"","FreeSpace":null}]' };
    };
    const drives = await systemDrives({ platform: 'win32', user: 'op', run, fs: fakeFs({}), log: memoryLogger() })();
    expect(drives).toEqual([
      { id: expect.stringMatching(/^drive-/), label: 'TRANSFER (E:)', path: 'E:\\', removable: true, freeBytes: 1000 },
      { id: expect.stringMatching(/^drive-/), label: 'USB drive (F:)', path: 'F:\\', removable: true },
    ]);
    expect(calls[0]?.[0]).toBe('powershell.exe');
    expect(calls[0]?.at(-1)).toContain("Win32_LogicalDisk -Filter 'DriveType=2'");
  });

  it('reads a single drive (PowerShell prints an object, not an array) and survives failures', async () => {
    const one: CommandRunner = async () => ({ code: 0, stderr: '', stdout: '{"DeviceID":"G:","VolumeName":"KEYS","FreeSpace":5}' });
    expect((await systemDrives({ platform: 'win32', user: 'op', run: one, fs: fakeFs({}), log: memoryLogger() })()).map((d) => d.path)).toEqual(['G:\\']);
    const files: string[] = [];
    const recording: CommandRunner = async (file) => {
      files.push(file);
      return { code: 0, stderr: '', stdout: '' };
    };
    const ps = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
    await systemDrives({ platform: 'win32', powershellPath: ps, user: 'op', run: recording, fs: fakeFs({}), log: memoryLogger() })();
    expect(files).toEqual([ps]);
    const none: CommandRunner = async () => ({ code: 0, stderr: '', stdout: '' });
    expect(await systemDrives({ platform: 'win32', user: 'op', run: none, fs: fakeFs({}), log: memoryLogger() })()).toEqual([]);
    const log = memoryLogger();
    const failing: CommandRunner = async () => ({ code: 1, stderr: 'boom', stdout: '' });
    expect(await systemDrives({ platform: 'win32', user: 'op', run: failing, fs: fakeFs({}), log })()).toEqual([]);
    expect(log.lines[0]?.level).toBe('warn');
  });

  it('lists /media/<user> and /run/media/<user> on Linux', async () => {
    const fs = fakeFs({ '/media/op': ['STICK', 'notes.txt'], '/run/media/op': ['KEYS'] });
    const drives = await systemDrives({ platform: 'linux', user: 'op', run: noRun, fs, log: memoryLogger() })();
    expect(drives.map((d) => [d.label, d.path, d.freeBytes])).toEqual([
      ['STICK', '/media/op/STICK', 40960],
      ['KEYS', '/run/media/op/KEYS', 40960],
    ]);
  });

  it('lists /Volumes on macOS without the boot volume', async () => {
    const fs = fakeFs({ '/Volumes': ['Macintosh HD', 'STICK'] }, { '/Volumes/Macintosh HD': '/' });
    const drives = await systemDrives({ platform: 'darwin', user: 'op', run: noRun, fs, log: memoryLogger() })();
    expect(drives.map((d) => d.path)).toEqual(['/Volumes/STICK']);
  });
});

describe('runCommand', () => {
  it('runs one process without a shell and reports its exit code and output', async () => {
    const ok = await runCommand(process.execPath, ['-e', 'process.stdout.write("[]")']);
    expect(ok).toEqual({ code: 0, stdout: '[]', stderr: '' });
    const failed = await runCommand(process.execPath, ['-e', 'process.stderr.write("nope"); process.exit(3)']);
    expect(failed).toMatchObject({ code: 3, stderr: 'nope' });
    const missing = await runCommand('/nonexistent/powershell.exe', []);
    expect(missing.code).not.toBe(0);
  });
});
