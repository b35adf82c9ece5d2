import { connect } from 'node:net';
import { win32 } from 'node:path';
import type { PowerShellChoice } from '../../shared/contract';
import type { HostCommand } from './host-process';
import type { ProbePort } from './types';

// How the host script is started (pep-transport.md §2.1): an absolute executable path (a PATH lookup
// can be hijacked), a file rather than `-Command -`, and a minimal environment.

const HOST_ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File'] as const;

/** Windows PowerShell 5.1, always present on Windows. Pass the user's temp folder when known. */
export const windowsPowerShellHost = (scriptPath: string, systemRoot: string, tempDir = win32.join(systemRoot, 'Temp')): HostCommand => {
  const system32 = win32.join(systemRoot, 'System32');
  return {
    command: win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
    args: [...HOST_ARGS, scriptPath],
    env: {
      SystemRoot: systemRoot,
      TEMP: tempDir,
      TMP: tempDir,
      PATH: [system32, systemRoot, win32.join(system32, 'Wbem'), win32.join(system32, 'WindowsPowerShell', 'v1.0')].join(';'),
    },
  };
};

/** A configured PowerShell 7 (`pwsh`). Pass `systemRoot` on Windows so WinRM finds its system files. */
export const pwshHost = (pwshPath: string, scriptPath: string, systemRoot?: string): HostCommand => ({
  command: pwshPath,
  args: [...HOST_ARGS, scriptPath],
  env: systemRoot
    ? {
        SystemRoot: systemRoot,
        TEMP: win32.join(systemRoot, 'Temp'),
        PATH: [win32.join(systemRoot, 'System32'), systemRoot].join(';'),
      }
    : { PATH: '/usr/local/bin:/usr/bin:/bin' },
});

/** The host command for the operator's PowerShell choice (Settings). */
export const hostForChoice = (
  choice: PowerShellChoice,
  where: { platform: NodeJS.Platform; scriptPath: string; systemRoot: string; tempDir: string },
): HostCommand =>
  choice.kind === 'windows-powershell'
    ? windowsPowerShellHost(where.scriptPath, where.systemRoot, where.tempDir)
    : pwshHost(choice.path, where.scriptPath, where.platform === 'win32' ? where.systemRoot : undefined);

/** TCP connect test (WinRM HTTP, 5985) with a deadline. */
export const tcpProbe: ProbePort = (host, port, timeoutMs) =>
  new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
