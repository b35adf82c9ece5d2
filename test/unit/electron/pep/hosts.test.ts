import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hostForChoice, pwshHost, tcpProbe, windowsPowerShellHost } from '../../../../electron/pep';

describe('host commands', () => {
  it('starts Windows PowerShell by absolute path, running a file, with a minimal environment', () => {
    const host = windowsPowerShellHost('C:\\Program Files\\AzS Registrar\\resources\\pep-host.ps1', 'C:\\Windows');
    expect(host.command).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(host.args).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', 'C:\\Program Files\\AzS Registrar\\resources\\pep-host.ps1']);
    expect(Object.keys(host.env).sort()).toEqual(['PATH', 'SystemRoot', 'TEMP', 'TMP']);
    expect(host.env.PATH?.split(';')[0]).toBe('C:\\Windows\\System32');
    expect(host.args).not.toContain('-Command');
  });

  it('starts a configured PowerShell 7 the same way', () => {
    const host = pwshHost('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'C:\\app\\pep-host.ps1', { systemRoot: 'C:\\Windows', tempDir: 'C:\\Users\\op\\Temp' });
    expect(host.command).toBe('C:\\Program Files\\PowerShell\\7\\pwsh.exe');
    expect(host.args.slice(-2)).toEqual(['-File', 'C:\\app\\pep-host.ps1']);
    expect(host.env.SystemRoot).toBe('C:\\Windows');
    expect(pwshHost('/usr/bin/pwsh', '/app/pep-host.ps1').env).toEqual({ PATH: '/usr/local/bin:/usr/bin:/bin' });
  });

  it('follows the operator setting: Windows PowerShell 5.1, or pwsh by its configured path', () => {
    const win = { platform: 'win32' as const, scriptPath: 'C:\\app\\pep-host.ps1', systemRoot: 'D:\\Windows', tempDir: 'C:\\Users\\op\\Temp', env: {} };
    const ps51 = hostForChoice({ kind: 'windows-powershell' }, win);
    expect(ps51.command).toBe('D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(ps51.env.TEMP).toBe('C:\\Users\\op\\Temp');
    const pwshOnWindows = hostForChoice({ kind: 'pwsh', path: 'C:\\PS7\\pwsh.exe' }, win);
    expect(pwshOnWindows).toMatchObject({ command: 'C:\\PS7\\pwsh.exe', env: { SystemRoot: 'D:\\Windows' } });
    const linux = hostForChoice({ kind: 'pwsh', path: '/opt/microsoft/powershell/7/pwsh' }, { ...win, platform: 'linux', scriptPath: '/app/pep-host.ps1' });
    expect(linux.command).toBe('/opt/microsoft/powershell/7/pwsh');
    expect(linux.args.slice(-2)).toEqual(['-File', '/app/pep-host.ps1']);
    expect(linux.env).toEqual({ PATH: '/usr/local/bin:/usr/bin:/bin' });
  });
});

describe('host environment', () => {
  const user = {
    HOME: '/home/op',
    USER: 'op',
    LANG: 'fr_FR.UTF-8',
    TMPDIR: '/tmp/op',
    XDG_CONFIG_HOME: '/home/op/.config',
    XDG_DATA_HOME: '/home/op/.local/share',
    PSModulePath: '/elsewhere',
    AZURE_CLIENT_SECRET: 'not-for-the-host',
    AWS_SECRET_ACCESS_KEY: 'nor-this',
    SSH_AUTH_SOCK: '/run/agent',
    EMPTY: '',
    PATH: '/home/op/bin:/usr/bin',
  };

  it('off Windows passes HOME, USER, LANG, TMPDIR and XDG_* (so pwsh sees PSWSMan installed for the user) and nothing else', () => {
    const host = hostForChoice({ kind: 'pwsh', path: '/usr/bin/pwsh' }, { platform: 'linux', scriptPath: '/app/pep-host.ps1', systemRoot: 'C:\\Windows', tempDir: '/tmp', env: user });
    expect(host.env).toEqual({
      HOME: '/home/op',
      USER: 'op',
      LANG: 'fr_FR.UTF-8',
      TMPDIR: '/tmp/op',
      XDG_CONFIG_HOME: '/home/op/.config',
      XDG_DATA_HOME: '/home/op/.local/share',
      PATH: '/usr/local/bin:/usr/bin:/bin',
    });
  });

  it('on Windows passes the profile folders and ProgramFiles, whatever their case, never PSModulePath or other variables', () => {
    const winUser = { userprofile: 'C:\\Users\\op', APPDATA: 'C:\\Users\\op\\AppData\\Roaming', LocalAppData: 'C:\\Users\\op\\AppData\\Local', ProgramFiles: 'C:\\Program Files', PSModulePath: 'C:\\x', AZURE_CLIENT_SECRET: 's', Path: 'C:\\evil' };
    const where = { platform: 'win32' as const, scriptPath: 'C:\\app\\pep-host.ps1', systemRoot: 'C:\\Windows', tempDir: 'C:\\Users\\op\\AppData\\Local\\Temp', env: winUser };
    for (const host of [hostForChoice({ kind: 'windows-powershell' }, where), hostForChoice({ kind: 'pwsh', path: 'C:\\PS7\\pwsh.exe' }, where)]) {
      expect(Object.keys(host.env).sort()).toEqual(['APPDATA', 'LOCALAPPDATA', 'PATH', 'ProgramFiles', 'SystemRoot', 'TEMP', 'TMP', 'USERPROFILE']);
      expect(host.env).toMatchObject({ USERPROFILE: 'C:\\Users\\op', TEMP: 'C:\\Users\\op\\AppData\\Local\\Temp' });
      expect(host.env.PATH?.startsWith('C:\\Windows\\System32')).toBe(true);
    }
  });
});

describe('tcpProbe', () => {
  it('reports a listening port as reachable and a closed one as not', async () => {
    const server = createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await tcpProbe('127.0.0.1', port, 2000)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await tcpProbe('127.0.0.1', port, 2000)).toBe(false);
  });
});
