import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach } from 'vitest';
import { createPepClient } from '../../../../electron/pep';
import type { PepClient, PepTimeouts, ProbePort } from '../../../../electron/pep';
import type { SpawnHost, SpawnOptionsLike } from '../../../../electron/pep/host-process';

// Runs the production client against test/fixtures/fake-pep-host.mjs through real child_process.spawn.

export const FAKE_HOST = fileURLToPath(new URL('../../../fixtures/fake-pep-host.mjs', import.meta.url));
/** A password that must never leave the stdin pipe: quotes, substitution, non-ASCII. */
export const SENTINEL = 'Sentinel-7Qx"\'$(whoami)`;é🔑';

export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> };
export type Received = { kind: string; raw?: string; argv?: string[]; env?: Record<string, string> };

export type Harness = {
  client: PepClient;
  logs: LogEntry[];
  spawned: { command: string; args: readonly string[]; options: SpawnOptionsLike; child: ChildProcess }[];
  /** Everything the fake recorded: its start (argv, env), each line it read, how it exited. */
  received(): Received[];
  /** The protocol messages the fake read from stdin, parsed. */
  messages(): Record<string, unknown>[];
  dispose(): Promise<void>;
};

export type HarnessOptions = {
  scenario?: string;
  fail?: string;
  trusted?: string;
  extraArgs?: string[];
  timeouts?: Partial<PepTimeouts>;
  maxLineBytes?: number;
  probePort?: ProbePort;
  command?: string;
};

const FAST: Partial<PepTimeouts> = { hello: 10_000, cancelGrace: 2_000, exitGrace: 2_000, retryBackoff: 1 };

export const harness = (opts: HarnessOptions = {}): Harness => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-fake-'));
  const recordFile = join(dir, 'received.jsonl');
  writeFileSync(recordFile, '');
  const logs: LogEntry[] = [];
  const spawned: Harness['spawned'] = [];
  const args = [
    FAKE_HOST,
    `--scenario=${opts.scenario ?? 'success'}`,
    `--record=${recordFile}`,
    ...(opts.fail ? [`--fail=${opts.fail}`] : []),
    ...(opts.trusted !== undefined ? [`--trusted=${opts.trusted}`] : []),
    ...(opts.extraArgs ?? []),
  ];
  const realSpawn: SpawnHost = (command, a, options) => {
    const child = spawn(command, a, options);
    spawned.push({ command, args: a, options, child });
    return child;
  };
  const log = (level: LogEntry['level']) => (message: string, data?: Record<string, unknown>) => void logs.push({ level, message, ...(data ? { data } : {}) });
  const client = createPepClient({
    spawn: realSpawn,
    host: { command: opts.command ?? process.execPath, args, env: { PATH: '/usr/bin:/bin' } },
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
    probePort: opts.probePort ?? (async () => true),
    timeouts: { ...FAST, ...opts.timeouts },
    ...(opts.maxLineBytes ? { maxLineBytes: opts.maxLineBytes } : {}),
  });
  const received = (): Received[] =>
    readFileSync(recordFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Received);
  return {
    client,
    logs,
    spawned,
    received,
    messages: () => received().flatMap((r) => (r.kind === 'line' && r.raw ? [JSON.parse(r.raw) as Record<string, unknown>] : [])),
    dispose: async () => {
      await client.closeAll();
      for (const s of spawned) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill();
    },
  };
};

/** Waits until `check` holds (for effects that happen after a promise settles, such as a process exit). */
export const eventually = async (check: () => boolean, what: string): Promise<void> => {
  // A bound, not a timing assertion: generous, because a loaded 2-core CI machine starts Node slowly.
  for (let i = 0; i < 1000; i += 1) {
    if (check()) return;
    await delay(10);
  }
  throw new Error(`timed out waiting for: ${what}`);
};

/** Resolves with the AppError problem code (and problem) a promise rejected with. */
export const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const problem = (err as { problem?: { code: string; message: string; action?: string; detail?: string; retryable: boolean; reference?: string } }).problem;
    if (problem) return problem;
    throw err;
  }
  throw new Error('expected a rejection');
};

export const HOSTS = ['10.0.0.224', '10.0.0.225'];
export const TOKEN_PARAMS = { BillingModel: 'Capacity', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: '12345678' } as const;

/** One fake host per test, disposed after it; `connect` signs in as CloudAdmin with the sentinel password. */
export const useHarness = () => {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return {
    start: (opts: HarnessOptions = {}): Harness => (current = harness(opts)),
    connect: (h: Harness, extra: Partial<Parameters<Harness['client']['connect']>[0]> = {}) =>
      h.client.connect({ hosts: HOSTS, user: 'AZURESTACK\\CloudAdmin', password: SENTINEL, ...extra }),
  };
};
