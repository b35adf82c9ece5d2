import { describe, expect, it } from 'vitest';
import { localExecutable } from '../../../../electron/settings/powershell-location';
import type { LocationPorts } from '../../../../electron/settings/powershell-location';

const NFS = 0x6969;
const CIFS = 0xff534d42;
const EXT4 = 0xef53;

/** A file system where `links` resolve (as fs.promises.realpath does) and each path lives on `types`. */
const ports = (platform: NodeJS.Platform, links: Record<string, string> = {}, types: Record<string, number> = {}, files = new Set<string>()): LocationPorts => ({
  platform,
  realpath: async (p) => {
    const real = links[p] ?? p;
    if (!files.has(real)) throw new Error(`ENOENT: no such file or directory, realpath '${p}'`);
    return real;
  },
  isFile: async (p) => files.has(p) && !p.endsWith('/'),
  fileSystemType: async (p) => types[p] ?? EXT4,
});

const refusal = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as { problem?: { code: string; message: string; action?: string } } | undefined;
  if (!err?.problem) throw new Error('expected a refusal');
  return err.problem;
};

describe('localExecutable', () => {
  it('returns the real path of a local pwsh, through links', async () => {
    const p = ports('linux', { '/usr/bin/pwsh': '/opt/microsoft/powershell/7/pwsh' }, {}, new Set(['/opt/microsoft/powershell/7/pwsh']));
    expect(await localExecutable('/usr/bin/pwsh', p)).toBe('/opt/microsoft/powershell/7/pwsh');
  });

  it.each(['\\\\fileserver\\tools\\pwsh.exe', '//fileserver/tools/pwsh.exe', '\\\\?\\UNC\\fileserver\\tools\\pwsh.exe'])('refuses the UNC path %s before touching it', async (path) => {
    const problem = await refusal(localExecutable(path, ports('win32')));
    expect(problem).toMatchObject({ code: 'bad-request', message: expect.stringContaining('is on the network') });
    expect(problem.action).toMatch(/Install PowerShell 7 on this computer/);
  });

  it('refuses a drive letter mapped to a share (its real path is UNC)', async () => {
    const p = ports('win32', { 'Z:\\PowerShell\\7\\pwsh.exe': '\\\\fileserver\\tools\\PowerShell\\7\\pwsh.exe' }, {}, new Set(['\\\\fileserver\\tools\\PowerShell\\7\\pwsh.exe']));
    expect((await refusal(localExecutable('Z:\\PowerShell\\7\\pwsh.exe', p))).message).toBe(
      'Z:\\PowerShell\\7\\pwsh.exe is on the network (\\\\fileserver\\tools\\PowerShell\\7\\pwsh.exe). AzS Registrar only runs a PowerShell installed on this computer.',
    );
    const local = ports('win32', {}, {}, new Set(['C:\\Program Files\\PowerShell\\7\\pwsh.exe']));
    expect(await localExecutable('C:\\Program Files\\PowerShell\\7\\pwsh.exe', local)).toBe('C:\\Program Files\\PowerShell\\7\\pwsh.exe');
  });

  it('refuses a pwsh on an NFS or SMB mount, or linked to one, on Linux', async () => {
    const files = new Set(['/mnt/nfs/pwsh', '/mnt/smb/pwsh']);
    const p = ports('linux', { '/usr/local/bin/pwsh': '/mnt/smb/pwsh' }, { '/mnt/nfs/pwsh': NFS, '/mnt/smb/pwsh': CIFS }, files);
    expect((await refusal(localExecutable('/mnt/nfs/pwsh', p))).message).toContain('network file system (NFS)');
    expect((await refusal(localExecutable('/usr/local/bin/pwsh', p))).message).toContain('network file system (CIFS)');
  });

  it('refuses a relative path, a missing file and a folder', async () => {
    expect((await refusal(localExecutable('bin/pwsh', ports('linux')))).message).toContain('not an absolute path');
    expect(await refusal(localExecutable('/nonexistent/pwsh', ports('linux')))).toMatchObject({ message: '/nonexistent/pwsh cannot be found.' });
    expect((await refusal(localExecutable('/opt/', ports('linux', {}, {}, new Set(['/opt/']))))).message).toContain('is not a file');
  });
});
