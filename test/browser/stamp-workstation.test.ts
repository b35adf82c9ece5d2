import { chmod, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from './harness/app-server';
import { startBackend } from './harness/backend';
import type { Backend } from './harness/backend';
import { launchChromium, openApp } from './harness/browser';
import type { AppPage } from './harness/browser';
import { next, stepIs, text } from './harness/operator';
import type { StaticServer } from './harness/serve-static';

// The stamp-side workstation as an operator meets it (in this order: the first test starts on the home screen): the pwsh chosen in main's file dialog (a fake
// dialog here; the chosen program really runs), ERCS addresses checked as typed, the token version rule.

let browser: Browser;
let server: StaticServer;
let usbDir: string;
let pwshDir: string;
let backend: Backend;
let app: AppPage;
const picks: string[] = [];

beforeAll(async () => {
  usbDir = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  pwshDir = await mkdtemp(join(tmpdir(), 'azs-pwsh-'));
  server = await serveRenderer();
  browser = await launchChromium();
  backend = await startBackend({ name: 'workstation', usbDir, pickExecutable: async () => picks.shift() ?? null });
  app = await openApp(browser, backend, server.url);
  app.page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await app?.page.context().close();
  await browser?.close();
  await server?.close();
  await backend?.dispose();
  await rm(usbDir, { recursive: true, force: true });
  await rm(pwshDir, { recursive: true, force: true });
});

describe('stamp-side workstation', () => {
  it('holds back an ERCS address that is not one (10.20.30.999), and shows the token version rule on the billing step', async () => {
    const { page } = app;
    await page.getByTestId('side-stamp').click();
    await page.getByLabel('ERCS 1').fill('10.20.30.999');
    await expect.poll(() => page.locator('#ercs-0-error').textContent()).toContain('each of the four numbers must be 0 to 255');
    expect(await page.getByRole('button', { name: 'Run the connection check' }).isDisabled()).toBe(true);
    await page.getByLabel('ERCS 1').fill('10.20.30.224');
    await page.getByRole('button', { name: 'Run the connection check' }).click();
    await page.getByTestId('preflight').waitFor();
    await next(page);
    // The practice stamp accepts only the password shown on the connect screen.
    await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await stepIs(page, 'stamp');
    await next(page);
    await stepIs(page, 'billing');
    expect(await text(page, 'token-version-rule')).toContain('6.0 on stamps newer than 1.2309.0.4');
    await page.getByLabel('Azure cloud the token will be registered in').selectOption('AzureUSGovernment');
    await expect.poll(() => text(page, 'param-TokenVersion')).toBe('6.0');
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });

  it('refuses a pwsh on a network share, then shows the path and version of the local pwsh chosen', async () => {
    const { page } = app;
    const pwsh = join(pwshDir, 'pwsh');
    await writeFile(pwsh, `#!/bin/sh\nprintf '7.4.6\\nCore\\n'\n`);
    await chmod(pwsh, 0o755);
    picks.push('\\\\fileserver\\tools\\PowerShell\\7\\pwsh.exe', pwsh);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('PowerShell 7 (required on Linux and macOS)').check();
    await page.getByRole('button', { name: 'Choose pwsh…' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('is on the network');
    await page.getByRole('button', { name: 'Choose pwsh…' }).click();
    const real = await realpath(pwsh);
    await expect.poll(() => text(page, 'powershell-info')).toBe(`Will run ${real}: PowerShell 7.4.6 (Core).`);
    await expect.poll(async () => backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { powershell: { kind: 'pwsh', path: real } } });
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
});
