import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { describeOnEachLauncher } from './harness/fixture';
import { connectStamp, exportTokenToUsb, next, readKeyOnStamp, readTokenOnHost, registerAndSaveKey, stepIs, text } from './harness/operator';

// Screens never show a state main no longer has. Each test reproduces one of the stale screens an
// operator met (issue 10) against the real runtime: settings, scenario and practice resets recompose
// main's services, hand-offs close, the activation is removed.

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tasks' }).getByRole('button', { name, exact: true }).click();
const doneSteps = (page: Page) => page.locator('.stepper li[data-done="true"]').count();
const confirmToken = (page: Page) => page.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();

describeOnEachLauncher('screens re-read what they show after main changes', (flow) => {
  const machine = (name: string) => flow.machine(name);

  it('after a settings change signs Azure out, Permissions neither claims every permission nor lets the operator continue', async () => {
    await exportTokenToUsb((await machine('stamp')).page);
    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    await confirmToken(host);
    await next(host);
    await next(host);
    await stepIs(host, 'permissions');
    await expect.poll(() => text(host, 'permissions')).toContain('has every permission');
    expect(await doneSteps(host)).toBe(4);

    await nav(host, 'Settings');
    await host.getByLabel('Registration API version').selectOption('2022-06-01');
    await host.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => text(host, 'settings-saved')).toContain('Settings saved');

    await nav(host, '2. Register in Azure');
    await stepIs(host, 'permissions');
    await host.getByTestId('step-lost').waitFor();
    expect(await host.getByTestId('permissions').count()).toBe(0);
    expect(await host.getByTestId('continue').isDisabled()).toBe(true);
    expect(await text(host, 'step-lost')).toContain('Sign in to Azure first.');
    // Sign-in lost its ✓, and so did every step after it.
    expect(await doneSteps(host)).toBe(0);

    // The way back: sign in again, and the flow's facts hold again.
    await host.getByRole('button', { name: 'Go back to Sign in' }).click();
    await host.getByRole('button', { name: 'Sign in to Azure' }).click();
    await host.getByTestId('azure-account').waitFor();
    await host.locator('.stepper').getByRole('button', { name: 'Permissions' }).waitFor({ state: 'detached' });
    expect(await host.getByTestId('continue').isEnabled()).toBe(true);
  });

  it('after the mode switches and back, no step keeps its ✓', async () => {
    await exportTokenToUsb((await machine('stamp')).page);
    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    expect(await doneSteps(host)).toBe(2);
    for (const mode of ['live', 'practice']) {
      await host.getByRole('button', { name: `Switch to ${mode}` }).click();
      await host.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
      await expect.poll(() => text(host, 'mode-banner')).toContain(mode === 'live' ? 'Live mode' : 'Practice mode');
    }
    expect(await doneSteps(host)).toBe(0);
  });

  it('after the activation is removed the activate leg starts again from the key; its Done step closes the session in place', async () => {
    const { page: stamp } = await machine('stamp');
    await exportTokenToUsb(stamp);
    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);

    await readKeyOnStamp(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    await stamp.getByTestId('activation-result').waitFor();

    await nav(stamp, 'Remove activation');
    await stamp.getByLabel('I understand the stamp stays unregistered until a new activation key is applied.').check();
    await stamp.getByRole('button', { name: 'Remove the activation' }).click();
    await stamp.getByTestId('remove-activation-result').waitFor();

    // The key's hand-off ended with the activation: the leg starts again from the key, not "activated".
    await nav(stamp, '3. Activate the stamp');
    await stepIs(stamp, 'key');
    expect(await stamp.getByTestId('activation-result').count()).toBe(0);
    expect(await doneSteps(stamp)).toBe(1);
    await stamp.getByRole('button', { name: /^Read key / }).first().click();
    await stamp.getByTestId('stamp-key-fingerprint').waitFor();
    await next(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    await stamp.getByTestId('activation-result').waitFor();
    await next(stamp);
    await stepIs(stamp, 'done');
    await stamp.getByRole('button', { name: 'Close the session' }).click();
    await expect.poll(() => text(stamp, 'session-closed')).toContain('The privileged-endpoint session is closed.');
  });

  it('a closed host hand-off lets go of the token; unregister lists one token per stamp and warns about an activated stamp', async () => {
    const { page: stamp } = await machine('stamp');
    const { cloudId } = await exportTokenToUsb(stamp);
    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);

    await nav(host, 'Hand-offs');
    await host.getByRole('button', { name: 'The stamp is activated: close this hand-off' }).click();
    await expect.poll(() => text(host, 'handoff')).toContain('Stamp activation confirmed');

    await nav(host, '2. Register in Azure');
    await stepIs(host, 'token');
    expect(await host.getByTestId('host-token-fingerprint').count()).toBe(0);
    expect(await host.getByTestId('continue').isDisabled()).toBe(true);

    // Re-registration: the same stamp's token read again opens a second hand-off for that cloud ID.
    await host.getByRole('button', { name: /^Read token / }).first().click();
    await host.getByTestId('host-token-fingerprint').waitFor();

    await nav(host, 'Unregister');
    await host.getByLabel('By the registration token read on this host (matched by cloud ID)').check();
    const options = host.locator('#unreg-token option', { hasText: cloudId });
    expect(await options.count()).toBe(1);
    await host.locator('#unreg-token').selectOption({ index: 1 });
    await expect.poll(() => text(host, 'unregister-activated')).toContain(`stamp ${cloudId} as activated`);
    // What follows: the stamp must be registered again.
    expect(await text(host, 'unregister-activated')).toContain('the stamp must be registered again (export, register, activate)');
    const registrationName = `AzureStack-${cloudId}`;
    const unregister = host.getByTestId('unregister-screen').getByRole('button', { name: 'Unregister', exact: true });
    await host.getByLabel(`Type ${registrationName} to confirm`).fill('yes');
    expect(await unregister.isDisabled()).toBe(true);
    await host.getByLabel(`Type ${registrationName} to confirm`).fill(registrationName);
    expect(await unregister.isEnabled()).toBe(true);
  });

  it('a scenario change says what it restarted, and a practice reset gives a new stamp', async () => {
    const { page: stamp } = await machine('stamp');
    const before = await connectStamp(stamp);
    await nav(stamp, 'Practice scenarios');
    await stamp.getByLabel('Number of hosts').fill('6');
    await stamp.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => text(stamp, 'practice-done')).toContain('Scenario saved');
    expect(await text(stamp, 'practice-screen')).toContain('while the practice stamp keeps its activation');

    await stamp.getByRole('button', { name: 'Reset the practice stamp and Azure' }).click();
    await stamp.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
    await expect.poll(() => text(stamp, 'practice-done')).toContain('start afresh');

    await nav(stamp, '1. Export the token');
    // The session closed with the recomposition: the flow is back before its connect step, ✓ gone.
    await stamp.getByTestId('step-lost').waitFor();
    expect(await doneSteps(stamp)).toBe(0);
    await stamp.getByRole('button', { name: /^Go back to / }).click();
    await stamp.getByRole('button', { name: 'Run the connection check' }).click();
    await stamp.getByTestId('preflight').waitFor();
    await next(stamp);
    await stamp.getByLabel('Password', { exact: true }).fill(PRACTICE_PEP_PASSWORD);
    await stamp.getByRole('button', { name: 'Connect', exact: true }).click();
    await stepIs(stamp, 'stamp');
    const after = await text(stamp, 'stamp-cloud-id');
    expect(after).toMatch(/^[0-9a-f-]{36}$/);
    expect(after).not.toBe(before);
  });
}, ['bridge']);
