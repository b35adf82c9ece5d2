import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createJournal } from '../../../../electron/journal';
import { memoryLogger } from '../../../../electron/log';

// Operations the app closed on (ended as interrupted at the next start) stay listed until a later run
// settles them (an Unregister re-run that finds the registration gone): through reopens and compaction.

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-journal-int-'));
  file = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let tick = Date.parse('2026-12-05T10:00:00Z');
const open = () => createJournal({ file, fs, clock: { now: () => new Date((tick += 1000)) }, log: memoryLogger() });
const lineCount = async () => (await fs.readFile(file, 'utf8')).trimEnd().split('\n').length;

it('keeps interrupted operations through a reopen and a compaction, and forgets one once settled', async () => {
  const j = await open();
  await j.operationStarted('cut', 'azure.unregister', { subscriptionId: 'sub', target: 'name', registrationName: 'AzureStack-1' });
  await j.operationStarted('failed', 'azure.unregister', { subscriptionId: 'sub', target: 'name', registrationName: 'AzureStack-2' });
  await j.operationEnded('cut', 'interrupted');
  await j.operationEnded('failed', 'failed');
  // Enough ended operations for the next open to compact the log.
  for (let i = 0; i < 60; i++) {
    await j.operationStarted(`op-${i}`, 'azure.move', {});
    await j.operationEnded(`op-${i}`, 'succeeded');
  }
  const cut = { id: 'cut', kind: 'azure.unregister', startedAt: expect.any(String), meta: { subscriptionId: 'sub', target: 'name', registrationName: 'AzureStack-1' } };
  expect(j.interruptedOperations()).toEqual([cut]);
  expect(j.unfinishedOperations()).toEqual([]);
  await j.close();

  const again = await open();
  await again.close(); // waits for the compaction queued at open
  expect(await lineCount()).toBe(3); // format line, the cut operation's start and end
  const third = await open();
  expect(third.interruptedOperations()).toEqual([cut]);
  await third.settleInterrupted('cut');
  await third.settleInterrupted('never-interrupted'); // nothing to settle: nothing written
  expect(third.interruptedOperations()).toEqual([]);
  expect(await lineCount()).toBe(4);
  await third.close();

  const fourth = await open();
  expect(fourth.interruptedOperations()).toEqual([]);
  await fourth.close();
});
