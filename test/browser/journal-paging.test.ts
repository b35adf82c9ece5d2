import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HANDOFF_PAGE_SIZE } from '../../shared/domain';
import type { HandoffSummary } from '../../shared/domain';
import { seedJournal } from '../fixtures/journal-seed';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { next } from './harness/operator';

// A connected host with years of hand-offs (issue 12, goal 5): the Hand-offs screen lists every open
// one and the newest finished ones, says how many finished ones there are, and "Show older" (by
// keyboard) reads the next ones. Unregister by token says its choices are the listed hand-offs
// while older ones are not read.

const FINISHED = HANDOFF_PAGE_SIZE + 30;
const OPEN = 2;

describeOnEachLauncher(
  'hand-offs of a large journal',
  (flow) => {
    it('shows the newest finished hand-offs with the count, and the older ones on "Show older", every open one always; Unregister says while older ones are not read', async () => {
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
      const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
      // Signed in with a subscription chosen, for the Unregister screen below.
      await page.getByTestId('side-host').click();
      await page.getByRole('button', { name: 'Sign in to Azure' }).click();
      await page.getByTestId('azure-account').waitFor();
      await next(page);
      await page.getByRole('radio').first().check();
      await next(page);

      await nav('Hand-offs');
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

      // Unregister by token offers the listed hand-offs only, and says so; so does its activated-stamp check.
      const limited = 'Only the hand-offs listed under Hand-offs are offered: show older ones there, or unregister by name.';
      await nav('Unregister');
      await page.getByRole('radio', { name: 'By the registration token read on this host (matched by cloud ID)' }).check();
      expect(await page.locator('#unreg-token-hint').textContent()).toBe(limited);
      expect(await page.locator('#unreg-token').getAttribute('aria-describedby')).toBe('unreg-token-hint');
      expect(await page.getByTestId('unregister-older-unread').count()).toBe(1);
      await nav('Hand-offs');
      await expect.poll(() => items.count()).toBe(HANDOFF_PAGE_SIZE + OPEN);

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

      // Everything is read now: Unregister no longer says otherwise.
      await nav('Unregister');
      await page.locator('#unreg-token').waitFor();
      expect(await page.locator('#unreg-token-hint').count()).toBe(0);
      expect(await page.getByTestId('unregister-older-unread').count()).toBe(0);
    });
  },
  ['bridge'],
);
