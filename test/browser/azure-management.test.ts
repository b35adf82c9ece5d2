import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from './harness/app-server';
import { startBackend } from './harness/backend';
import type { Backend } from './harness/backend';
import { launchChromium, openApp } from './harness/browser';
import type { AppPage } from './harness/browser';
import { exportTokenToUsb, next, stepIs, text, useUsbFolder } from './harness/operator';
import type { StaticServer } from './harness/serve-static';

// The connected host's Azure screens, driven as an operator would: one practice stamp exports a
// token to the shared folder, then one host (its own practice Azure, signed in with an identity that
// starts with the 2019 registration role) walks sign-in, subscription, permissions, registration,
// unregister by token and move. The tests run in order and share that host.

const LOCK_ACTIONS = ['Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete'];

let browser: Browser;
let server: StaticServer;
let usbDir: string;
let stampBackend: Backend;
let hostBackend: Backend;
let host: AppPage;
let page: Page;
let token: { cloudId: string; fingerprint: string };
let registrationName: string;

beforeAll(async () => {
  usbDir = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  server = await serveRenderer();
  browser = await launchChromium();
  stampBackend = await startBackend({ name: 'stamp', usbDir });
  const stamp = await openApp(browser, stampBackend, server.url);
  stamp.page.setDefaultTimeout(15_000);
  token = await exportTokenToUsb(stamp.page);
  expect(stamp.errors, 'stamp page errors or CSP violations').toEqual([]);
  await stamp.page.context().close();
  registrationName = `AzureStack-${token.cloudId}`;

  hostBackend = await startBackend({ name: 'host', usbDir, azure: { permissions: 'registration-role-2019' } });
  host = await openApp(browser, hostBackend, server.url);
  page = host.page;
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await host?.page.context().close();
  await browser?.close();
  await server?.close();
  await Promise.all([stampBackend, hostBackend].map((b) => b?.dispose()));
  await rm(usbDir, { recursive: true, force: true });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: '/tmp/azs-failed-azure-management.png', fullPage: true });
  expect(host.errors, 'page errors or CSP violations').toEqual([]);
});

const azure = () => hostBackend.practiceAzure.state.snapshot();
const isRegistrationRole = (r: { properties: Record<string, unknown> }) => r.properties['roleName'] === 'Azure Stack Hub registration role';
const choice = (name: string): Locator => page.locator('label.choice').filter({ hasText: name });
const sideNav = (label: string) => page.getByRole('button', { name: label, exact: true }).first().click();

/** Token step: read the stamp's token from the shared folder and confirm it matches. */
const readToken = async () => {
  await useUsbFolder(page);
  await page.getByRole('button', { name: /^Read token / }).first().click();
  await page.getByTestId('host-token-fingerprint').waitFor();
  expect(await text(page, 'host-token-fingerprint')).toBe(token.fingerprint);
  expect(await text(page, 'host-token-cloud-id')).toBe(token.cloudId);
  await page.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
};

describe('Azure management on the connected host (practice mode)', () => {
  it('signs in with the practice identity and shows the account', async () => {
    await page.getByTestId('side-host').click();
    await page.getByRole('button', { name: 'Sign in to Azure' }).click();
    await page.getByTestId('azure-account').waitFor();
    const account = await text(page, 'azure-account');
    expect(account).toContain(`as ${hostBackend.practiceAzure.account.username}`);
    expect(account).toContain(`tenant ${hostBackend.practiceAzure.account.tenantId}`);
    expect(account).toContain('This is the practice identity');
  });

  it('warns about non-EA offers, flags a disabled subscription, and takes the EA one', async () => {
    await next(page);
    await stepIs(page, 'subscription');
    const needsEa = 'Disconnected registration needs an EA subscription';

    await choice('Contoso CSP (practice)').getByRole('radio').check();
    await expect.poll(() => choice('Contoso CSP (practice)').getByRole('radio').isChecked()).toBe(true);
    expect(await choice('Contoso CSP (practice)').locator('.warning').allTextContents()).toEqual([
      `${needsEa}; this one looks like CSP (quota ID CSP_2015-05-01).`,
    ]);
    await choice('Contoso Pay-As-You-Go (practice)').getByRole('radio').check();
    expect(await choice('Contoso Pay-As-You-Go (practice)').locator('.warning').allTextContents()).toEqual([
      `${needsEa}; this one looks like Pay-As-You-Go (quota ID PayAsYouGo_2013-08-01).`,
    ]);

    const disabled = choice('Contoso EA, cancelled (practice)');
    expect(await disabled.locator('.tag-warn').textContent()).toBe('Disabled');
    expect(await disabled.locator('.warning').allTextContents()).toEqual([
      'This subscription is disabled (cancelled, expired or over its spending limit): Azure refuses any change in it. Choose an enabled subscription, or have its account administrator re-enable it.',
    ]);
    // It cannot be chosen at all.
    expect(await disabled.getByRole('radio').isDisabled()).toBe(true);

    const ea = choice('Contoso EA (practice)');
    await ea.getByRole('radio').check();
    expect(await ea.locator('.warning').count()).toBe(0);
    expect(await choice('Contoso Pay-As-You-Go (practice)').getByRole('radio').isChecked()).toBe(false);
  });

  it('lists the missing lock actions before any change and offers the least-privilege role', async () => {
    await next(page);
    await stepIs(page, 'token');
    await readToken();
    await next(page);
    await stepIs(page, 'names');
    expect(await page.getByLabel('Registration name').inputValue()).toBe(registrationName);
    await next(page);
    await stepIs(page, 'permissions');

    const report = page.getByTestId('permissions');
    await report.waitFor();
    expect(await report.locator('p').first().textContent()).toBe('Missing permissions on /subscriptions/dd8597b4-8739-4467-8b10-f8679f62bfbf.');
    expect(await report.locator('ul').first().locator('li').allTextContents()).toEqual(LOCK_ACTIONS);
    // What each flow needs: the 2019 role can do none of them.
    const flows = await page.getByTestId('flow-permissions').locator('li').allTextContents();
    expect(flows.map((f) => f.split(':')[0])).toEqual(['Register', 'Unregister', 'Move']);
    expect(flows[2]).toContain('Microsoft.Resources/subscriptions/resourceGroups/moveResources/action');
    expect(await page.getByTestId('continue').isDisabled()).toBe(true);
    const offer = page.getByRole('button', { name: 'Create the registration role' });
    expect(await offer.isVisible()).toBe(true);
    // Nothing was created in Azure by the pre-flight.
    expect(azure().resourceGroups.filter((g) => g.name === 'azurestack')).toEqual([]);
    expect(azure().registrations).toEqual([]);
    await page.screenshot({ path: '/tmp/azs-permission-preflight.png', fullPage: true });

    // The 2019 role cannot define roles: the attempt says so and creates nothing.
    await offer.click();
    await expect.poll(() => text(page, 'problem')).toContain('Microsoft.Authorization/roleDefinitions/write');
    expect(azure().roleDefinitions.filter(isRegistrationRole)).toEqual([]);

    // An owner signs in: the same offer creates the role, and the re-check that follows passes
    // (the offer then gives way to the report).
    hostBackend.practiceAzure.state.setPermissions('owner');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await offer.click();
    await expect.poll(() => report.getAttribute('class')).toBe('ok-box');
    expect(await report.textContent()).toContain('The signed-in account has every permission registration needs');
    const role = azure().roleDefinitions.find(isRegistrationRole);
    expect(JSON.stringify(role?.properties)).toContain('Microsoft.Authorization/locks/delete');
    expect(await page.getByTestId('continue').isEnabled()).toBe(true);
    expect(await offer.count()).toBe(0);
  });

  it('registers the token, shows the key fingerprint and saves the key to the shared folder', async () => {
    await next(page);
    await stepIs(page, 'register');
    await page.getByRole('button', { name: 'Register in Azure', exact: true }).click();
    await page.getByTestId('host-key-fingerprint').waitFor();
    const keyFingerprint = await text(page, 'host-key-fingerprint');
    expect(keyFingerprint).toMatch(/\S{8,}/);
    expect(await page.getByTestId('registered').textContent()).toContain(
      `/subscriptions/dd8597b4-8739-4467-8b10-f8679f62bfbf/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/${registrationName}`,
    );
    await next(page);
    await stepIs(page, 'save');
    await page.getByRole('button', { name: 'Save the activation key to this drive' }).click();
    await page.getByTestId('saved-file').waitFor();
    expect(await text(page, 'saved-key-fingerprint')).toBe(keyFingerprint);
    await next(page);
    expect(await text(page, 'done-key-fingerprint')).toBe(keyFingerprint);
    expect((await readdir(usbDir)).length).toBeGreaterThanOrEqual(2);
    expect(azure().registrations.map((r) => r.name)).toEqual([registrationName]);
  });

  it('unregisters by token only once the exact registration name is typed', async () => {
    await sideNav('Unregister');
    const screen = page.getByTestId('unregister-screen');
    await screen.waitFor();
    // Search the whole subscription: the registration is found by the token's cloud ID.
    await page.getByLabel('Resource group').fill('');
    await page.getByRole('radio', { name: /By the registration token/ }).check();
    const tokenSelect = page.getByLabel('Token', { exact: true });
    const unregister = screen.getByRole('button', { name: 'Unregister', exact: true });
    const registered = tokenSelect.locator('option').filter({ hasText: token.cloudId });
    expect(await registered.textContent()).toContain(`${token.fingerprint} · ${registrationName}`);
    await tokenSelect.selectOption((await registered.getAttribute('value')) ?? '');

    // The hand-off knows the name it was registered under: a wrong one cannot even be submitted.
    const typeName = page.getByLabel(`Type ${registrationName} to confirm`);
    await typeName.fill(`AzureStack-${token.cloudId.slice(0, 8)}`);
    expect(await unregister.isDisabled()).toBe(true);
    expect(await unregister.getAttribute('disabled')).not.toBeNull();

    // The name typed must be the registration's: the page refuses anything else, and so does main
    // (test/integration/flows/unregister-confirmation.test.ts), after finding it by cloud ID.
    await typeName.fill(registrationName);
    await page.screenshot({ path: '/tmp/azs-unregister-confirm.png', fullPage: true });
    await unregister.click();
    await page.getByTestId('unregister-result').waitFor();
    expect(await text(page, 'unregister-result')).toBe(`Registration ${registrationName} deleted from resource group azurestack.`);
    // Found by cloud ID across the subscription: no resource group was given.
    expect(await page.getByLabel('Resource group').inputValue()).toBe('');
    expect(azure().registrations).toEqual([]);

    await page.getByRole('radio', { name: 'By registration name' }).check();
    await screen.getByRole('button', { name: 'List registrations' }).click();
    await expect.poll(() => screen.getByText('No registration listed yet.').isVisible()).toBe(true);
  });

  it('ends a re-run as done when an Unregister of the same token was interrupted (the app closed past the DELETE)', async () => {
    const screen = page.getByTestId('unregister-screen');
    const subscriptionId = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
    await page.getByRole('radio', { name: /By the registration token/ }).check();
    const tokenSelect = page.getByLabel('Token', { exact: true });
    const handoffId = (await tokenSelect.locator('option').filter({ hasText: token.cloudId }).getAttribute('value')) ?? '';
    // What the restart journals for a run the app was closed on (test/integration/flows/unregister-interrupted.test.ts restarts for real).
    const journal = hostBackend.journal();
    await journal.operationStarted('cut-unregister', 'azure.unregister', { subscriptionId, resourceGroup: null, target: 'token', handoffId });
    await journal.operationEnded('cut-unregister', 'interrupted');

    await tokenSelect.selectOption(handoffId);
    await page.getByLabel(`Type ${registrationName} to confirm`).fill(registrationName);
    await screen.getByRole('button', { name: 'Unregister', exact: true }).click();
    await expect
      .poll(() => text(page, 'unregister-result'))
      .toMatch(new RegExp(`^The Unregister started at .* UTC was interrupted when the app closed, and had already deleted it: Azure has no registration for cloud ID ${token.cloudId} in subscription ${subscriptionId}; nothing left to do\\.$`));
    expect(journal.interruptedOperations()).toEqual([]);
  });

  it('moves a new registration into a resource group that does not exist yet', async () => {
    // Register the same token again: back from the last step to the token step (inputs are kept).
    await sideNav('2. Register in Azure');
    await stepIs(page, 'done');
    for (const step of ['save', 'register', 'permissions', 'names', 'token']) {
      await page.getByTestId('back').click();
      await stepIs(page, step);
    }
    await page.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    for (const step of ['names', 'permissions', 'register']) {
      await next(page);
      await stepIs(page, step);
    }
    // The earlier result is still shown; running it again is offered and safe.
    await page.getByRole('button', { name: 'Register again', exact: true }).click();
    await expect.poll(() => azure().registrations.map((r) => [r.name, r.resourceGroup])).toEqual([[registrationName, 'azurestack']]);
    await page.getByTestId('host-key-fingerprint').waitFor();

    const target = 'azurestack-moved';
    expect(azure().resourceGroups.some((g) => g.name === target)).toBe(false);
    await sideNav('Move');
    const screen = page.getByTestId('move-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain("If it does not exist yet, it is created in the current resource group's location.");
    await screen.getByRole('button', { name: 'List registrations' }).click();
    await screen.getByRole('button', { name: `Choose ${registrationName}` }).click();
    expect(await page.getByLabel('Current resource group').inputValue()).toBe('azurestack');
    await page.getByLabel('Target resource group').fill(target);
    await screen.getByRole('button', { name: 'Move the registration' }).click();

    await page.getByTestId('move-result').waitFor();
    expect(await text(page, 'move-result')).toBe(`Moved ${registrationName} from azurestack to ${target}.`);
    // The list shows the registration where it now is, locked again.
    const row = screen.getByTestId('registrations').locator('tbody tr').filter({ hasText: registrationName });
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(target);
    expect(await row.locator('.tag').textContent()).toBe('locked');
    expect(await screen.getByTestId('registrations').locator('tbody tr').count()).toBe(1);
    expect(azure().resourceGroups.find((g) => g.name === target)?.location).toBe('westcentralus');
    const moved = azure().registrations.find((r) => r.name === registrationName);
    expect(moved?.resourceGroup).toBe(target);
    expect(azure().locks.filter((l) => l.scope.toLowerCase().includes(`/resourcegroups/${target}/`))).toHaveLength(1);
    await page.screenshot({ path: '/tmp/azs-move-done.png', fullPage: true });
  });
});
