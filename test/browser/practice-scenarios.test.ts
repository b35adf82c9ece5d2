import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../shared/contract';
import { serveRenderer } from './harness/app-server';
import { startBackend } from './harness/backend';
import type { Backend } from './harness/backend';
import { launchChromium, openApp } from './harness/browser';
import type { AppPage } from './harness/browser';
import type { StaticServer } from './harness/serve-static';

// The Practice scenarios screen, as an operator uses it: reachable from the side nav in practice
// mode, each choice explained, invalid input held back, the saved scenario sent to main.

let browser: Browser;
let server: StaticServer;
let usbDir: string;
let backend: Backend;
let app: AppPage;

beforeAll(async () => {
  usbDir = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  server = await serveRenderer();
  browser = await launchChromium();
  backend = await startBackend({ name: 'practice', usbDir });
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

describe('practice scenarios screen', () => {
  it('explains each choice, refuses a node count out of range, and saves the scenario to main', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Practice scenarios' }).click();
    const screen = page.getByTestId('practice-screen');
    await screen.waitFor();

    await page.getByLabel('Stamp build').selectOption('1.1910.0.58');
    await expect.poll(() => page.locator('#practice-version-hint').textContent()).toContain('Custom billing and the asset tag are refused');
    await page.getByLabel('Lock write forbidden').check();
    await expect.poll(() => page.locator('#practice-lockForbidden-hint').textContent()).toContain('403 AuthorizationFailed');

    await page.getByLabel('Lock removal reaches Azure late').check();
    await expect.poll(() => page.locator('#practice-lockPropagationDelay-hint').textContent()).toContain('409 ScopeLocked');
    await page.getByLabel('Number of hosts').fill('17');
    await expect.poll(() => page.locator('#practice-nodes-error').textContent()).toContain('from 1 to 16');
    expect(await page.getByRole('button', { name: 'Save scenario' }).isDisabled()).toBe(true);
    await page.getByLabel('Number of hosts').fill('8');
    await page.getByRole('button', { name: 'Save scenario' }).click();

    const expected = { ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.1910.0.58', numberOfNodes: 8, lockForbidden: true, lockPropagationDelay: true };
    await expect.poll(async () => backend.dispatch('practice.get', {})).toEqual({ ok: true, value: expected });
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
});
