import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeOnEachLauncher } from './harness/fixture';

// The UI speaks the OS language main reports (French here), the operator can switch, and the
// choice is remembered. No catalogue key ever shows through as raw text.

const RAW_KEY = /\b(app|common|busy|gate|flow|mode|nav|sides|home|problem|operation|facts|drives|files|ercs|stamp|preflight|billing|export|register|activate|practice|settings)\.[a-zA-Z][\w.-]*/;
const bodyText = (page: Page) => page.locator('body').innerText();

describeOnEachLauncher('language', (flow) => {
  it('follows a French OS, switches to English on request and remembers it', async () => {
    const app = await flow.machine('french', { backend: { locale: 'fr-FR' } });
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Où se trouve cette machine ?');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await bodyText(page)).toContain('Mode entraînement');

    await page.getByTestId('side-stamp').click();
    await page.locator('section.step[data-step="preflight"]').waitFor();
    expect(await page.getByRole('navigation', { name: 'Tâches' }).getByRole('button', { name: '1. Exporter le jeton' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lancer la vérification de la connexion' }).isDisabled()).toBe(true);
    expect(await bodyText(page)).toContain('Lancez d’abord la vérification de la connexion.');
    expect(await bodyText(page)).not.toMatch(RAW_KEY);

    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await bodyText(page)).toContain('Run the connection check first.');
    await page.reload();
    await page.locator('section.step[data-step="preflight"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Language').inputValue()).toBe('en');

    await page.getByLabel('Language').selectOption('auto');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await bodyText(page)).not.toMatch(RAW_KEY);
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);
