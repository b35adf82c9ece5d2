import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../shared/domain/help';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { describeOnEachLauncher } from './harness/fixture';
import { bridgeBackend } from './harness/launchers';
import { exportTokenToUsb, next } from './harness/operator';

// The journey in view on every screen (where this machine and this hand-off are), the stamp pinned
// in the header while its hand-off is open, and help that opens the matching Microsoft Learn section.
// With AZS_SCREENSHOTS=1 the README's screenshots are written to docs/screenshots.

const SHOTS = process.env.AZS_SCREENSHOTS === '1' ? join(import.meta.dirname, '../../docs/screenshots') : undefined;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

const station = (page: Page, name: string) => page.getByTestId('journey').getByRole('listitem').filter({ hasText: name });

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

    // About: version, mode and licenses; the app menu opens the same screen (electron/main/menu.ts).
    await page.getByRole('navigation').getByRole('button', { name: 'About', exact: true }).click();
    expect(await page.getByTestId('about-version').textContent()).toBe('0.0.0-test');
    expect(await page.getByTestId('about-components').textContent()).toContain('MIT');
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);
