import { expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';

// The registration status screen as an operator meets it in practice mode: the rehearsal "resource
// deleted in Azure" chosen on the Practice scenarios screen, the stamp's admin Resource Manager signed
// in to with what the app prefilled, Azure signed in to, the disagreement said in words and its fix
// offered; the fix opens the stamp side's Remove the activation screen.

describeOnEachLauncher('registration status on both sides', (flow) => {
  it('shows the stamp registered, the resource gone from Azure, and offers removing the activation and registering again', async () => {
    const app = await flow.machine('status');
    const { page } = app;
    await page.getByRole('button', { name: 'Practice scenarios' }).click();
    await page.getByLabel('What the status screen finds').selectOption('resource-deleted');
    await expect.poll(() => page.locator('#practice-status-rehearsal-hint').textContent()).toContain('deleted its registration resource');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(async () => (await app.call('practice.get', {})) as unknown).toMatchObject({ ok: true, value: { statusRehearsal: 'resource-deleted' } });

    await page.getByRole('button', { name: 'Registration status' }).click();
    await page.getByTestId('status-screen').waitFor();
    // Prefilled as the practice stamp's information lists them.
    expect(await page.getByLabel("Stamp's admin Resource Manager").inputValue()).toBe('https://adminmanagement.practice.azurestack.contoso.com');
    expect(await page.getByLabel("Stamp's directory (Azure AD)").inputValue()).toBe('contoso.onmicrosoft.com');
    await page.getByRole('button', { name: 'Sign in to the stamp', exact: true }).click();
    await page.getByTestId('stamp-arm-account').waitFor();
    expect(await page.getByTestId('status-stamp-state').textContent()).toBe('Registered');
    expect(await page.getByTestId('status-stamp-group').textContent()).toBe('azurestack');
    // Azure is not compared before signing in to it.
    expect(await page.getByTestId('status-agree').count()).toBe(1);

    await page.getByRole('button', { name: 'Go to sign-in' }).click();
    await page.getByRole('button', { name: 'Sign in to Azure' }).click();
    await page.getByTestId('azure-account').waitFor();
    await page.getByRole('button', { name: 'Registration status' }).click();

    const finding = page.getByTestId('finding-resource-missing');
    await finding.waitFor();
    expect(await finding.textContent()).toContain('that registration is gone from Azure');
    expect(await page.getByTestId('status-azure-state').textContent()).toBe('No registration resource for this stamp in the subscription.');
    expect(await page.getByTestId('status-agree').count()).toBe(0);
    expect(await axeViolations(page), 'axe on the status screen with a disagreement').toEqual([]);

    // The guided change opens with the case's purpose; the single flows stay offered beside it.
    await finding.getByTestId('change-re-registration').click();
    await page.getByTestId('change-plan').waitFor();
    expect(await page.getByTestId('change-plan').textContent()).toContain('Re-registration');
    await page.getByRole('button', { name: 'Registration status' }).click();
    await page.getByTestId('finding-resource-missing').getByTestId('fix-deactivate').click();
    await page.getByTestId('remove-activation-screen').waitFor();
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });

  it('recovers the details of an intact registration, asks for the agreement number, and opens the connected flow with them', async () => {
    const app = await flow.machine('reregister');
    const { page } = app;
    await page.getByRole('button', { name: 'Practice scenarios' }).click();
    await page.getByLabel('What the status screen finds').selectOption('registered');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(async () => (await app.call('practice.get', {})) as unknown).toMatchObject({ ok: true, value: { statusRehearsal: 'registered' } });

    await page.getByRole('button', { name: 'Registration status' }).click();
    await page.getByRole('button', { name: 'Sign in to the stamp', exact: true }).click();
    await page.getByTestId('stamp-arm-account').waitFor();
    const name = await page.getByTestId('status-stamp-name').textContent();
    expect(name).toMatch(/^AzureStack-[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Go to sign-in' }).click();
    await page.getByRole('button', { name: 'Sign in to Azure' }).click();
    await page.getByTestId('azure-account').waitFor();
    await page.getByRole('button', { name: 'Registration status' }).click();
    await page.getByTestId('status-agree').waitFor();
    expect(await page.getByTestId('status-azure-locked').textContent()).toBe('Yes');

    await page.getByTestId('status-recover').click();
    await page.getByTestId('prefill-ask-agreementNumber').waitFor();
    expect(await axeViolations(page), 'axe on the status screen with the recovered details').toEqual([]);
    expect(await page.getByTestId('prefill-billing').textContent()).toBe('Capacity');
    expect(await page.getByTestId('prefill-location').textContent()).toBe('westcentralus');
    await page.getByTestId('status-reregister').click();
    await page.getByTestId('connected-screen').waitFor();
    expect(await page.locator('#connected-name').inputValue()).toBe(name);
    expect(await page.locator('#connected-group').inputValue()).toBe('azurestack');
    expect(await page.locator('#connected-previous-name').inputValue()).toBe(name);
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
});
