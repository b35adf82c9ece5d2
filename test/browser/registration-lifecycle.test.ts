import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { exportTokenToUsb, next, readTokenOnHost, stepIs, text } from './harness/operator';

// The registration lifecycle through the UI in practice mode: removing a connected registration
// (with Azure failing after the stamp was deactivated, then the re-run), and a disconnected billing
// change (remove activation → unregister → a new hand-off that says what it is for).

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tasks' }).getByRole('button', { name, exact: true }).click();

/** Practice scenarios screen: what the practice Azure holds from the start, and the refused DELETE. */
const setScenario = async (page: Page, registration: string, deleteRefused: boolean) => {
  await nav(page, 'Practice scenarios');
  await page.getByLabel('Registration in the practice Azure at start').selectOption({ label: registration });
  if (deleteRefused) await page.getByLabel('Registration delete refused once').check();
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect.poll(() => text(page, 'practice-done')).toContain('Scenario saved');
};

/** Remove screen: PEP session, then Azure sign-in and subscription (through the register leg), then back. */
const connectForRemoval = async (page: Page): Promise<string> => {
  await nav(page, 'Remove the registration (connected)');
  await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: 'Go to sign-in' }).click();
  await page.getByRole('button', { name: 'Sign in to Azure' }).click();
  await page.getByTestId('azure-account').waitFor();
  await next(page);
  await page.getByRole('radio').first().check();
  await nav(page, 'Remove the registration (connected)');
  const cloudId = `${await page.getByLabel('Registration name').inputValue()}`.replace(/^AzureStack-/, '');
  expect(cloudId).toMatch(/^[0-9a-f-]{36}$/);
  return cloudId;
};

describeOnEachLauncher('registration lifecycle', (flow) => {
  it('removes a connected registration; Azure failing after the stamp was deactivated is finished by the re-run', async () => {
    const { page } = await flow.machine('connected');
    await page.getByTestId('side-stamp').click();
    await setScenario(page, 'This stamp’s registration (connected)', true);
    const cloudId = await connectForRemoval(page);

    // Explained before anything runs.
    const explained = await text(page, 'remove-registration-explained');
    expect(explained).toContain('removes the marketplace items syndicated to the stamp and turns off usage reporting');

    // A resource group that is not one: said in plain words, and nothing is sent.
    const group = page.getByLabel('Resource group', { exact: true });
    const typed = await group.inputValue();
    await group.fill('azure stack!');
    await expect.poll(() => page.locator('#remove-rg-error').textContent()).toContain('A resource group name uses only letters');
    expect(await page.getByRole('button', { name: 'Find the registration' }).isDisabled()).toBe(true);
    await group.fill(typed);

    await page.getByRole('button', { name: 'Find the registration' }).click();
    await page.getByTestId('remove-found').waitFor();
    expect(await text(page, 'remove-found-cloud-id')).toBe(cloudId);
    const remove = page.getByRole('button', { name: 'Remove the registration', exact: true });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel(`Type AzureStack-${cloudId} to confirm`).fill(`AzureStack-${cloudId}`);
    await remove.click();

    // The practice Azure refuses the first DELETE: the stamp is already deactivated, and the screen says so.
    await page.getByTestId('remove-partial').waitFor();
    expect(await axeViolations(page), 'axe on Remove the registration, partial state').toEqual([]);
    expect(await text(page, 'problem')).toContain('The stamp is deactivated, but removing registration');
    expect(await page.getByLabel('The stamp is already deactivated (an earlier removal did it): do only the Azure part.').isChecked()).toBe(true);

    await page.getByLabel(`Type AzureStack-${cloudId} to confirm`).fill(`AzureStack-${cloudId}`);
    await page.getByRole('button', { name: 'Finish the removal in Azure' }).click();
    await expect.poll(() => text(page, 'remove-registration-result')).toContain(`Registration AzureStack-${cloudId} removed`);
    // The operation's own log: this run skipped the stamp.
    expect(await text(page, 'operation')).toContain('The stamp was deactivated by an earlier run: only the Azure part is left.');

    // Searching again: not found, and where it looked.
    await page.getByRole('button', { name: 'Find the registration' }).click();
    await expect.poll(() => text(page, 'problem')).toContain(`The app looked in subscription dd8597b4-8739-4467-8b10-f8679f62bfbf, resource group azurestack, name AzureStack-${cloudId}`);
    expect(await text(page, 'problem')).not.toMatch(/correlate/i);
  });

  it("refuses another stamp's registration under this stamp's name, naming both cloud IDs", async () => {
    const { page } = await flow.machine('connected');
    await page.getByTestId('side-stamp').click();
    await setScenario(page, 'Another stamp’s registration under this stamp’s name', false);
    const cloudId = await connectForRemoval(page);
    await page.getByRole('button', { name: 'Find the registration' }).click();
    await expect.poll(() => text(page, 'problem')).toContain('belongs to another stamp');
    expect(await text(page, 'problem')).toContain(`this stamp's cloud ID is ${cloudId}`);
    expect(await page.getByTestId('remove-found').count()).toBe(0);
  });

  it('a disconnected billing change: remove activation, unregister, then a new hand-off that says what it is for', async () => {
    const { page: stamp } = await flow.machine('stamp');
    const { cloudId } = await exportTokenToUsb(stamp);
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await next(host);
    await next(host);
    await host.getByTestId('permissions').waitFor();
    await next(host);
    await host.getByRole('button', { name: 'Register in Azure', exact: true }).click();
    await host.getByTestId('host-key-fingerprint').waitFor();

    // Stamp side: what changes, why, and what will happen.
    await nav(stamp, 'Change the registration');
    await stamp.getByLabel('Change the billing model').check();
    expect(await stamp.getByTestId('change-plan').getAttribute('data-route')).toBe('disconnected-cycle');
    expect(await axeViolations(stamp), 'axe on Change the registration').toEqual([]);
    expect(await text(stamp, 'change-screen')).toContain('The billing model is in the registration token: a new model needs a new registration.');
    await stamp.getByRole('button', { name: 'Open Remove activation' }).click();
    await stamp.getByLabel('I understand the stamp stays unregistered until a new activation key is applied.').check();
    await stamp.getByRole('button', { name: 'Remove the activation' }).click();
    await stamp.getByTestId('remove-activation-result').waitFor();

    // Connected host: unregister the old registration.
    await nav(host, 'Change the registration');
    await host.getByLabel('Change the billing model').check();
    await host.getByRole('button', { name: 'Open Unregister' }).click();
    await host.getByRole('textbox', { name: 'Registration name', exact: true }).fill(`AzureStack-${cloudId}`);
    await host.getByLabel(`Type AzureStack-${cloudId} to confirm`).fill(`AzureStack-${cloudId}`);
    await host.getByTestId('unregister-screen').getByRole('button', { name: 'Unregister', exact: true }).click();
    await host.getByTestId('unregister-result').waitFor();

    // Stamp side: the new hand-off, for a billing change, with the new model.
    await nav(stamp, 'Change the registration');
    await stamp.getByRole('button', { name: 'Start the new hand-off (Billing model change)' }).click();
    await stepIs(stamp, 'billing');
    expect(await text(stamp, 'pending-purpose')).toContain('This new hand-off is for: Billing model change.');
    await stamp.getByLabel(/^Development/).check();
    await next(stamp);
    await stamp.getByRole('button', { name: 'Generate the registration token' }).click();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    expect(await text(stamp, 'handoff-pin-purpose')).toBe('Billing model change');
    await next(stamp);
    await stamp.getByRole('button', { name: 'Save the token to this drive' }).click();
    expect(await text(stamp, 'saved-file')).toContain('-billing-change-registration-token.txt');

    // Connected host: the new token's hand-off carries the purpose from the file's sidecar.
    await nav(host, '2. Register in Azure');
    await host.locator('.stepper').getByRole('button', { name: 'Registration token' }).click();
    await host.getByRole('button', { name: 'Refresh the file list' }).click();
    await host.getByRole('button', { name: /^Read token .*billing-change/ }).click();
    await expect.poll(() => text(host, 'handoff-pin-purpose')).toBe('Billing model change');
    await nav(host, 'Hand-offs');
    const purposes = await host.getByTestId('handoff-purpose').allTextContents();
    expect(purposes.sort()).toEqual(['Billing model change', 'First registration']);
  });

  it('a connected stamp: a change re-runs the connected registration, prefilled; a new subscription removes first', async () => {
    const { page } = await flow.machine('connected');
    await page.getByTestId('side-stamp').click();
    await nav(page, 'Remove the registration (connected)');
    await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Go to sign-in' }).waitFor();

    await nav(page, 'Change the registration');
    await page.getByLabel('Connected: this machine reaches both the privileged endpoint and Azure').check();
    await page.getByLabel('Nodes added or removed (Capacity)').check();
    expect(await page.getByTestId('change-plan').getAttribute('data-route')).toBe('register-again-same-name');
    await page.getByRole('button', { name: 'Open Register a connected stamp' }).click();
    await page.getByTestId('connected-screen').waitFor();
    expect(await page.getByLabel('Record a scale change').isChecked()).toBe(true);
    const name = await page.getByLabel('Current registration name').inputValue();
    expect(name).toMatch(/^AzureStack-[0-9a-f-]{36}$/);
    expect(await page.getByLabel('Current resource group').inputValue()).toBe('azurestack');

    await nav(page, 'Change the registration');
    await page.getByLabel('Change the subscription or directory').check();
    expect(await page.getByTestId('change-plan').getAttribute('data-route')).toBe('remove-then-register');
    await page.getByRole('button', { name: 'Open Remove the registration' }).click();
    await page.getByTestId('remove-registration-screen').waitFor();
    await nav(page, 'Change the registration');
    await page.getByRole('button', { name: 'Open Register a connected stamp' }).click();
    expect(await page.getByRole('radio', { name: /^Register First registration/ }).isChecked()).toBe(true);
  });

  it('a renewal of an expired Capacity registration: the names step says the old name is taken and offers a new one', async () => {
    const { page } = await flow.machine('solo');
    await page.getByTestId('side-stamp').click();
    await setScenario(page, 'This stamp’s expired Capacity registration', false);
    await nav(page, 'Change the registration');
    expect(await text(page, 'change-plan')).toContain('needs a new unique name unless the old registration is deleted first');
    await page.getByRole('button', { name: 'Start the new hand-off (Renewal)' }).click();
    expect(await text(page, 'pending-purpose')).toContain('This new hand-off is for: Renewal.');
    await page.getByLabel('ERCS 1').fill('10.20.30.224');
    await page.getByRole('button', { name: 'Run the connection check' }).click();
    await page.getByTestId('preflight').waitFor();
    await next(page);
    await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await stepIs(page, 'stamp');
    const cloudId = await text(page, 'stamp-cloud-id');
    await next(page);
    await page.getByLabel('EA agreement number', { exact: true }).fill('EA-1234567');
    await next(page);
    await page.getByRole('button', { name: 'Generate the registration token' }).click();
    await page.getByTestId('export-token-fingerprint').waitFor();
    await next(page);
    await page.getByRole('button', { name: 'Use a folder…' }).click();
    await page.getByRole('button', { name: 'Save the token to this drive' }).click();
    expect(await text(page, 'saved-file')).toContain('-renewal-registration-token.txt');

    // The same machine as the connected host: its practice Azure holds the expired registration.
    await page.getByRole('button', { name: 'Change side' }).click();
    await readTokenOnHost(page);
    expect(await text(page, 'handoff-pin-purpose')).toBe('Renewal');
    await page.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await next(page);
    await stepIs(page, 'names');
    await expect.poll(() => text(page, 'renewal-name-taken')).toContain(`Registration AzureStack-${cloudId} is still in Azure`);
    expect(await axeViolations(page), 'axe on the names step of a renewal').toEqual([]);
    await page.getByRole('button', { name: `Use AzureStack-${cloudId}-renewed` }).click();
    await expect.poll(() => text(page, 'renewal-name-free')).toContain(`AzureStack-${cloudId}-renewed`);
    expect(await page.getByRole('textbox', { name: 'Registration name', exact: true }).inputValue()).toBe(`AzureStack-${cloudId}-renewed`);
  });
}, ['bridge', 'electron']);
