import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from './harness/app-server';
import { startBackend } from './harness/backend';
import type { Backend } from './harness/backend';
import { launchChromium, openApp } from './harness/browser';
import type { AppPage } from './harness/browser';
import type { StaticServer } from './harness/serve-static';

// The UI speaks the OS language main reports (French here), the operator can switch, and the
// choice is remembered. No catalogue key ever shows through as raw text.

let browser: Browser;
let server: StaticServer;
let usbDir: string;
let backend: Backend;
let app: AppPage;

beforeAll(async () => {
  usbDir = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  server = await serveRenderer();
  browser = await launchChromium();
  backend = await startBackend({ name: 'french', usbDir, locale: 'fr-FR' });
  app = await openApp(browser, backend, server.url);
  app.page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await app?.page.context().close();
  await browser?.close();
  await server?.close();
  await backend?.dispose();
  await rm(usbDir, { recursive: true, force: true });
});

const RAW_KEY = /\b(app|common|busy|gate|flow|mode|nav|sides|home|problem|operation|facts|drives|files|ercs|stamp|preflight|billing|export|register|activate|practice|settings)\.[a-zA-Z][\w.-]*/;
const bodyText = (page: Page) => page.locator('body').innerText();

describe('language', () => {
  it('follows a French OS, switches to English on request and remembers it', async () => {
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
});
