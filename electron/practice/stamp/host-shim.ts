import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { HostProcess } from '../../pep/host-process';

// An in-process stand-in for `powershell.exe -File pep-host.ps1`: three pipes and an exit event.
// A packaged app cannot run a Node child (RunAsNode fuse off), so the practice stamp lives here.

export class InProcessHost extends EventEmitter implements HostProcess {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly pid = undefined;
  #exited = false;
  #onKill: (() => void) | undefined;

  get exited(): boolean {
    return this.#exited;
  }

  /** What the host does when killed (abort the running command). */
  onKill(handler: () => void): void {
    this.#onKill = handler;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    if (this.#exited) return false;
    this.#onKill?.();
    this.exit(null, signal);
    return true;
  }

  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    if (this.#exited) return;
    this.#exited = true;
    this.stdout.end();
    this.stderr.end();
    // Like a dead child's pipe, later writes to stdin go nowhere.
    this.stdin.resume();
    // Listeners attach after spawn() returns; never emit synchronously.
    setImmediate(() => this.emit('exit', code, signal));
  }
}
