import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { connectStamp, exportTokenToUsb, next, readKeyOnStamp, readTokenOnHost, registerAndSaveKey, stepIs, text, useUsbFolder } from './harness/operator';

// Issue 10, "Say what is happening": Azure's throttling shown while the app waits, progress in words
// (never a step ID), a warning that matters kept above the log, validation in plain words, billing that
// says nothing before the operator types, a key for another stamp said once with its fix, and a
// cancelled activation that asks first and offers the check. Confirmations are in-app dialogs: the
// page's native confirm, alert and prompt are trapped and must never be called.

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tasks' }).getByRole('button', { name, exact: true }).click();

/** Words a schema would say, never an operator. */
const SCHEMA_WORDS = /Too small|Too big|expected string|Invalid (string|input)|→ at |✖/;

/** Records every native dialog the page opens (none expected). */
const trapNativeDialogs = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { nativeDialogs: string[] } & Window;
    w.nativeDialogs = [];
    w.confirm = (m?: string) => (w.nativeDialogs.push(`confirm: ${m ?? ''}`), true);
    w.alert = (m?: string) => void w.nativeDialogs.push(`alert: ${m ?? ''}`);
    w.prompt = (m?: string) => (w.nativeDialogs.push(`prompt: ${m ?? ''}`), null);
  });
const nativeDialogs = (page: Page) => page.evaluate(() => (window as unknown as { nativeDialogs: string[] }).nativeDialogs);

/** How many times `needle` appears in the visible text of the page. */
const timesShown = async (page: Page, needle: string) => ((await page.locator('body').innerText()).split(needle).length - 1);

describeOnEachLauncher('say what is happening', (flow) => {
  it('shows Azure throttling while it waits, names phases in words, and keeps the warning of a move above the log', async () => {
    const { cloudId } = await exportTokenToUsb((await flow.machine('stamp')).page);
    const { page: host } = await flow.machine('host', { backend: { scenario: { azureThrottling: true } } });
    await readTokenOnHost(host);
    await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await next(host);
    await stepIs(host, 'names');

    // Validation in plain words: never the schema's wording or a path.
    const name = host.getByLabel('Registration name');
    const registrationName = await name.inputValue();
    await name.fill('');
    await expect.poll(() => host.locator('#registration-name-error').textContent()).toBe('Enter a registration name.');
    await name.fill('bad name!');
    await expect.poll(() => host.locator('#registration-name-error').textContent()).toContain('uses only letters, digits');
    expect(await host.locator('body').innerText()).not.toMatch(SCHEMA_WORDS);
    expect(await host.getByTestId('continue').isDisabled()).toBe(true);
    expect(await axeViolations(host), 'names with an error').toEqual([]);
    await name.fill(registrationName);

    await next(host);
    await host.getByTestId('permissions').waitFor();
    await next(host);
    // The window has the focus while it registers: the screen says it ends, no desktop notification does
    // (journey-help.test.ts checks the one a window in the background gets).
    await host.evaluate(() => {
      const w = window as unknown as { notes: string[]; Notification: unknown };
      w.notes = [];
      function FakeNotification(title: string, options: { body: string }) {
        w.notes.push(`${title}: ${options.body}`);
      }
      w.Notification = Object.assign(FakeNotification, { permission: 'granted' });
      document.hasFocus = () => true;
    });
    await host.getByRole('button', { name: 'Register in Azure', exact: true }).click();
    // Azure answers 429 with Retry-After: 5; the operation says so while it waits, not only in its log.
    await expect
      .poll(() => host.getByTestId('operation-phase').textContent().catch(() => ''), { timeout: 10_000 })
      .toContain('Azure asked to wait 5 s (throttled (429)), then retrying (1 of 4).');
    await host.getByTestId('host-key-fingerprint').waitFor({ timeout: 30_000 });
    expect(await host.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual([]);
    // The hand-off's stamp and registration name are pinned in the header.
    await expect.poll(() => text(host, 'handoff-pin')).toContain(registrationName);
    expect(await text(host, 'handoff-pin')).toContain(cloudId);

    // Progress speaks words: no step ID (register.check, key, move.lock) in the log.
    await host.getByTestId('operation').locator('summary').click();
    const phases = await host.locator('.operation-log .log-phase').allTextContents();
    expect(phases.length).toBeGreaterThan(0);
    expect(phases.filter((p) => /^[a-z-]+(\.[a-z-]+)*$/.test(p.trim()))).toEqual([]);
    expect(await host.locator('.operation-log').innerText()).not.toMatch(/\b(register|move|key|provider)\.[a-z-]+\b/);

    // A move: a target group that is not one is refused in plain words before anything is sent.
    await nav(host, 'Move');
    await host.getByRole('button', { name: 'List registrations' }).click();
    await host.getByRole('button', { name: `Choose ${registrationName}` }).click();
    const move = host.getByRole('button', { name: 'Move the registration' });
    await host.getByLabel('Target resource group').fill('moved group!');
    await expect.poll(() => host.locator('#move-to-error').textContent()).toContain('A resource group name uses only letters');
    expect(await move.isDisabled()).toBe(true);
    expect(await host.locator('body').innerText()).not.toMatch(SCHEMA_WORDS);
    await host.getByLabel('Target resource group').fill('azurestack-moved');
    await move.click();
    await host.getByTestId('move-result').waitFor({ timeout: 30_000 });
    // The warning that matters stands outside the log (which stays folded), after the move has ended.
    const warnings = host.getByTestId('operation-warnings');
    expect(await warnings.textContent()).toContain('The stamp activation still names the old resource id');
    expect(await warnings.isVisible()).toBe(true);
    expect(await host.locator('.operation-details').getAttribute('open')).toBeNull();
    expect(await axeViolations(host), 'move with its warning').toEqual([]);
  }, 120_000);

  it('billing: no error before the operator types, Ruggedized is guidance toward Capacity, and the list of errors is no alert', async () => {
    const { page: stamp } = await flow.machine('stamp');
    await connectStamp(stamp);
    await next(stamp);
    await stepIs(stamp, 'billing');
    // Capacity without an agreement number cannot continue, but nothing is called an error yet.
    expect(await stamp.getByTestId('continue').isDisabled()).toBe(true);
    expect(await stamp.getByTestId('plan-errors').count()).toBe(0);
    expect(await stamp.locator('.field-error, .problem').count()).toBe(0);

    // Ruggedized is not a choice that is always refused: it says to choose Capacity, and the asset tag says when it applies.
    const ruggedized = stamp.getByRole('radio', { name: /^Ruggedized/ });
    expect(await ruggedized.isDisabled()).toBe(true);
    expect(await stamp.locator('label', { has: ruggedized }).textContent()).toContain('registers as Capacity with the EA agreement number and the MS asset tag');
    expect(await stamp.getByLabel('MS asset tag (ruggedized stamps only)').count()).toBe(1);
    expect(await stamp.locator('#asset-tag-hint').textContent()).toContain('Leave empty unless the stamp is ruggedized');

    const agreement = stamp.getByLabel('EA agreement number', { exact: true });
    await agreement.fill('x');
    await agreement.fill('');
    await stamp.getByTestId('plan-errors').waitFor();
    expect(await stamp.getByTestId('plan-errors').getAttribute('role')).toBeNull();
    expect(await stamp.locator('[role="alert"] [data-testid="plan-errors"], [data-testid="plan-errors"][role]').count()).toBe(0);
    expect(await axeViolations(stamp), 'billing with errors').toEqual([]);

    // Custom asks for the asset tag without the ruggedized wording; Development asks for neither.
    await stamp.getByRole('radio', { name: /^Custom/ }).check();
    expect(await stamp.getByLabel('MS asset tag', { exact: true }).count()).toBe(1);
    expect(await stamp.getByLabel('EA agreement number', { exact: true }).count()).toBe(0);
    await stamp.getByRole('radio', { name: /^Development/ }).check();
    expect(await stamp.locator('#asset-tag, #agreement').count()).toBe(0);
  });

  it('a key for another stamp is an error, said once, with the fix', async () => {
    await exportTokenToUsb((await flow.machine('stamp')).page);
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);

    // Another stamp (its own practice stamp, its own cloud ID) reads that key.
    const { page: other } = await flow.machine('other stamp');
    const otherCloudId = await connectStamp(other);
    await nav(other, '3. Activate the stamp');
    await next(other);
    await useUsbFolder(other);
    await other.getByRole('button', { name: /^Read key / }).first().click();
    // Refused in red (an alert), once, naming both cloud IDs, with what to do.
    const problem = other.getByTestId('problem');
    await problem.waitFor();
    expect(await problem.getAttribute('class')).toBe('problem');
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.locator('.problem-message').textContent()).toMatch(new RegExp(`belongs to the stamp with cloud ID [0-9a-f-]{36}, not to this stamp \\(${otherCloudId}\\)`));
    expect(await problem.locator('.problem-action').textContent()).toContain('Take it to the stamp with cloud ID');
    expect(await timesShown(other, 'This activation key belongs to')).toBe(1);
    expect(await other.getByTestId('stamp-key-fingerprint').count()).toBe(0);
    expect(await other.getByTestId('continue').isDisabled()).toBe(true);
    expect(await axeViolations(other), 'key for another stamp').toEqual([]);
  });

  it('cancelling a long activation asks first in an in-app dialog, then says once what may have happened and offers the check', async () => {
    const { page: stamp } = await flow.machine('stamp', { backend: { activationMs: 120_000 } });
    await exportTokenToUsb(stamp);
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);

    await trapNativeDialogs(stamp);
    await readKeyOnStamp(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    const operation = stamp.getByTestId('operation');
    await expect.poll(() => operation.getAttribute('data-status')).toBe('running');

    // Asked first, by keyboard: Escape keeps waiting.
    await operation.getByRole('button', { name: 'Cancel' }).focus();
    await stamp.keyboard.press('Enter');
    const dialog = stamp.getByRole('dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Stop waiting for the activation?');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    expect(await axeViolations(stamp), 'cancel dialog').toEqual([]);
    await stamp.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await operation.getAttribute('data-status')).toBe('running');

    await operation.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Stop waiting' }).focus();
    await stamp.keyboard.press('Enter');
    const check = stamp.getByTestId('activation-check');
    await check.waitFor();
    // Said once: what may have happened, and the check that settles it.
    expect(await check.textContent()).toContain('Check the activation state before activating again');
    expect(await check.textContent()).toContain('the stamp may have completed it anyway');
    for (const said of ['Check the activation state', 'Check its state', 'Check the result', 'may have', 'may still']) {
      expect(await timesShown(stamp, said), said).toBeLessThanOrEqual(1);
    }
    expect(await check.getByRole('button', { name: 'The portal shows the stamp activated' }).count()).toBe(1);
    // Activating again is offered, but not as the primary action.
    const again = stamp.getByRole('button', { name: 'Activate again' });
    expect(await again.getAttribute('class')).toBe('secondary');
    expect(await stamp.locator('main button.primary:visible:not([data-testid="continue"])').count()).toBe(0);
    // And it asks first, pointing at the check again.
    await again.click();
    expect(await dialog.getByRole('heading').textContent()).toBe('Activate again?');
    expect(await dialog.textContent()).toContain("Check the region's properties in the administrator portal first.");
    await stamp.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await nativeDialogs(stamp)).toEqual([]);
    expect(await axeViolations(stamp), 'activation cancelled').toEqual([]);
  }, 120_000);
}, ['bridge']);
