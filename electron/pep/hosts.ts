import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { win32 } from 'node:path';
import type { PowerShellChoice } from '../../shared/contract';
import type { HostCommand, SpawnHost } from './host-process';
import type { ProbePort } from './types';

// How the host script is started (pep-transport.md §2.1): an absolute executable path (a PATH lookup
// can be hijacked), a file rather than `-Command -`, and an environment built from a short allow-list
// of the operator's variables (never a secret: the password crosses on stdin only).

const HOST_ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File'] as const;

/** The operator's environment as the main process received it (compose passes it in). */
export type UserEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Windows: the user's profile folders, so PowerShell finds modules installed for the current user and
 * keeps its caches there, and ProgramFiles for the all-users module folder. Nothing else is inherited
 * (PSModulePath above all: Windows PowerShell's would break pwsh 7 and the reverse).
 */
const WINDOWS_PASSED = ['USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramFiles'] as const;
/**
 * Off Windows: without HOME pwsh uses a temporary home and cannot see PSWSMan installed for the current
 * user (Install-Module -Scope CurrentUser); USER, LANG, TMPDIR and XDG_* complete the user's context.
 */
const POSIX_PASSED = /^(?:HOME|USER|LANG|TMPDIR|XDG_[A-Z0-9_]+)$/;

const pick = (from: UserEnvironment, wanted: (name: string) => string | undefined): Record<string, string> => {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(from)) {
    const as = wanted(name);
    if (as !== undefined && value !== undefined && value !== '') picked[as] = value;
  }
  return picked;
};
/** Windows variable names are case-insensitive: each allowed one is passed under its usual spelling. */
const windowsPassed = (from: UserEnvironment) => pick(from, (name) => WINDOWS_PASSED.find((w) => w.toLowerCase() === name.toLowerCase()));
const posixPassed = (from: UserEnvironment) => pick(from, (name) => (POSIX_PASSED.test(name) ? name : undefined));

const windowsEnv = (systemRoot: string, tempDir: string, user: UserEnvironment, path: string[]): Record<string, string> => ({
  ...windowsPassed(user),
  SystemRoot: systemRoot,
  TEMP: tempDir,
  TMP: tempDir,
  PATH: path.join(';'),
});

/** Windows PowerShell 5.1, always present on Windows. Pass the user's temp folder when known. */
export const windowsPowerShellHost = (scriptPath: string, systemRoot: string, tempDir = win32.join(systemRoot, 'Temp'), user: UserEnvironment = {}): HostCommand => {
  const system32 = win32.join(systemRoot, 'System32');
  return {
    command: win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
    args: [...HOST_ARGS, scriptPath],
    env: windowsEnv(systemRoot, tempDir, user, [system32, systemRoot, win32.join(system32, 'Wbem'), win32.join(system32, 'WindowsPowerShell', 'v1.0')]),
  };
};

/** A configured PowerShell 7 (`pwsh`). Pass `windows` on Windows so WinRM finds its system files. */
export const pwshHost = (pwshPath: string, scriptPath: string, windows?: { systemRoot: string; tempDir: string }, user: UserEnvironment = {}): HostCommand => ({
  command: pwshPath,
  args: [...HOST_ARGS, scriptPath],
  env: windows
    ? windowsEnv(windows.systemRoot, windows.tempDir, user, [win32.join(windows.systemRoot, 'System32'), windows.systemRoot])
    : { ...posixPassed(user), PATH: '/usr/local/bin:/usr/bin:/bin' },
});

/** The host command for the operator's PowerShell choice (Settings). */
export const hostForChoice = (
  choice: PowerShellChoice,
  where: { platform: NodeJS.Platform; scriptPath: string; systemRoot: string; tempDir: string; env: UserEnvironment },
): HostCommand =>
  choice.kind === 'windows-powershell'
    ? windowsPowerShellHost(where.scriptPath, where.systemRoot, where.tempDir, where.env)
    : pwshHost(choice.path, where.scriptPath, where.platform === 'win32' ? { systemRoot: where.systemRoot, tempDir: where.tempDir } : undefined, where.env);

/** child_process.spawn, as the PEP host and the version probe use it. */
export const systemSpawn: SpawnHost = spawn as unknown as SpawnHost;

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

/**
 * The same executable and environment as the host for this choice, asked only for its version
 * (`$PSVersionTable`): what the Settings screen shows the operator before anything is sent to it.
 */
export const versionProbeFor = (
  choice: PowerShellChoice,
  where: { platform: NodeJS.Platform; systemRoot: string; tempDir: string; env: UserEnvironment },
): HostCommand => ({
  ...hostForChoice(choice, { ...where, scriptPath: '' }),
  args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString(); $PSVersionTable.PSEdition'],
});
