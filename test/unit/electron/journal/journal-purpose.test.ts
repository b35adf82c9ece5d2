import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournal } from '../../../../electron/journal';
import { isHandoffPurpose } from '../../../../shared/domain';
import { memoryLogger } from '../../../../electron/log';

// A hand-off says what it is for (renewal, billing change…). Through the journal's public API only:
// the purpose survives a reopen, and journals written before purposes existed still read.

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const clock = { now: () => new Date('2026-12-05T08:00:00Z') };
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-journal-purpose-'));
  file = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const open = () => createJournal({ file, fs, clock, log: memoryLogger() });
const line = (summary: Record<string, unknown>) =>
  `${JSON.stringify({
    t: 'handoff',
    entry: {
      summary: {
        side: 'stamp', stage: 'token-saved', complete: false, practice: false, cloudId: CLOUD, files: [],
        createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', history: [{ stage: 'token-saved', at: '2026-11-01T10:00:00.000Z' }],
        ...summary,
      },
    },
  })}\n`;

describe('hand-off purpose in the journal', () => {
  it('is kept with the hand-off and survives a reopen', async () => {
    const j = await open();
    const h = await j.createHandoff({ side: 'stamp', stage: 'token-created', practice: false, cloudId: CLOUD, purpose: 'billing-change', token: 'dG9rZW4=' });
    expect(h.purpose).toBe('billing-change');
    await j.updateHandoff(h.id, { stage: 'token-saved', note: 'Saved' });
    await j.close();
    const again = await open();
    expect(again.handoff(h.id)).toMatchObject({ stage: 'token-saved', purpose: 'billing-change' });
    await again.close();
  });

  it('reads journals written before purposes existed, and a hand-off whose purpose this version does not know', async () => {
    await fs.writeFile(file, line({ id: 'old-1' }) + line({ id: 'new-1', purpose: 'renewal' }) + line({ id: 'future-1', purpose: 'teleportation' }));
    const j = await open();
    const byId = new Map(j.list().map((h) => [h.id, h]));
    expect([...byId.keys()].sort()).toEqual(['future-1', 'new-1', 'old-1']);
    expect(byId.get('old-1')?.purpose).toBeUndefined();
    expect(byId.get('new-1')?.purpose).toBe('renewal');
    // Kept or left out, as the journal's engine does with fields it does not know; the screens show it as not recorded.
    expect(isHandoffPurpose(byId.get('future-1')?.purpose)).toBe(false);
    await j.close();
  });
});
