import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { connectStamp, exportTokenToUsb, next, readTokenOnHost, registerAndSaveKey, stepIs, text, useUsbFolder } from './harness/operator';

// Moving between legs and hand-offs from anywhere (issue 10): a new export or registration without
// losing the hand-off in progress, Activate offered where a key is expected, archiving a hand-off
// with a reason, and the ERCS addresses the app remembers.

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
const dialog = (page: Page) => page.getByRole('dialog');
const handoffItems = (page: Page) => page.getByTestId('handoff');

describeOnEachLauncher('moving between legs and hand-offs', (flow) => {
  it('starts a new export from anywhere, keeps the hand-off in progress, offers Activate on it and says when its key is on the drive', async () => {
    const { page: stamp } = await flow.machine('stamp');
    const { cloudId } = await exportTokenToUsb(stamp);
    await next(stamp);
    await stamp.getByRole('button', { name: 'The key is back: activate' }).waitFor();

    // The keyboard shortcut, from another screen: it asks, and says what becomes of the current hand-off.
    await nav(stamp, 'Settings');
    await stamp.keyboard.press('Control+Shift+E');
    expect(await dialog(stamp).getByRole('heading').textContent()).toBe('Start a new export?');
    expect(await text(stamp, 'new-leg-current')).toBe(
      `The hand-off in progress (stamp ${cloudId}, Token saved to the drive) stays in the journal of this machine. Its token stays kept: nothing is lost. Find it under Hand-offs: Activate opens it when its key comes back.`,
    );
    expect(await axeViolations(stamp)).toEqual([]);
    await dialog(stamp).getByRole('button', { name: 'Keep working on the current one' }).click();
    expect(await stamp.getByTestId('settings-screen').count()).toBe(1);

    // The side navigation: the new export starts at the stamp (the session stays open).
    await stamp.getByTestId('new-export').click();
    await dialog(stamp).getByTestId('confirm-dialog-confirm').click();
    await stepIs(stamp, 'stamp');
    expect(await stamp.locator(':focus').getAttribute('id')).toBe('step-title');

    // The first hand-off is still there, waiting for its key, with Activate: on the list and on the start screen.
    await nav(stamp, 'Hand-offs');
    await expect.poll(() => handoffItems(stamp).count()).toBe(1);
    expect(await handoffItems(stamp).textContent()).toContain('Token saved to the drive');
    await stamp.getByRole('button', { name: 'Change side' }).click();
    expect(await text(stamp, 'key-expected')).toContain(`Stamp ${cloudId}`);
    await stamp.getByTestId('key-expected').getByRole('button', { name: 'Activate' }).click();
    await stepIs(stamp, 'key');
    await useUsbFolder(stamp);
    await expect.poll(() => text(stamp, 'awaited-key')).toContain('No key for this stamp on the drive yet');

    // The key comes back from the connected host: the key step says so by itself.
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);
    await expect.poll(() => text(stamp, 'awaited-key'), { timeout: 15_000 }).toMatch(/A key for this stamp is on the drive: .+\.txt\./);
    await stamp.getByTestId('awaited-key').getByRole('button', { name: 'Read it' }).click();
    await stamp.getByTestId('stamp-key-fingerprint').waitFor();
    expect(await text(stamp, 'stamp-key-cloud-id')).toContain(cloudId);
    expect(await stamp.getByTestId('continue').isEnabled()).toBe(true);
  });

  it('starts a new registration by its shortcut on the connected host, keeping the sign-in and the hand-off read', async () => {
    await exportTokenToUsb((await flow.machine('stamp')).page);
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await host.keyboard.press('Control+Shift+R');
    expect(await text(host, 'new-leg-current')).toContain('read its token again to carry on with it.');
    await dialog(host).getByRole('button', { name: 'New registration' }).click();
    await stepIs(host, 'token');
    expect(await host.getByTestId('host-token-fingerprint').count()).toBe(0);
    expect(await host.locator('.stepper li[data-done="true"]').count()).toBe(2);
    await nav(host, 'Hand-offs');
    await expect.poll(() => handoffItems(host).count()).toBe(1);
    expect(await handoffItems(host).textContent()).toContain('Token read on this host');
  });

  it('archives a hand-off with a reason, hides it until asked, and restores it', async () => {
    const { page: stamp } = await flow.machine('stamp');
    await exportTokenToUsb(stamp);
    await nav(stamp, 'Hand-offs');
    await expect.poll(() => handoffItems(stamp).count()).toBe(1);

    // Asked first: nothing is archived until the operator confirms.
    await stamp.getByTestId('archive-handoff').click();
    expect(await dialog(stamp).textContent()).toContain('Its token stays kept on this machine');
    await dialog(stamp).getByRole('button', { name: 'Keep it open' }).click();
    expect(await handoffItems(stamp).textContent()).toContain('Token saved to the drive');

    await stamp.getByTestId('archive-handoff').click();
    await dialog(stamp).getByLabel('Superseded by a newer hand-off').check();
    await dialog(stamp).getByLabel('Details (optional, kept in the history)').fill('a new token was exported');
    expect(await axeViolations(stamp)).toEqual([]);
    await dialog(stamp).getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(() => handoffItems(stamp).count()).toBe(0);

    await stamp.getByLabel('Show archived hand-offs (1)').check();
    expect(await text(stamp, 'archive-reason')).toBe('Archived: Superseded by a newer hand-off — a new token was exported');
    await handoffItems(stamp).getByText('History').click();
    expect(await handoffItems(stamp).locator('.history li').last().textContent()).toMatch(/Archived — Superseded by a newer hand-off — a new token was exported$/);
    expect(await stamp.getByTestId('activate-handoff').count()).toBe(0);

    await stamp.getByTestId('restore-handoff').click();
    await expect.poll(() => handoffItems(stamp).locator('.status').textContent()).toBe('Token saved to the drive');
    expect(await stamp.getByTestId('activate-handoff').count()).toBe(1);
  });

  it('remembers the ERCS addresses of the last session (never the password), offers them after a settings change, and forgets them', async () => {
    const { page: stamp } = await flow.machine('stamp');
    expect(await stamp.getByTestId('recent-ercs').count()).toBe(0);
    await connectStamp(stamp);

    // A settings change recomposes main (the session closes): the form reads the remembered addresses again.
    await nav(stamp, 'Settings');
    await stamp.getByLabel('Registration API version').selectOption('2022-06-01');
    await stamp.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => text(stamp, 'settings-saved')).toContain('Settings saved');
    await nav(stamp, '3. Activate the stamp');
    const recent = stamp.getByTestId('recent-ercs');
    await recent.waitFor();
    const offered = (await recent.getByRole('listitem').first().getByRole('button').first().textContent()) ?? '';
    // The addresses of the session (the practice sign-in filled them in), as the form still shows them.
    expect(offered.split(', ')[0]).toBe(await stamp.getByRole('textbox', { name: 'ERCS 1' }).inputValue());
    expect(offered).not.toBe('');
    expect(await recent.textContent()).not.toContain('CloudAdmin');

    await stamp.getByRole('textbox', { name: 'ERCS 1' }).fill('10.9.9.9');
    await recent.getByRole('button', { name: `Use ${offered}` }).click();
    expect(await stamp.getByRole('textbox', { name: 'ERCS 1' }).inputValue()).toBe(offered.split(', ')[0]);

    await recent.getByRole('button', { name: 'Forget all recent addresses' }).click();
    await recent.waitFor({ state: 'detached' });
  });
});
