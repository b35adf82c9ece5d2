import type { AppError } from '../../shared/contract/problems';
import { hostStopped, powershellMissing, protocolError } from './errors';
import type { HostCommand, HostProcess, SpawnHost } from './host-process';
import { HostToNode } from './protocol';
import type { Logger, Sleep } from './types';

// One spawned host process: splits stdout into protocol lines, routes replies by request id, keeps a
// stderr tail for diagnostics, and fails every outstanding request if the process goes away.

export type Hello = Extract<HostToNode, { type: 'hello' }>;
export type HostReply = Exclude<HostToNode, { type: 'hello' }>;
type ReplyListener = { onMessage(msg: HostReply): void; onFailure(err: AppError): void };

export type HostConnection = {
  readonly hello: Promise<Hello>;
  readonly pid: number | undefined;
  alive(): boolean;
  track(id: string, listener: ReplyListener): void;
  untrack(id: string): void;
  write(data: string | Buffer): void;
  /** Closes stdin (the host cleans up and exits); kills it if it has not exited after `graceMs`. */
  shutdown(graceMs: number): Promise<void>;
  kill(reason: AppError): void;
};

type HostConnectionDeps = {
  spawn: SpawnHost;
  host: HostCommand;
  log: Logger;
  sleep: Sleep;
  maxLineBytes: number;
  /** Removes secrets from raw text before it is logged or returned. */
  redact(text: string): string;
};

const STDERR_TAIL_CHARS = 4000;
const LOGGED_LINE_CHARS = 300;
const EXIT_SETTLE_MS = 250;

export const startHost = (deps: HostConnectionDeps): HostConnection => {
  const listeners = new Map<string, ReplyListener>();
  let failure: AppError | undefined;
  let exited = false;
  let stderr = '';
  let resolveHello!: (h: Hello) => void;
  let rejectHello!: (e: AppError) => void;
  const hello = new Promise<Hello>((res, rej) => {
    resolveHello = res;
    rejectHello = rej;
  });
  hello.catch(() => undefined); // observed by callers that wait for it; never unhandled
  let resolveExit!: () => void;
  const exitPromise = new Promise<void>((res) => (resolveExit = res));

  const child: HostProcess = deps.spawn(deps.host.command, deps.host.args, {
    env: deps.host.env,
    windowsHide: true,
    shell: false,
    stdio: 'pipe',
  });

  const fail = (err: AppError) => {
    if (failure) return;
    failure = err;
    rejectHello(err);
    const pending = [...listeners.values()];
    listeners.clear();
    for (const l of pending) l.onFailure(err);
  };
  const kill = (reason: AppError) => {
    fail(reason);
    if (!exited) child.kill();
  };

  const onLine = (line: string) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      deps.log.warn('PEP host wrote a line that is not protocol JSON; ignored', { line: deps.redact(line.slice(0, LOGGED_LINE_CHARS)) });
      return;
    }
    const parsed = HostToNode.safeParse(json);
    if (!parsed.success) {
      deps.log.warn('PEP host sent an unrecognised message; ignored', { line: deps.redact(line.slice(0, LOGGED_LINE_CHARS)) });
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'hello') {
      resolveHello(msg);
      return;
    }
    const listener = listeners.get(msg.id);
    if (listener) listener.onMessage(msg);
    else deps.log.warn('PEP host answered a request that is no longer waiting', { id: msg.id, type: msg.type });
  };

  // Line splitting by hand: readline has no length limit, and an oversize line is a protocol error.
  let parts: Buffer[] = [];
  let partLength = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    let rest = chunk;
    for (let nl = rest.indexOf(0x0a); nl !== -1 && !failure; nl = rest.indexOf(0x0a)) {
      const lineLength = partLength + nl;
      const line = lineLength <= deps.maxLineBytes ? Buffer.concat([...parts, rest.subarray(0, nl)]).toString('utf8') : undefined;
      parts = [];
      partLength = 0;
      rest = rest.subarray(nl + 1);
      if (line === undefined) return kill(protocolError('a line longer than the limit', `${lineLength} bytes > ${deps.maxLineBytes}`));
      onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    if (failure || rest.length === 0) return;
    parts.push(rest);
    partLength += rest.length;
    if (partLength > deps.maxLineBytes) kill(protocolError('a line longer than the limit', `more than ${deps.maxLineBytes} bytes without a line end`));
  });
  // Exit and end of stdout arrive in either order; wait briefly for the other so the report has both.
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stdoutClosed = false;
  const settle = () => fail(hostStopped(exitInfo ?? { code: null, signal: null }, deps.redact(stderr)));
  const settleSoon = () => void deps.sleep(EXIT_SETTLE_MS).then(settle, settle);
  child.stdout.on('close', () => {
    stdoutClosed = true;
    if (exitInfo) settle();
    else settleSoon();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  child.once('exit', (code, signal) => {
    exited = true;
    exitInfo = { code, signal };
    resolveExit();
    if (stdoutClosed) settle();
    else settleSoon();
  });
  child.once('error', (err) => {
    exited = true;
    resolveExit();
    fail(powershellMissing(deps.host.command, err.message));
  });

  return {
    hello,
    pid: child.pid,
    alive: () => failure === undefined,
    track: (id, listener) => {
      if (failure) listener.onFailure(failure);
      else listeners.set(id, listener);
    },
    untrack: (id) => void listeners.delete(id),
    write: (data) => {
      if (!failure && child.stdin.writable) child.stdin.write(data);
    },
    kill,
    shutdown: async (graceMs) => {
      if (!child.stdin.destroyed) child.stdin.end();
      if (exited) return;
      const timer = new AbortController();
      const waited = await Promise.race([exitPromise.then(() => 'exited'), deps.sleep(graceMs, timer.signal).then(() => 'late', () => 'late')]);
      timer.abort();
      if (waited === 'late' && !exited) {
        deps.log.warn('PEP host did not exit after stdin closed; killing it', { pid: child.pid });
        child.kill();
      }
    },
  };
};
