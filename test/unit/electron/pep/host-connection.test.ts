import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../../../electron/pep/host-connection';
import type { SpawnHost } from '../../../../electron/pep/host-process';
import { FAKE_HOST, eventually } from './fake-host';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('host connection', () => {
  it('reads the greeting and, on stdin EOF, lets the host clean up and exit (dead man\'s switch)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pep-conn-'));
    const record = join(dir, 'r.jsonl');
    writeFileSync(record, '');
    let exitCode: number | null = null;
    const spawnHost: SpawnHost = (c, a, o) => {
      const child = spawn(c, a, o);
      child.once('exit', (code) => (exitCode = code));
      return child;
    };
    const conn = startHost({
      spawn: spawnHost,
      host: { command: process.execPath, args: [FAKE_HOST, `--record=${record}`], env: {} },
      log: silent,
      sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
      maxLineBytes: 1024,
      redact: (s) => s,
    });
    expect(await conn.hello).toMatchObject({ type: 'hello', lang: 'FullLanguage', protocol: 1 });
    await conn.shutdown(15_000);
    await eventually(() => exitCode === 0, 'clean exit');
    expect(readFileSync(record, 'utf8')).toContain('"reason":"stdin-eof"');
    // Exit and the end of stdout come in either order; the connection is marked dead once it has both.
    await eventually(() => !conn.alive(), 'connection marked dead');
  });

  it('fails outstanding requests when the process dies', async () => {
    const conn = startHost({
      spawn: (c, a, o) => spawn(c, a, o),
      host: { command: process.execPath, args: ['-e', "process.stdout.write('{\"type\":\"hello\",\"ps\":\"5.1\",\"edition\":\"Desktop\",\"lang\":\"FullLanguage\",\"protocol\":1}\\n'); setTimeout(() => { process.stderr.write('fatal'); process.exit(9); }, 50)"], env: {} },
      log: silent,
      sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
      maxLineBytes: 1024,
      redact: (s) => s,
    });
    await conn.hello;
    const failure = await new Promise<{ code: string; detail?: string }>((resolve) => conn.track('r1', { onMessage: () => undefined, onFailure: (e) => resolve(e.problem) }));
    expect(failure.code).toBe('pep-host-crashed');
    expect(failure.detail).toContain('exit code 9');
    expect(failure.detail).toContain('fatal');
  });

  it('kills a host that streams a line longer than the limit without ending it', async () => {
    const conn = startHost({
      spawn: (c, a, o) => spawn(c, a, o),
      host: { command: process.execPath, args: ['-e', "setInterval(() => process.stdout.write('x'.repeat(600)), 5)"], env: {} },
      log: silent,
      sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
      maxLineBytes: 1024,
      redact: (s) => s,
    });
    await expect(conn.hello).rejects.toMatchObject({ problem: { code: 'pep-protocol' } });
  });
});
