import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { createJournal } from '../../../../electron/journal';
import type { Journal, JournalFs } from '../../../../electron/journal';
import { memoryLogger } from '../../../../electron/log';

const stepClock = (start = Date.parse('2026-11-25T10:00:00Z')) => {
  let t = start;
  return { now: () => new Date((t += 1000)) };
};

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-journal-'));
  file = join(dir, 'data', 'journal.jsonl');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const open = (log = memoryLogger(), clock = stepClock(), files: JournalFs = fs) => createJournal({ file, fs: files, clock, log });
const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const TOKEN = 'eyJjbG91ZElkIjoiNjk0NjQ4OTUifQ==';
const KEY = 'aGVhZGVy.cGF5bG9hZA.c2lnbmF0dXJl';

const hostHandoff = (j: Journal) =>
  j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD, token: TOKEN, tokenFingerprint: 'AAAA-BBBB-CCCC', note: 'Pasted' });

describe('journal', () => {
  it('survives a reopen: hand-offs with their stage history, kept texts, and unfinished operations', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.updateHandoff(h.id, { stage: 'registered', note: '/subscriptions/x', registrationName: 'AzureStack-1' });
    await j.operationStarted('op-1', 'azure.register', { handoffId: h.id, subscriptionId: 'sub' });
    await j.operationStarted('op-2', 'stamp.activate', { handoffId: h.id });
    await j.operationEnded('op-1', 'succeeded');
    await j.close();

    const again = await open();
    const back = again.handoff(h.id);
    expect(back).toMatchObject({ side: 'host', stage: 'registered', complete: false, registrationName: 'AzureStack-1', tokenFingerprint: 'AAAA-BBBB-CCCC' });
    expect(back?.history.map((s) => [s.stage, s.note])).toEqual([
      ['token-received', 'Pasted'],
      ['registered', '/subscriptions/x'],
    ]);
    expect(again.kept(h.id)).toEqual({ token: TOKEN });
    expect(again.unfinishedOperations()).toEqual([
      { id: 'op-2', kind: 'stamp.activate', startedAt: expect.any(String), meta: { handoffId: h.id } },
    ]);
  });

  it('keeps the token and key in their own file until the hand-off completes, then deletes it', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.updateHandoff(h.id, { stage: 'key-issued', key: KEY, keyFingerprint: 'DDDD-EEEE-FFFF' });
    expect(j.kept(h.id)).toEqual({ token: TOKEN, key: KEY });
    expect(await fs.readFile(file, 'utf8')).not.toContain(TOKEN);
    const keptFile = join(`${file}.kept`, `${h.id}.kept.json`);
    expect(JSON.parse(await fs.readFile(keptFile, 'utf8'))).toEqual({ token: TOKEN, key: KEY });

    const saved = await j.updateHandoff(h.id, { stage: 'key-saved', file: '/media/usb/key.txt' });
    expect(saved.complete).toBe(false);
    expect(j.kept(h.id)).toEqual({ token: TOKEN, key: KEY });
    const done = await j.updateHandoff(h.id, { stage: 'activation-confirmed' });
    expect(done).toMatchObject({ complete: true, files: ['/media/usb/key.txt'], keyFingerprint: 'DDDD-EEEE-FFFF' });
    expect(j.kept(h.id)).toEqual({});
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(KEY);
    expect((await fs.readdir(join(dir, 'data'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await fs.readdir(`${file}.kept`)).toEqual([]);

    const again = await open();
    expect(again.handoff(h.id)?.complete).toBe(true);
    expect(again.kept(h.id)).toEqual({});
  });

  it('tolerates a torn last line, reports it, and repairs the file', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.close();
    await fs.appendFile(file, '{"t":"handoff","entry":{"summ');

    const log = memoryLogger();
    const again = await open(log);
    expect(again.handoff(h.id)?.stage).toBe('token-received');
    expect(log.lines.some((l) => l.level === 'warn' && /cut short/.test(l.message))).toBe(true);
    await again.updateHandoff(h.id, { stage: 'registered' });
    await again.close();

    const third = await open();
    expect(third.handoff(h.id)?.stage).toBe('registered');
    expect(await fs.readFile(file, 'utf8')).not.toContain('"summ\n');
  });

  it('skips an unreadable line in the middle and logs it as an error', async () => {
    await fs.mkdir(join(dir, 'data'), { recursive: true });
    const j = await open();
    const h = await hostHandoff(j);
    await j.close();
    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    await fs.writeFile(file, ['not json', ...lines, ''].join('\n'));
    const log = memoryLogger();
    const again = await open(log);
    expect(again.handoff(h.id)).toBeDefined();
    expect(log.lines.some((l) => l.level === 'error' && /unreadable/.test(l.message))).toBe(true);
  });

  it('drops texts of a hand-off found complete at open (crash before the rewrite)', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.close();
    const line = JSON.parse((await fs.readFile(file, 'utf8')).trim().split('\n').at(-1) ?? '') as { entry: { summary: { complete: boolean; stage: string } } };
    line.entry.summary.complete = true;
    line.entry.summary.stage = 'key-saved';
    await fs.appendFile(file, `${JSON.stringify(line)}\n`);
    const again = await open();
    expect(again.kept(h.id)).toEqual({});
    expect(await fs.readFile(file, 'utf8')).not.toContain(TOKEN);
  });

  it('lists newest first', async () => {
    const j = await open();
    const a = await hostHandoff(j);
    const b = await j.createHandoff({ side: 'stamp', stage: 'token-created', practice: true, cloudId: CLOUD });
    expect(j.list().map((h) => h.id)).toEqual([b.id, a.id]);
  });

  it('never records secret-looking or non-plain operation fields', async () => {
    const log = memoryLogger();
    const j = await open(log);
    await j.operationStarted('op', 'stamp.createToken', { sessionId: 's', password: 'P@ss', refreshToken: 'rt-secret', accessToken: 'at-secret', nested: { a: 1 } });
    expect(j.unfinishedOperations()[0]?.meta).toEqual({ sessionId: 's' });
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toMatch(/P@ss|rt-secret|at-secret/);
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('refuses unknown hand-offs and writes after close', async () => {
    const j = await open();
    await expect(j.updateHandoff('nope', { stage: 'registered' })).rejects.toMatchObject({ problem: { code: 'not-found' } });
    await j.close();
    await expect(hostHandoff(j)).rejects.toBeInstanceOf(AppError);
  });

  it('reports a failing disk as an AppError and keeps memory unchanged', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.close();
    const broken: JournalFs = { ...fs, open: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) };
    const again = await open(memoryLogger(), stepClock(), broken);
    await expect(again.updateHandoff(h.id, { stage: 'registered' })).rejects.toMatchObject({ problem: { code: 'internal' } });
    expect(again.handoff(h.id)?.stage).toBe('token-received');
    await expect(again.updateHandoff(h.id, { stage: 'key-saved' })).rejects.toMatchObject({ problem: { code: 'internal' } });
    expect(again.handoff(h.id)?.complete).toBe(false);
  });

  it('tries a write again while another program holds the file (Windows antivirus), then reports it', async () => {
    const j = await open();
    const h = await hostHandoff(j);
    await j.close();
    const busy = (code: string, times: number) => {
      let left = times;
      const files: JournalFs = {
        ...fs,
        open: (async (...args: Parameters<typeof fs.open>) => {
          if (args[1] === 'a' && left > 0) {
            left -= 1;
            throw Object.assign(new Error(`${code}: resource busy or locked, open`), { code });
          }
          return fs.open(...args);
        }) as JournalFs['open'],
      };
      return files;
    };
    const waits: number[] = [];
    const log = memoryLogger();
    const held = await createJournal({ file, fs: busy('EBUSY', 2), clock: stepClock(), log, sleep: async (ms) => void waits.push(ms) });
    await held.updateHandoff(h.id, { stage: 'registered' });
    expect(waits).toEqual([50, 200]);
    expect(log.lines.filter((l) => l.message.includes('held by another program'))).toHaveLength(2);
    await held.close();
    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('"registered"'))).toHaveLength(1);

    waits.length = 0;
    const locked = await createJournal({ file, fs: busy('EPERM', 99), clock: stepClock(), log: memoryLogger(), sleep: async (ms) => void waits.push(ms) });
    await expect(locked.updateHandoff(h.id, { stage: 'key-issued' })).rejects.toMatchObject({ problem: { code: 'internal', action: expect.stringMatching(/permissions/) } });
    expect(waits).toEqual([50, 200, 800]);
    expect(locked.handoff(h.id)?.stage).toBe('registered');
  });
});
