import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../shared/domain/help';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { bridgeBackend } from './harness/launchers';
import { exportTokenToUsb, next, readTokenOnHost, stepIs, text, useUsbFolder } from './harness/operator';

// The journey in view on every screen (where this machine and this hand-off are), the stamp pinned
// in the header while its hand-off is open, and help that opens the matching Microsoft Learn section.
// With AZS_SCREENSHOTS=1 the README's screenshots are written to docs/screenshots.

const SHOTS = process.env.AZS_SCREENSHOTS === '1' ? join(import.meta.dirname, '../../docs/screenshots') : undefined;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  // From the top of the window: the header and the journey in the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

const station = (page: Page, name: string) => page.getByTestId('journey').getByRole('listitem').filter({ hasText: name });

/**
 * What the screen shows that should have a copy button beside it and has none: every fingerprint, cloud
 * ID and resource ID (by test ID, or by the label of its row), every command the step replaces, every script.
 */
const uncopied = (page: Page) =>
  page.evaluate(() => {
    const values = [
      ...document.querySelectorAll('main [data-testid$="fingerprint"], main [data-testid$="cloud-id"], main [data-testid$="resource-id"], main .script-box pre, main .step-replaces code, main code.fix'),
      ...[...document.querySelectorAll('main .fact')].filter((f) => /cloud id|resource id|fingerprint/i.test(f.querySelector('dt')?.textContent ?? '')),
    ];
    const holder = 'dd, .fact, .fingerprint, .script-box, .step-replaces, p, li';
    return values.filter((el) => !el.closest(holder)?.querySelector('.copy-button')).map((el) => el.getAttribute('data-testid') ?? el.textContent ?? '?');
  });
/** How many lines the stepper takes (one at 1180 px), and whether anything of it is cut off. */
const stepperLines = (page: Page) =>
  page.locator('.stepper').evaluate((ol) => ({
    lines: new Set([...ol.children].map((li) => Math.round(li.getBoundingClientRect().top))).size,
    overflows: ol.scrollWidth > ol.clientWidth + 1,
    // Titles whole: the ellipsis is only a fallback for what is longer still.
    cutTitles: [...ol.querySelectorAll('.stepper-title')].filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent),
  }));
const ONE_LINE = { lines: 1, overflows: false, cutTitles: [] };

describeOnEachLauncher('the journey in view', (flow) => {
  beforeAll(async () => {
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
  });

  it('shows the leg and this machine, pins the stamp while its hand-off is open, and opens Microsoft Learn for the step', async () => {
    const app = await flow.machine('journey');
    const backend = bridgeBackend(app);
    await app.page.setViewportSize({ width: 1180, height: 820 });
    const { page } = app;
    await shot(page, 'home');
    await page.getByTestId('side-stamp').click();
    expect(await station(page, 'Stamp: export the token').getAttribute('aria-current')).toBe('step');
    expect(await station(page, 'Stamp: export the token').textContent()).toContain('this machine');
    expect(await station(page, 'Connected host: register').textContent()).not.toContain('this machine');

    await page.getByRole('button', { name: 'Microsoft documentation: Connection check' }).click();
    await expect.poll(() => backend.opened).toEqual([HELP_TOPICS.preflight]);

    await page.getByRole('button', { name: 'Change side' }).click();
    // The window is in the background while the token is generated: a desktop notification says it ended.
    await page.evaluate(() => {
      const w = window as unknown as { notes: string[]; Notification: unknown };
      w.notes = [];
      function FakeNotification(title: string, options: { body: string }) {
        w.notes.push(`${title}: ${options.body}`);
      }
      w.Notification = Object.assign(FakeNotification, { permission: 'granted' });
      document.hasFocus = () => false;
    });
    const { cloudId, fingerprint } = await exportTokenToUsb(page);
    expect(await page.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual(['AzS Registrar: Registration token: Finished.']);

    // Copy buttons put the exact value on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.getByRole('button', { name: 'Copy Token fingerprint' }).first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(fingerprint);
    await expect.poll(() => page.getByTestId('handoff-pin').textContent()).toBe(`First registration Stamp ${cloudId}`);
    expect(await station(page, 'USB stick: token').getAttribute('class')).toContain('journey-reached');
    await next(page);
    await page.getByTestId('script').getByText('Equivalent PowerShell').click();
    const script = (await page.getByTestId('script').locator('pre').textContent()) ?? '';
    expect(script).toContain("-BillingModel 'Capacity'");
    expect(script).toContain("-AgreementNumber 'EA-1234567'");
    expect(script).not.toContain(PRACTICE_PEP_PASSWORD);
    await shot(page, 'export-done');
    // The stepper stays on one line at 1180 px.
    const tops = await page.locator('.stepper li').evaluateAll((items) => new Set(items.map((li) => li.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);

    // The journey is on every screen of the side navigation.
    const tasks = page.getByRole('navigation', { name: 'Tasks' });
    const screens = (await tasks.getByRole('button').allTextContents()).filter((n) => !['New export', 'New registration', 'Change side'].includes(n.trim()));
    expect(screens.length).toBeGreaterThan(8);
    for (const name of screens) {
      await tasks.getByRole('button', { name: name.trim(), exact: true }).click();
      expect(await page.getByTestId('journey').isVisible(), name).toBe(true);
    }

    // About: version, mode and licenses; the app menu opens the same screen (electron/main/menu.ts).
    await page.getByRole('navigation').getByRole('button', { name: 'About', exact: true }).click();
    expect(await page.getByTestId('about-version').textContent()).toBe('0.0.0-test');
    expect(await page.getByTestId('about-components').textContent()).toContain('MIT');
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
  it('gives each leg its PowerShell script with the operator\'s values, a copy button for every ID and command, and a one-line stepper at 1180 px in both languages', async () => {
    const { page: stamp } = await flow.machine('stamp');
    await stamp.setViewportSize({ width: 1180, height: 820 });
    const { cloudId } = await exportTokenToUsb(stamp);
    expect(await uncopied(stamp)).toEqual([]);
    await next(stamp);
    await stamp.getByTestId('script').getByText('Equivalent PowerShell').click();
    expect(await uncopied(stamp)).toEqual([]);

    const { page: host } = await flow.machine('host');
    await host.setViewportSize({ width: 1180, height: 820 });
    await readTokenOnHost(host);
    expect(await uncopied(host)).toEqual([]);
    await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await next(host);
    const registrationName = await host.getByLabel('Registration name').inputValue();
    await next(host);
    await host.getByTestId('permissions').waitFor();
    await next(host);
    await host.getByRole('button', { name: 'Register in Azure', exact: true }).click();
    await host.getByTestId('host-key-fingerprint').waitFor();
    // The resource ID and cloud ID of the new registration, and the key's fingerprint.
    expect(await host.getByTestId('registered').locator('.copy-button').count()).toBe(3);
    expect(await uncopied(host)).toEqual([]);
    await next(host);
    await host.getByRole('button', { name: 'Save the activation key to this drive' }).click();
    await host.getByTestId('saved-file').waitFor();
    await next(host);
    await stepIs(host, 'done');
    await shot(host, 'register-done');
    await host.getByTestId('script').getByText('Equivalent PowerShell').click();
    const hostScript = (await host.getByTestId('script').locator('pre').textContent()) ?? '';
    for (const part of ['Connect-AzAccount', 'Select-AzSubscription', 'Register-AzsEnvironment', `-RegistrationName '${registrationName}'`, "-ResourceGroupName 'azurestack'", 'Get-AzsActivationKey']) {
      expect(hostScript, part).toContain(part);
    }
    expect(await uncopied(host)).toEqual([]);
    // Saved as a .ps1 where main's dialog says: UTF-8 with a BOM (Windows PowerShell 5.1), CRLF line ends.
    await host.getByTestId('script').getByRole('button', { name: 'Save as a .ps1 file…' }).click();
    const savedScript = await readFile((await host.getByTestId('script-saved').getAttribute('data-path')) ?? '');
    expect(savedScript.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(savedScript.subarray(3).toString('utf8')).toBe(`${hostScript.replace(/\n/g, '\r\n')}\r\n`);
    expect(await axeViolations(host), 'done, script open and saved').toEqual([]);
    // The longest stepper (eight steps) holds one line, in French too.
    expect(await stepperLines(host)).toEqual(ONE_LINE);
    await host.getByLabel('Language').selectOption('fr');
    await expect.poll(() => host.locator('html').getAttribute('lang')).toBe('fr');
    expect(await stepperLines(host)).toEqual(ONE_LINE);
    await host.getByLabel('Langue').selectOption('en');
    await expect.poll(() => host.locator('html').getAttribute('lang')).toBe('en');
    // Completed steps are links back to them.
    await host.locator('.stepper').getByRole('button', { name: 'Registration token' }).click();
    await stepIs(host, 'token');
    expect(await text(host, 'host-token-fingerprint')).not.toBe('');

    // The hand-offs list: cloud ID and both fingerprints, each with its copy button.
    await host.getByRole('navigation').getByRole('button', { name: 'Hand-offs', exact: true }).click();
    await host.getByTestId('handoff-key-fingerprint').waitFor();
    await shot(host, 'handoffs');
    expect(await uncopied(host)).toEqual([]);
    expect(await host.getByTestId('handoff').locator('.copy-button').count()).toBe(3);
    expect(await axeViolations(host), 'hand-offs').toEqual([]);

    // Stamp side, activation: the key step and the done step's script.
    await stamp.getByRole('navigation').getByRole('button', { name: '3. Activate the stamp', exact: true }).click();
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: /^Read key / }).first().click();
    await stamp.getByTestId('stamp-key-fingerprint').waitFor();
    expect(await uncopied(stamp)).toEqual([]);
    await next(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    await stamp.getByTestId('activation-result').waitFor();
    await next(stamp);
    await stepIs(stamp, 'done');
    await shot(stamp, 'activate-done');
    await stamp.getByTestId('script').getByText('Equivalent PowerShell').click();
    const stampScript = (await stamp.getByTestId('script').locator('pre').textContent()) ?? '';
    for (const part of ['Get-Credential', 'New-AzsActivationResource', "-PrivilegedEndpoint '10.20.30.", `${cloudId}`]) expect(stampScript, part).toContain(part);
    expect(stampScript).not.toContain(PRACTICE_PEP_PASSWORD);
    expect(await uncopied(stamp)).toEqual([]);
  });
}, ['bridge']);
