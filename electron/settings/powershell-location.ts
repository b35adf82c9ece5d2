import { realpath, stat, statfs } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { AppError } from '../../shared/contract';

// Where a chosen PowerShell really lives. It receives the CloudAdmin password, so it must be a file on
// this computer: a network location (UNC path, a drive letter mapped to a share, an NFS or SMB mount)
// can be replaced by whoever controls the share.

export type LocationPorts = {
  platform: NodeJS.Platform;
  /** Resolves links; on Windows turns a mapped network drive into its UNC path (GetFinalPathNameByHandle). */
  realpath(path: string): Promise<string>;
  isFile(path: string): Promise<boolean>;
  /** statfs f_type of the file system holding the path (Linux magic numbers). */
  fileSystemType(path: string): Promise<number>;
};

/** Linux network file systems, by statfs magic: NFS, SMB, CIFS, SMB2, AFS, kAFS, Ceph, 9P, NCP. */
const NETWORK_FILE_SYSTEMS = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x00c36400, 'Ceph'],
  [0x01021997, '9P'],
  [0x564c, 'NCP'],
]);

const ACTION = 'Install PowerShell 7 on this computer (for example under C:\\Program Files\\PowerShell\\7 or /opt/microsoft/powershell/7) and choose that pwsh.';

const refuse = (message: string, detail?: string): never => {
  throw new AppError('bad-request', message, { action: ACTION, ...(detail ? { detail } : {}) });
};

const isNetworkPath = (path: string): boolean => /^[\\/]{2}/.test(path);

/** The real path of a chosen executable, refused when it is not a local file. */
export const localExecutable = async (chosen: string, ports: LocationPorts): Promise<string> => {
  const windows = ports.platform === 'win32';
  if (isNetworkPath(chosen)) refuse(`${chosen} is on the network. AzS Registrar only runs a PowerShell installed on this computer.`);
  if (!(windows ? win32.isAbsolute(chosen) : posix.isAbsolute(chosen))) refuse(`"${chosen}" is not an absolute path on this computer.`);
  let real: string;
  try {
    real = await ports.realpath(chosen);
  } catch (err) {
    return refuse(`${chosen} cannot be found.`, err instanceof Error ? err.message : String(err));
  }
  if (isNetworkPath(real)) refuse(`${chosen} is on the network (${real}). AzS Registrar only runs a PowerShell installed on this computer.`);
  if (!(await ports.isFile(real))) refuse(`${chosen} is not a file.`);
  if (ports.platform === 'linux') {
    const network = NETWORK_FILE_SYSTEMS.get(await ports.fileSystemType(real));
    if (network) refuse(`${chosen} is on a network file system (${network}). AzS Registrar only runs a PowerShell installed on this computer.`);
  }
  return real;
};

/** The real file system. */
export const systemLocationPorts = (platform: NodeJS.Platform): LocationPorts => ({
  platform,
  // fs.promises.realpath is libuv's (like fs.realpath.native): a mapped network drive comes back as \\server\share.
  realpath: (path) => realpath(path),
  isFile: async (path) => (await stat(path)).isFile(),
  fileSystemType: async (path) => Number((await statfs(path)).type),
});
