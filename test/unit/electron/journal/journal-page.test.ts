import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, journalLoaded } from '../../../../electron/journal';
import { memoryLogger } from '../../../../electron/log';
import { seedJournal } from '../../../fixtures/journal-seed';
import type { SeedOptions } from '../../../fixtures/journal-seed';

// The paged listing (issue 12, goal 5: listing ≤ 20 ms with 10,000 hand-offs, even straight after
// open): every open hand-off plus the newest N finished ones, parsing only those lines. Counted by
// the JSON.parse calls a listing makes, never timed.

const stepClock = (start = Date.parse('2026-11-25T10:00:00Z')) => {
  let t = start;
  return { now: () => new Date((t += 1000)) };
};

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-journal-page-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const seeded = async (name: string, count: number, opts: SeedOptions) => {
  const file = join(dir, `${name}.jsonl`);
  const ids = await seedJournal(file, count, opts);
  return { file, ids };
};
const open = (file: string) => createJournal({ file, fs, clock: stepClock(), log: memoryLogger() });

/** JSON.parse calls made by `work`. */
const parsesOf = <T>(work: () => T): { value: T; parses: number } => {
  const parse = vi.spyOn(JSON, 'parse');
  try {
    const value = work();
    return { value, parses: parse.mock.calls.length };
  } finally {
    parse.mockRestore();
  }
};

describe('paged listing', () => {
  it('straight after open parses the open hand-offs and the finished ones shown: the same with 10,000 hand-offs as with 100', async () => {
    const OPEN = 5;
    const SHOWN = 20;
    const firstListing = async (count: number) => {
      // The open ones are the oldest: they must be found without reading the finished ones after them.
      const { file, ids } = await seeded(`s${count}`, count, { finished: (i) => i >= OPEN });
      const j = await open(file);
      const { value: page, parses } = parsesOf(() => j.page(SHOWN));
      await j.close();
      return { page, parses, ids };
    };
    const tiny = await firstListing(10);
    const small = await firstListing(100);
    const large = await firstListing(10_000);
    expect(tiny.parses).toBe(10); // fewer than a page: all of them
    expect(small.parses).toBe(OPEN + SHOWN);
    expect(large.parses).toBe(small.parses);
    expect(large.page.finished).toEqual({ total: 10_000 - OPEN, shown: SHOWN });
    expect(large.page.handoffs).toHaveLength(OPEN + SHOWN);
    // Every open one is there, old as it is.
    expect(large.page.handoffs.filter((h) => !h.complete).map((h) => h.id).sort()).toEqual(large.ids.slice(0, OPEN).sort());
    expect(tiny.page.finished).toEqual({ total: 10 - OPEN, shown: 10 - OPEN });
  });

  it('lists newest first: the newest finished ones, in creation order reversed', async () => {
    const { file, ids } = await seeded('order', 50, { finished: (i) => i !== 10 && i !== 40 });
    const j = await open(file);
    const page = j.page(3);
    expect(page.handoffs.map((h) => h.id)).toEqual([ids[49], ids[48], ids[47], ids[40], ids[10]]);
    expect(page.finished).toEqual({ total: 48, shown: 3 });
    // Asking for more gives the next older ones too, and the same after the background load.
    await journalLoaded(j);
    expect(j.page(5).handoffs.map((h) => h.id)).toEqual([ids[49], ids[48], ids[47], ids[46], ids[45], ids[40], ids[10]]);
    expect(j.page(1000).finished).toEqual({ total: 48, shown: 48 });
    await j.close();
  });

  it('includes the hand-offs asked for by id, whatever their age, and parses only them besides the page', async () => {
    const { file, ids } = await seeded('also', 1_000, { finished: 1_000 });
    const j = await open(file);
    const { value: page, parses } = parsesOf(() => j.page(2, [ids[3] ?? '', 'not-a-handoff']));
    expect(page.handoffs.map((h) => h.id)).toEqual([ids[999], ids[998], ids[3]]);
    expect(page.finished).toEqual({ total: 1_000, shown: 3 });
    expect(parses).toBe(3);
    await j.close();
  });

  it('open() lists every hand-off not complete, archived ones included, parsing only those', async () => {
    const { file, ids } = await seeded('open', 2_000, { finished: (i) => i % 500 !== 0 });
    const first = await open(file);
    await first.updateHandoff(ids[500] ?? '', { stage: 'archived', note: 'duplicate' });
    await first.close();
    const j = await open(file);
    const { value: listed, parses } = parsesOf(() => j.open());
    expect(listed.map((h) => [h.id, h.stage])).toEqual([
      [ids[1500], 'key-saved'],
      [ids[1000], 'key-saved'],
      [ids[500], 'archived'],
      [ids[0], 'key-saved'],
    ]);
    expect(parses).toBe(4);
    await j.close();
  });

  it('follows a stage change: a hand-off completed moves to the finished ones, one archived stays listed', async () => {
    const { file, ids } = await seeded('change', 300, { finished: (i) => i >= 3 });
    const j = await open(file);
    expect(j.page(10).finished.total).toBe(297);
    await j.updateHandoff(ids[0] ?? '', { stage: 'activation-confirmed' });
    await j.updateHandoff(ids[1] ?? '', { stage: 'archived', note: 'duplicate' });
    const page = j.page(10);
    expect(page.finished).toEqual({ total: 298, shown: 10 });
    // ids[0] is old: finished now, it leaves the listing (it is not among the 10 newest).
    expect(page.handoffs.map((h) => h.id)).not.toContain(ids[0]);
    expect(page.handoffs.find((h) => h.id === ids[1])?.stage).toBe('archived');
    expect(page.handoffs.find((h) => h.id === ids[2])?.stage).toBe('key-saved');
    await j.close();
    // The same after a reopen, from the lines' prefixes.
    const again = await open(file);
    const reread = again.page(10);
    expect(reread.finished).toEqual({ total: 298, shown: 10 });
    expect(reread.handoffs.filter((h) => !h.complete).map((h) => h.id)).toEqual([ids[2], ids[1]]);
    await again.close();
  });

  it('an unreadable last line of a hand-off gives way to its line before, in the listing straight after open too', async () => {
    const { file, ids } = await seeded('damaged', 200, { finished: 199 });
    const newest = ids[199] ?? '';
    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    const last = lines.at(-1) ?? '';
    // A completion line of the open hand-off, its prefix intact (it says complete) and its end garbled.
    const completion = last.replace('"stage":"key-saved","complete":false', '"stage":"activation-confirmed","complete":true');
    expect(completion).not.toBe(last);
    await fs.appendFile(file, `${completion.slice(0, -10)}#garbled\n`);
    const j = await open(file);
    const page = j.page(5);
    expect(page.handoffs.find((h) => h.id === newest)).toMatchObject({ stage: 'key-saved', complete: false });
    expect(page.finished).toEqual({ total: 199, shown: 5 });
    expect(j.open().map((h) => h.id)).toEqual([newest]);
    await j.close();
  });

  it('reads a hand-off line of another key order by parsing it at open, and pages it as it says', async () => {
    const { file, ids } = await seeded('shape', 30, { finished: 30 });
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    // The oldest one, rewritten open with `complete` before `stage` (as another writer might).
    const line = JSON.parse(lines[1] ?? '') as { entry: { summary: Record<string, unknown> } };
    const { id, side, stage: _stage, complete: _complete, ...rest } = line.entry.summary;
    line.entry.summary = { id, side, complete: false, stage: 'key-saved', ...rest };
    lines[1] = JSON.stringify(line);
    await fs.writeFile(file, lines.join('\n'));
    const { value: j, parses: atOpen } = await (async () => {
      const parse = vi.spyOn(JSON, 'parse');
      try {
        const journal = await open(file);
        return { value: journal, parses: parse.mock.calls.length };
      } finally {
        parse.mockRestore();
      }
    })();
    expect(atOpen).toBe(1);
    const page = j.page(2);
    expect(page.handoffs.map((h) => [h.id, h.complete])).toEqual([[ids[29], true], [ids[28], true], [ids[0], false]]);
    expect(page.finished).toEqual({ total: 29, shown: 2 });
    await j.close();
  });

  it('keeps the order through a compaction', async () => {
    const { file, ids } = await seeded('compact', 100, { finished: (i) => i >= 10 });
    const j = await open(file);
    // Superseded lines: enough to call for a compaction at the next open. Updated oldest first, so
    // the last lines are in the reverse order of creation for these.
    for (let round = 0; round < 3; round++) for (const id of ids.slice(0, 10)) await j.updateHandoff(id, { note: `round ${round}` });
    for (let i = 0; i < 100; i++) await j.operationStarted(`op-${i}`, 'azure.register', {}).then(() => j.operationEnded(`op-${i}`, 'succeeded'));
    const before = j.page(20).handoffs.map((h) => h.id);
    await j.close();
    const lines = async () => (await fs.readFile(file, 'utf8')).trimEnd().split('\n').length;
    const linesBefore = await lines();
    const again = await open(file);
    await again.close(); // waits for the compaction queued at open
    expect(await lines()).toBeLessThan(linesBefore);
    const third = await open(file);
    expect(third.page(20).handoffs.map((h) => h.id)).toEqual(before);
    expect(before.slice(0, 20)).toEqual(ids.slice(80).reverse());
    await third.close();
  });
});
