import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, journalLoaded } from '../../../../electron/journal';
import type { JournalFs } from '../../../../electron/journal';
import { FORMAT_LINE } from '../../../../electron/journal/journal-lines';
import { memoryLogger } from '../../../../electron/log';
import { seedJournal } from '../../../fixtures/journal-seed';

// Journal at scale (issue 12, goal 5): a stage change writes the same bytes whatever the number of
// hand-offs, a kill at any byte of the last write loses nothing acknowledged, and older journals
// migrate without loss. Counts only, never the clock.

const stepClock = (start = Date.parse('2026-11-25T10:00:00Z')) => {
  let t = start;
  return { now: () => new Date((t += 1000)) };
};
const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const TOKEN = 'eyJjbG91ZElkIjoiNjk0NjQ4OTUifQ==';
const KEY = 'aGVhZGVy.cGF5bG9hZA.c2lnbmF0dXJl';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-journal-scale-'));
  file = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** fs whose file handles count what is written through them. */
const countingFs = () => {
  const counts = { bytes: 0, opens: 0 };
  const files: JournalFs = {
    ...fs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      counts.opens += 1;
      const count = (data: unknown) => {
        counts.bytes += typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
      };
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'appendFile' || prop === 'writeFile' || prop === 'write') {
            return (data: unknown, ...rest: unknown[]) => {
              count(data);
              return (target[prop] as (...a: unknown[]) => Promise<unknown>).call(target, data, ...rest);
            };
          }
          const v: unknown = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as JournalFs['open'],
  };
  return { counts, files };
};

const stageChangeCost = async (handoffs: number) => {
  const sub = join(dir, String(handoffs));
  const path = join(sub, 'journal.jsonl');
  await fs.mkdir(sub, { recursive: true });
  const ids = await seedJournal(path, handoffs);
  const { counts, files } = countingFs();
  const j = await createJournal({ file: path, fs: files, clock: stepClock(), log: memoryLogger() });
  const target = ids[Math.floor(handoffs / 2)] ?? '';
  await j.updateHandoff(target, { stage: 'registered', note: 'Registered' });
  const listed = j.list();
  await j.close();
  return { ...counts, listed: listed.length, stage: listed.find((h) => h.id === target)?.stage };
};

describe('journal at scale', () => {
  it('one stage change writes the same bytes with 10,000 hand-offs as with 10 (no whole-file rewrite)', async () => {
    const small = await stageChangeCost(10);
    const large = await stageChangeCost(10_000);
    expect(small.listed).toBe(10);
    expect(large.listed).toBe(10_000);
    expect(large.stage).toBe('registered');
    expect(large.bytes).toBe(small.bytes);
    expect(large.opens).toBe(small.opens);
    // One line: far below the size of the journal.
    expect(large.bytes).toBeLessThan(2_000);
  });

  it('opens without parsing a hand-off line: the same parses with 10,000 hand-offs as with 10', async () => {
    const parsesAtOpen = async (handoffs: number) => {
      const sub = join(dir, `open-${handoffs}`);
      await fs.mkdir(sub, { recursive: true });
      const path = join(sub, 'journal.jsonl');
      const ids = await seedJournal(path, handoffs);
      await fs.appendFile(path, `${JSON.stringify({ t: 'op-start', id: 'op-1', kind: 'azure.register', at: '2026-11-25T10:00:00.000Z', meta: {} })}\n`);
      const parse = vi.spyOn(JSON, 'parse');
      try {
        const j = await createJournal({ file: path, fs, clock: stepClock(), log: memoryLogger() });
        const atOpen = parse.mock.calls.length;
        // One hand-off needed before the background load parses its own line only.
        const one = j.handoff(ids[1] ?? '');
        const forOne = parse.mock.calls.length - atOpen;
        await journalLoaded(j);
        const loaded = parse.mock.calls.length;
        const listed = j.list();
        const forListing = parse.mock.calls.length - loaded;
        await j.close();
        return { atOpen, forOne, forListing, loadedTotal: loaded, listed: listed.length, unfinished: j.unfinishedOperations().length, stage: one?.stage };
      } finally {
        parse.mockRestore();
      }
    };
    const small = await parsesAtOpen(10);
    const large = await parsesAtOpen(10_000);
    expect(large.atOpen).toBe(small.atOpen);
    expect(large.atOpen).toBe(1); // the operation line
    expect(large.unfinished).toBe(1);
    expect([small.forOne, large.forOne]).toEqual([1, 1]);
    expect(large.stage).toBe('key-saved');
    // The background load parses each hand-off once; listings are then served from memory.
    expect(large.loadedTotal).toBe(1 + 10_000);
    expect([small.forListing, large.forListing]).toEqual([0, 0]);
    expect([small.listed, large.listed]).toEqual([10, 10_000]);
  });

  it('a listing asked for before the background load is complete and in order', async () => {
    const ids = await seedJournal(file, 2_000);
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const listed = j.list();
    expect(listed.map((h) => h.id)).toEqual([...ids].reverse());
    await j.close();
  });

  it('an unreadable last line of a hand-off gives way to its line before, and the log is compacted', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const h = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD, token: TOKEN });
    await j.close();
    const good = await fs.readFile(file, 'utf8');
    const last = good.trimEnd().split('\n').at(-1) ?? '';
    // A damaged line of the same hand-off after it (its prefix intact, its end garbled).
    await fs.appendFile(file, `${last.replace('token-received', 'registered').slice(0, -10)}#garbled\n`);
    const log = memoryLogger();
    const again = await createJournal({ file, fs, clock: stepClock(), log });
    expect(again.handoff(h.id)?.stage).toBe('token-received');
    expect(again.kept(h.id)).toEqual({ token: TOKEN });
    await again.close(); // waits for the compaction the unreadable line calls for
    expect(await fs.readFile(file, 'utf8')).toBe(good);
  });

  it('keeps fields it does not know through an update, a reopen and a compaction', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const h = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD });
    await j.close();
    // As a newer version (or another part of the app) would write it.
    const written = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    expect(written[0]).toBe(FORMAT_LINE.trim());
    const line = JSON.parse(written[1] ?? '') as { entry: { summary: Record<string, unknown>; archived?: unknown } };
    line.entry.summary['purpose'] = 'renewal';
    line.entry.archived = { reason: 'duplicate' };
    await fs.writeFile(file, FORMAT_LINE + `${JSON.stringify(line)}\n`.repeat(200));
    const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    await again.updateHandoff(h.id, { stage: 'registered' });
    await again.close(); // compacted: 201 lines for one hand-off
    expect((await fs.readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    const third = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(third.handoff(h.id)).toMatchObject({ stage: 'registered', purpose: 'renewal' });
    expect(await fs.readFile(file, 'utf8')).toContain('"archived":{"reason":"duplicate"}');
    await third.close();
  });

  it('compacts a log of superseded lines after open, keeping every hand-off at its last stage', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const h = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD, token: TOKEN });
    for (let i = 0; i < 100; i++) await j.operationStarted(`op-${i}`, 'azure.register', { i }).then(() => j.operationEnded(`op-${i}`, 'succeeded'));
    await j.updateHandoff(h.id, { stage: 'registered' });
    await j.close();
    expect((await fs.readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(1 + 202);

    const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    await again.close(); // waits for the compaction queued at open
    expect((await fs.readFile(file, 'utf8')).trimEnd().split('\n')).toEqual([FORMAT_LINE.trim(), expect.stringContaining(h.id)]);
    const third = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(third.handoff(h.id)?.history.map((s) => s.stage)).toEqual(['token-received', 'registered']);
    expect(third.kept(h.id)).toEqual({ token: TOKEN });
  });

  it('a kill at any byte of the last write loses nothing acknowledged, and the next write is kept', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const a = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD, token: TOKEN });
    const b = await j.createHandoff({ side: 'stamp', stage: 'token-created', practice: false, cloudId: CLOUD, token: TOKEN });
    await j.operationStarted('op-1', 'azure.register', { handoffId: a.id });
    const before = await fs.readFile(file);
    await j.updateHandoff(a.id, { stage: 'key-issued', key: KEY });
    await j.close();
    const after = await fs.readFile(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);

    for (let cut = before.length; cut < after.length; cut++) {
      await fs.writeFile(file, after.subarray(0, cut));
      const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
      expect(again.handoff(a.id)?.stage, `cut at byte ${cut}`).toBe('token-received');
      expect(again.kept(a.id)?.token).toBe(TOKEN);
      expect(again.handoff(b.id)?.stage).toBe('token-created');
      expect(again.unfinishedOperations().map((o) => o.id)).toEqual(['op-1']);
      expect(again.list().map((x) => [x.id, x.stage])).toEqual([[b.id, 'token-created'], [a.id, 'token-received']]);
      // The torn line is cut off, so the next acknowledged write survives a reopen.
      await again.updateHandoff(b.id, { stage: 'token-saved' });
      await again.close();
      const third = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
      expect(third.handoff(b.id)?.stage, `write after a cut at byte ${cut}`).toBe('token-saved');
      await third.close();
    }
    await fs.writeFile(file, after);
    const whole = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(whole.handoff(a.id)?.stage).toBe('key-issued');
    expect(whole.kept(a.id)).toEqual({ token: TOKEN, key: KEY });
  });

  it('a kill at any byte of the first write of a new journal (format line and first hand-off) loses nothing acknowledged', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(await fs.readFile(file).catch(() => 'none')).toBe('none'); // opening writes nothing
    const a = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD, token: TOKEN });
    await j.close();
    const whole = await fs.readFile(file);
    expect(whole.toString('utf8').startsWith(FORMAT_LINE)).toBe(true);
    for (let cut = 0; cut < whole.length; cut++) {
      await fs.writeFile(file, whole.subarray(0, cut));
      const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
      expect(again.list(), `cut at byte ${cut}`).toEqual([]); // never acknowledged
      const b = await again.createHandoff({ side: 'stamp', stage: 'token-created', practice: false, cloudId: CLOUD });
      await again.close();
      const third = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
      expect(third.handoff(b.id)?.stage, `write after a cut at byte ${cut}`).toBe('token-created');
      expect((await fs.readFile(file, 'utf8')).startsWith(FORMAT_LINE)).toBe(true);
      await third.close();
    }
    await fs.writeFile(file, whole);
    expect((await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() })).handoff(a.id)?.stage).toBe('token-received');
  });

  it('a kill between the completion line and the texts file deletion leaves no texts behind', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const h = await j.createHandoff({ side: 'host', stage: 'key-saved', practice: false, cloudId: CLOUD, token: TOKEN, key: KEY });
    await j.close();
    const keptFile = join(`${file}.kept`, `${h.id}.kept.json`);
    const texts = await fs.readFile(keptFile);
    const k = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    await k.updateHandoff(h.id, { stage: 'activation-confirmed' });
    await k.close();
    await fs.writeFile(keptFile, texts); // as if the process died before the delete
    const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(again.kept(h.id)).toEqual({});
    await expect(fs.readdir(`${file}.kept`)).resolves.toEqual([]);
  });

  it('migrates a journal written with inline texts without losing a hand-off, a stage or a text', async () => {
    const open = randomUUID();
    const done = randomUUID();
    const at = '2026-11-20T10:00:00.000Z';
    const summary = (id: string, stage: string, complete: boolean) => ({
      id, side: 'host', stage, complete, practice: false, cloudId: CLOUD, files: [], createdAt: at, updatedAt: at,
      history: [{ stage: 'token-received', at }, ...(stage === 'token-received' ? [] : [{ stage, at }])],
    });
    const legacy = [
      { t: 'handoff', entry: { summary: summary(open, 'token-received', false), token: TOKEN } },
      { t: 'handoff', entry: { summary: summary(open, 'key-issued', false), token: TOKEN, key: KEY, stamp: { regionName: 'east' } } },
      { t: 'handoff', entry: { summary: summary(done, 'activation-confirmed', true) } },
      { t: 'op-start', id: 'op-9', kind: 'azure.register', at, meta: { handoffId: open } },
    ];
    await fs.writeFile(file, legacy.map((l) => `${JSON.stringify(l)}\n`).join(''));

    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(j.handoff(open)?.history.map((s) => s.stage)).toEqual(['token-received', 'key-issued']);
    expect(j.kept(open)).toEqual({ token: TOKEN, key: KEY, stamp: { regionName: 'east' } });
    expect(j.handoff(done)?.complete).toBe(true);
    expect(j.unfinishedOperations().map((o) => o.id)).toEqual(['op-9']);
    const text = await fs.readFile(file, 'utf8');
    expect(text.startsWith(FORMAT_LINE)).toBe(true);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(KEY);
    await j.close();

    const again = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    expect(again.kept(open)).toEqual({ token: TOKEN, key: KEY, stamp: { regionName: 'east' } });
    expect(again.list().map((h) => h.id).sort()).toEqual([open, done].sort());
  });

  it('serves listings without copying: a stored summary cannot be changed by a reader', async () => {
    const j = await createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });
    const h = await j.createHandoff({ side: 'host', stage: 'token-received', practice: false, cloudId: CLOUD });
    const listed = j.list()[0];
    expect(() => {
      if (listed) (listed as { stage: string }).stage = 'activated';
    }).toThrow(TypeError);
    expect(j.handoff(h.id)?.stage).toBe('token-received');
  });
});

describe('texts files', () => {
  it('never names a path outside their folder, whatever id a hand-edited journal carries', async () => {
    const { keptStore } = await import('../../../../electron/journal/kept-texts');
    const store = keptStore(fs, join(dir, 'kept'), memoryLogger());
    await expect(store.write('../outside', { token: TOKEN })).rejects.toThrow(/Not a hand-off id/);
    await expect(store.remove('..\\outside')).rejects.toThrow(/Not a hand-off id/);
    await expect(fs.readdir(dir)).resolves.not.toContain('outside.kept.json');
  });
});
