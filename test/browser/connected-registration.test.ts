import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { text } from './harness/operator';

// Connected registration as an operator drives it in practice mode: from the home screen, one screen
// with the privileged endpoint, Azure, what to do, billing (effective parameters shown before anything
// runs) and the run with its record; then the same registration changed by a re-run with the same names.

const PAYG = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';

/** Home → connected screen, PEP connected and Azure signed in, the PAYG subscription chosen. Returns the stamp's cloud ID. */
const openAndConnect = async (page: Page): Promise<string> => {
  await page.getByTestId('open-connected').click();
  await page.getByTestId('connected-screen').waitFor();
  await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const cloudId = await text(page, 'stamp-cloud-id');
  await page.getByRole('button', { name: 'Sign in to Azure' }).click();
  await page.getByTestId('azure-account').waitFor();
  await expect.poll(() => page.locator('#connected-subscription option').count()).toBeGreaterThan(1);
  await page.getByLabel('Subscription', { exact: true }).selectOption(PAYG);
  return cloudId;
};

/** Starts the run and waits for this run's outcome (not the previous run's, still on the screen). */
const runAndWait = async (page: Page, button: string) => {
  const operation = page.getByTestId('connected-operation');
  const before = (await operation.count()) > 0 ? await operation.getAttribute('data-operation-id') : null;
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => operation.getAttribute('data-operation-id')).not.toBe(before);
  await expect.poll(() => operation.getByTestId('operation').getAttribute('data-status'), { timeout: 30_000 }).not.toMatch(/^(running|cancelling)$/);
};

describeOnEachLauncher('connected registration', (flow) => {
  it('registers with Pay-as-you-use in one run, then changes the billing model by re-running with the same names', async () => {
    const app = await flow.machine('connected');
    const { page } = app;
    const cloudId = await openAndConnect(page);

    // The effective parameters are on the screen before anything runs; PayAsYouUse keeps usage on.
    await page.getByLabel('Usage reporting (forced on with Pay-as-you-use, off with Capacity)').uncheck();
    await expect.poll(() => text(page, 'param-UsageReportingEnabled')).toBe('true');
    expect(await text(page, 'param-BillingModel')).toBe('PayAsYouUse');
    expect(await page.getByTestId('script').textContent()).toContain('Set-AzsRegistration');

    expect(await axeViolations(page), 'axe before running').toEqual([]);
    // A registration name that is not one: said in plain words, and Register holds.
    await page.locator('#connected-name').fill('my stamp!');
    await expect.poll(() => page.locator('#connected-name-error').textContent()).toContain('A registration name starts with a letter or digit');
    expect(await page.getByTestId('connected-start').isDisabled()).toBe(true);
    await page.locator('#connected-name').fill('');
    await runAndWait(page, 'Register the stamp');
    expect(await text(page, 'connected-result')).toContain(`AzureStack-${cloudId}`);
    expect(await axeViolations(page), 'axe after running').toEqual([]);
    // A reload loses nothing: the screen comes back with main's record of the run.
    await page.reload();
    await page.getByTestId('connected-screen').waitFor();
    await expect.poll(() => text(page, 'connected-result')).toContain(`AzureStack-${cloudId}`);
    await expect.poll(() => page.getByTestId('connected-record').getAttribute('data-state')).toBe('complete');
    expect(await page.getByTestId('connected-step-role').getAttribute('data-done')).toBe('yes');

    // Change: same name and group (REGDOC), another model. A different name is refused before anything runs.
    await page.getByLabel('Change billing model or settings').check();
    await page.getByLabel('Current registration name').fill(`AzureStack-${cloudId}`);
    await page.getByLabel('Current resource group').fill('azurestack');
    await page.getByLabel('Registration name', { exact: true }).fill('AzureStack-another');
    await expect.poll(() => page.getByTestId('plan-errors').textContent()).toContain('same registration name and resource group');
    expect(await page.getByRole('button', { name: 'Apply the change' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Use the same name and resource group' }).click();
    await page.getByLabel('Development').check();
    await expect.poll(() => text(page, 'param-BillingModel')).toBe('Development');
    await runAndWait(page, 'Apply the change');
    await expect.poll(() => text(page, 'connected-result')).toContain('now has billing model Development');

    // Azure re-read: the one registration, locked, with the stamp principal's role.
    await page.getByRole('button', { name: 'Check in Azure' }).click();
    await expect.poll(() => text(page, 'connected-check')).toContain("locked; the stamp's service principal has the Azure Stack Registration Owner role");
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
});

// A practice scenario set on the harness backend: the bridge harness only.
describeOnEachLauncher('connected registration, partial state', (flow) => {
  it('role assignment refused after the resource exists: the screen says what exists, and running again completes it', async () => {
    const app = await flow.machine('connected-partial', { backend: { scenario: { roleAssignmentForbidden: true } } });
    const { page } = app;
    await openAndConnect(page);
    await runAndWait(page, 'Register the stamp');
    await expect.poll(() => page.getByTestId('problem').last().textContent()).toContain('without the role assignment');
    await expect.poll(() => page.getByTestId('connected-record').getAttribute('data-state')).toBe('stopped');
    expect(await page.getByTestId('connected-step-resource').getAttribute('data-done')).toBe('yes');
    expect(await page.getByTestId('connected-step-role').getAttribute('data-done')).toBe('stopped');
    expect(await text(page, 'connected-partial')).toContain('The registration resource exists in Azure');
    expect(await axeViolations(page), 'axe on the partial state').toEqual([]);
    await page.getByRole('button', { name: 'Check in Azure' }).click();
    await expect.poll(() => text(page, 'connected-check')).toContain("does not have the Azure Stack Registration Owner role");

    await runAndWait(page, 'Register the stamp');
    await expect.poll(() => page.getByTestId('connected-record').getAttribute('data-state')).toBe('complete');
    expect(await text(page, 'connected-result')).toContain('Updated');
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);
