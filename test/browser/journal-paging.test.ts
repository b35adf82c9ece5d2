import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HANDOFF_PAGE_SIZE } from '../../shared/domain';
import type { HandoffSummary } from '../../shared/domain';
import { seedJournal } from '../fixtures/journal-seed';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';

// A connected host with years of hand-offs (issue 12, goal 5): the Hand-offs screen lists every open
// one and the newest finished ones, says how many finished ones there are, and "Show older" (by
// keyboard) reads the next ones.

const FINISHED = HANDOFF_PAGE_SIZE + 30;
const OPEN = 2;

describeOnEachLauncher(
  'hand-offs of a large journal',
  (flow) => {
    it('shows the newest finished hand-offs with the count, and the older ones on "Show older", every open one always', async () => {
      /** Registration names, oldest hand-off first. */
      let names: string[] = [];
      const { page } = await flow.machine('host', {
        backend: {
          // The open ones are the oldest: they are listed from the start all the same.
          prepare: async (dataDir) => {
            const file = join(dataDir, 'practice-journal.jsonl');
            await seedJournal(file, FINISHED + OPEN, { finished: (i) => i >= OPEN, practice: true });
            const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1);
            names = lines.map((l) => (JSON.parse(l) as { entry: { summary: HandoffSummary } }).entry.summary.registrationName ?? '');
          },
        },
      });
      await page.getByRole('navigation').getByRole('button', { name: 'Hand-offs', exact: true }).click();
      const items = page.getByTestId('handoff');
      await expect.poll(() => items.count()).toBe(HANDOFF_PAGE_SIZE + OPEN);
      expect(await page.getByTestId('finished-paging').textContent()).toBe(`Showing the newest ${HANDOFF_PAGE_SIZE} of ${FINISHED} finished hand-offs.`);
      const listed = async () => (await items.evaluateAll((els) => els.map((el) => el.textContent ?? ''))).join('\n');
      const oldestOpen = names[0] ?? '?';
      const oldestFinished = names[OPEN] ?? '?';
      const newestFinished = names.at(-1) ?? '?';
      const before = await listed();
      expect(before).toContain(oldestOpen);
      expect(before).toContain(newestFinished);
      expect(before).not.toContain(oldestFinished);
      expect(await items.locator('.handoff-head .status-running').count()).toBe(OPEN);
      expect(await axeViolations(page)).toEqual([]);

      // By keyboard: the button takes Enter; the older ones come, then the sentence says all are shown and has focus.
      const showOlder = page.getByTestId('show-older');
      await showOlder.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => items.count()).toBe(FINISHED + OPEN);
      expect(await page.getByTestId('finished-paging').textContent()).toBe(`All ${FINISHED} finished hand-offs are shown.`);
      expect(await showOlder.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('finished-paging');
      expect(await listed()).toContain(oldestFinished);
      expect(await axeViolations(page)).toEqual([]);
    });
  },
  ['bridge'],
);
