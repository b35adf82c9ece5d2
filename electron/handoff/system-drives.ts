import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DriveInfo } from '../../shared/domain';
import type { Logger } from '../log';

// Removable drives on the real machine. Windows: removable logical disks (DriveType 2) from CIM,
// through one fixed PowerShell command (no value is ever spliced into it). Linux and macOS: the
// usual automount folders.

export type CommandRunner = (file: string, args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** The plain runner for `run`: one short process, no shell, output capped, 15 s at most. */
export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { windowsHide: true, timeout: 15_000, maxBuffer: 1_048_576, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (err ? err.message : '') });
    });
  });

export type SystemDrivesDeps = {
  platform: NodeJS.Platform;
  /** Full path of Windows PowerShell (e.g. `${SystemRoot}\System32\WindowsPowerShell\v1.0\powershell.exe`); defaults to `powershell.exe` on PATH. */
  powershellPath?: string;
  /** The login name, for /media/<user> and /run/media/<user>. */
  user: string;
  run: CommandRunner;
  fs: Pick<typeof fsp, 'readdir' | 'statfs' | 'realpath'>;
  log: Logger;
};

const WINDOWS_REMOVABLE_QUERY =
  "Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object DeviceID,VolumeName,FreeSpace | ConvertTo-Json -Compress";

const idFor = (path: string): string => `drive-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;

type CimDisk = { DeviceID?: unknown; VolumeName?: unknown; FreeSpace?: unknown };

const parseWindowsDisks = (stdout: string): DriveInfo[] => {
  if (stdout.trim() === '') return [];
  const parsed: unknown = JSON.parse(stdout);
  const disks = (Array.isArray(parsed) ? parsed : [parsed]) as CimDisk[];
  return disks.flatMap((d) => {
    if (typeof d !== 'object' || d === null || typeof d.DeviceID !== 'string' || !/^[A-Z]:$/i.test(d.DeviceID)) return [];
    const path = `${d.DeviceID.toUpperCase()}\\`;
    const name = typeof d.VolumeName === 'string' && d.VolumeName.trim() ? d.VolumeName.trim() : 'USB drive';
    const drive: DriveInfo = { id: idFor(path), label: `${name} (${d.DeviceID.toUpperCase()})`, path, removable: true };
    if (typeof d.FreeSpace === 'number') drive.freeBytes = d.FreeSpace;
    return [drive];
  });
};

const mountRoots = (platform: NodeJS.Platform, user: string): string[] =>
  platform === 'darwin' ? ['/Volumes'] : [join('/media', user), join('/run/media', user)];

export const systemDrives = (deps: SystemDrivesDeps): (() => Promise<DriveInfo[]>) => {
  const windows = async (): Promise<DriveInfo[]> => {
    const out = await deps.run(deps.powershellPath ?? 'powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_REMOVABLE_QUERY]);
    if (out.code !== 0) {
      deps.log.warn('Listing removable drives failed.', { code: out.code, stderr: out.stderr.slice(0, 500) });
      return [];
    }
    try {
      return parseWindowsDisks(out.stdout);
    } catch (err) {
      deps.log.warn('Removable drive list was not JSON.', { error: String(err) });
      return [];
    }
  };

  const mounted = async (root: string): Promise<DriveInfo[]> => {
    const entries = await deps.fs.readdir(root, { withFileTypes: true }).catch(() => []);
    const drives = await Promise.all(
      entries
        .filter((e) => e.isDirectory() || e.isSymbolicLink())
        .map(async (e): Promise<DriveInfo | undefined> => {
          const path = join(root, e.name);
          // macOS lists the boot volume in /Volumes as a link to /.
          if ((await deps.fs.realpath(path).catch(() => '/')) === '/') return undefined;
          const drive: DriveInfo = { id: idFor(path), label: basename(path), path, removable: true };
          const stats = await deps.fs.statfs(path).catch(() => undefined);
          if (stats) drive.freeBytes = stats.bavail * stats.bsize;
          return drive;
        }),
    );
    return drives.filter((d) => d !== undefined);
  };

  return async () => {
    if (deps.platform === 'win32') return windows();
    const lists = await Promise.all(mountRoots(deps.platform, deps.user).map(mounted));
    return lists.flat();
  };
};
