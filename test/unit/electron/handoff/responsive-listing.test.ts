import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { HandoffFs } from '../../../../electron/handoff';
import { handoffHandlers } from '../../../../electron/handlers';
import type { StampSessions } from '../../../../electron/flows';
import { createDispatcher } from '../../../../electron/ipc/dispatcher';
import { memoryLogger } from '../../../../electron/log';
import type { Handlers } from '../../../../shared/contract';
import { MAX_INPUT_BYTES } from '../../../../shared/domain';
import type { HandoffFile } from '../../../../shared/domain';
import { handoffMachine, tempStickPerTest } from '../../../fixtures/handoff/machine';
import { encodeToken } from '../../../fixtures/handoff/samples';

// Listing a drive full of large hostile files must not freeze the main process: files are read one
// at a time, each decoded in time linear in its size (at most 1 MiB), with a turn of the event loop
// between files. An IPC request arriving meanwhile is answered after at most one file's work.

let root: string;
let stick: string;
tempStickPerTest('azs-responsive-', (dirs) => {
  ({ root, stick } = dirs);
});

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const N = MAX_INPUT_BYTES;
const HOSTILE = [
  '='.repeat(N),
  `${'A'.repeat(N - 1)}=`,
  `${'A'.repeat(N - 1)}!`,
  'a.'.repeat(N / 2),
  '\u200b'.repeat(N / 3),
  encodeToken({ cloudId: CLOUD, filler: 'x'.repeat(Math.floor(N * 0.7)) }),
  `${'A'.repeat(N / 2)}.${'A'.repeat(N / 2 - 2)}.`,
  'word '.repeat(N / 5),
];

it('answers an IPC round trip through the dispatcher while a drive of large hostile files is listed', async () => {
  for (const [i, content] of HOSTILE.entries()) await fs.writeFile(join(stick, `hostile-${i}.txt`), content);
  let finished = 0;
  const counting: HandoffFs = {
    ...fs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      const close = handle.close.bind(handle);
      return Object.assign(handle, {
        close: async () => {
          await close();
          if (String(args[0]).endsWith('.txt')) finished += 1;
        },
      });
    }) as typeof fs.open,
  };
  const handoff = await handoffMachine({ root, stick, name: 'host', files: counting });
  const handlers = handoffHandlers(handoff, {} as StampSessions) as Handlers;
  const dispatch = createDispatcher(handlers, memoryLogger());

  let listed = false;
  const listing = dispatch('handoff.files', { driveId: 'stick' }).finally(() => (listed = true));
  while (finished < 1) await nextTurn();
  // An IPC message arrives as its own event-loop task, like ipcMain.handle's.
  const sentAfter = finished;
  const answer = await new Promise<{ reply: Awaited<ReturnType<typeof dispatch>>; finishedBy: number; listed: boolean }>((resolve) => {
    setImmediate(() => void dispatch('handoff.list', {}).then((reply) => resolve({ reply, finishedBy: finished, listed })));
  });
  expect(answer.reply).toEqual({ ok: true, value: { handoffs: [], finished: { total: 0, shown: 0 } } });
  expect(answer.listed).toBe(false);
  expect(answer.finishedBy - sentAfter).toBeLessThanOrEqual(1);

  const result = await listing;
  expect(result.ok).toBe(true);
  const files = (result.ok ? result.value : []) as HandoffFile[];
  expect(files).toHaveLength(HOSTILE.length);
  expect(finished).toBe(HOSTILE.length);
  // Every hostile file is described; only the genuine token is one.
  expect(files.filter((f) => f.kind === 'token').map((f) => f.name)).toEqual(['hostile-5.txt']);
  expect(files.filter((f) => f.kind === 'unknown').every((f) => typeof f.problem === 'string')).toBe(true);
}, 90_000);
