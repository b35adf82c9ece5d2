import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from './harness/app-server';
import { startBackend } from './harness/backend';
import type { Backend } from './harness/backend';
import { launchChromium, openApp } from './harness/browser';
import type { AppPage } from './harness/browser';
import type { StaticServer } from './harness/serve-static';

// Sign-in as the operator sees it when the browser is abandoned (practice scenario): what will be used
// (client, proxy) is shown first, a visible Cancel stops the wait, and the app says it was cancelled.

let browser: Browser;
let server: StaticServer;
let usbDir: string;
let backend: Backend;
let app: AppPage;

beforeAll(async () => {
  usbDir = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  server = await serveRenderer();
  browser = await launchChromium();
  backend = await startBackend({ name: 'sign-in', usbDir, scenario: { signIn: 'browser-abandoned' } });
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

describe('browser sign-in left unanswered', () => {
  it('shows the client and route, offers Cancel while waiting, and reports the cancellation', async () => {
    const { page } = app;
    await page.getByTestId('side-host').click();
    const connection = page.getByTestId('azure-connection');
    await expect.poll(() => connection.textContent()).toContain("the Azure CLI's public client (04b07795-8ddb-461a-bbee-02f9e1bf7b46)");
    expect(await connection.textContent()).toContain('the practice Azure on this computer, never through a proxy');

    await page.getByRole('button', { name: 'Sign in to Azure' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel sign-in' });
    await cancel.waitFor();
    expect(await page.getByText('The sign-in stops by itself after 5 minutes.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in to Azure' }).isDisabled()).toBe(true);

    await cancel.click();
    await expect.poll(() => page.getByTestId('problem').first().textContent()).toContain('The sign-in was cancelled.');
    await cancel.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Sign in to Azure' }).isDisabled()).toBe(false);
    expect(await page.getByTestId('azure-account').count()).toBe(0);
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
});
