import type { Readable, Writable } from 'node:stream';

/**
 * The part of a ChildProcess the PEP client uses. `child_process.spawn` satisfies it; so does the
 * practice stamp, which answers the same line protocol from in-process streams (a packaged app
 * with the RunAsNode fuse off cannot run a Node child).
 */
export interface HostProcess {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  readonly pid?: number | undefined;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  once(event: 'error', listener: (err: Error) => void): this;
}

export type SpawnOptionsLike = {
  env: Record<string, string>;
  windowsHide: true;
  shell: false;
  stdio: 'pipe';
};

export type SpawnHost = (command: string, args: readonly string[], options: SpawnOptionsLike) => HostProcess;

/** How to start a host: executable and arguments (the script path included). */
export type HostCommand = { command: string; args: readonly string[]; env: Record<string, string> };
