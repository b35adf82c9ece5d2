import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachLauncher } from './harness/fixture';
import { connectStamp, next, readTokenOnHost, stepIs, text, useUsbFolder } from './harness/operator';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';

// Two machines, each with its own main process (practice mode) and its own window and storage,
// sharing only a folder that stands for the USB stick. Runs on the bridge harness and on real Electron.

const shot = (name: string) => ({ path: join(tmpdir(), `azs-${name}.png`), fullPage: true });

describeOnEachLauncher('disconnected registration in practice mode', (flow) => {
  const machine = (name: string) => flow.machine(name);
  it('exports the token, registers it on the host and activates the stamp', async () => {
    const { page: stamp } = await machine('stamp');
    await expect.poll(() => text(stamp, 'mode-banner')).toContain('Practice mode');

    // Leg 1: stamp side, export.
    const cloudId = await connectStamp(stamp);
    expect(cloudId).toMatch(/^[0-9a-f-]{36}$/);
    await next(stamp);
    await stepIs(stamp, 'billing');
    await stamp.getByLabel('EA agreement number', { exact: true }).fill('EA-1234567');
    expect(await text(stamp, 'param-UsageReportingEnabled')).toBe('false');
    expect(await text(stamp, 'param-AgreementNumber')).toBe('EA-1234567');
    await next(stamp);
    await stamp.getByRole('button', { name: 'Generate the registration token' }).click();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    const tokenFingerprint = await text(stamp, 'export-token-fingerprint');
    expect(await text(stamp, 'export-token-cloud-id')).toBe(cloudId);
    await stamp.screenshot(shot('stamp-token'));
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: 'Save the token to this drive' }).click();
    await stamp.getByTestId('saved-file').waitFor();
    await next(stamp);
    expect(await text(stamp, 'done-token-fingerprint')).toBe(tokenFingerprint);
    const stored = await stamp.evaluate(() => JSON.stringify(window.localStorage));
    expect(stored).not.toContain('practice-Passw0rd!');
    expect(stored).not.toContain(PRACTICE_PEP_PASSWORD);

    // Leg 2: connected host, register.
    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    expect(await text(host, 'host-token-fingerprint')).toBe(tokenFingerprint);
    expect(await text(host, 'host-token-cloud-id')).toBe(cloudId);
    await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await next(host);
    await stepIs(host, 'names');
    expect(await host.getByLabel('Registration name').inputValue()).toBe(`AzureStack-${cloudId}`);
    expect(await host.getByLabel('Resource group').inputValue()).toBe('azurestack');
    await next(host);
    await host.getByTestId('permissions').waitFor();
    await next(host);
    await host.getByRole('button', { name: 'Register in Azure', exact: true }).click();
    await host.getByTestId('host-key-fingerprint').waitFor();
    const keyFingerprint = await text(host, 'host-key-fingerprint');
    await host.screenshot(shot('host-registered'));
    await next(host);
    await host.getByRole('button', { name: 'Save the activation key to this drive' }).click();
    await host.getByTestId('saved-file').waitFor();
    await next(host);
    expect(await text(host, 'done-key-fingerprint')).toBe(keyFingerprint);

    // Leg 3: stamp side, activate with the key from the stick.
    await stamp.getByRole('button', { name: '3. Activate the stamp' }).click();
    await stepIs(stamp, 'connect');
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: /^Read key / }).first().click();
    await stamp.getByTestId('stamp-key-fingerprint').waitFor();
    expect(await text(stamp, 'stamp-key-fingerprint')).toBe(keyFingerprint);
    expect(await text(stamp, 'stamp-key-cloud-id')).toBe(cloudId);
    expect(await text(stamp, 'key-matches-stamp')).toContain('Issued for this stamp');
    await stamp.screenshot(shot('stamp-key'));
    await next(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    await stamp.getByTestId('activation-result').waitFor();
    await stamp.screenshot(shot('stamp-activated'));
    await next(stamp);
    await stepIs(stamp, 'done');

    // Back on the host: the operator confirms the activation and the host closes its side.
    await host.getByRole('button', { name: 'Hand-offs', exact: true }).click();
    const hostHandoff = host.getByTestId('handoff').filter({ hasText: 'Connected host' });
    expect(await hostHandoff.textContent()).toContain('Activation key saved to the drive');
    await hostHandoff.getByRole('button', { name: 'The stamp is activated: close this hand-off' }).click();
    await expect.poll(() => hostHandoff.textContent()).toContain('Stamp activation confirmed');

    // Later, on the host: a move to a group that does not exist yet creates it, then the
    // registration is removed from there.
    const registrationName = `AzureStack-${cloudId}`;
    await host.getByRole('button', { name: 'Move', exact: true }).click();
    await host.getByRole('button', { name: 'List registrations' }).click();
    await host.getByRole('button', { name: `Choose ${registrationName}` }).click();
    await host.getByLabel('Target resource group').fill('azurestack-moved');
    await host.getByRole('button', { name: 'Move the registration' }).click();
    expect(await text(host, 'move-result')).toBe(`Moved ${registrationName} from azurestack to azurestack-moved.`);
    await host.getByRole('button', { name: 'Unregister', exact: true }).click();
    await host.getByLabel(`Type ${registrationName} to confirm`).fill(registrationName);
    await host.getByTestId('unregister-screen').getByRole('button', { name: 'Unregister', exact: true }).click();
    expect(await text(host, 'unregister-result')).toContain(registrationName);
  });

  it('keeps inputs, the running operation and the hand-off across reloads', async () => {
    const { page: stamp } = await machine('stamp');
    const cloudId = await connectStamp(stamp);
    await next(stamp);
    await stamp.getByLabel('EA agreement number', { exact: true }).fill('EA-RELOAD-1');
    await stamp.reload();
    await stepIs(stamp, 'billing');
    expect(await stamp.getByLabel('EA agreement number', { exact: true }).inputValue()).toBe('EA-RELOAD-1');
    await next(stamp);

    // Reload while the token is being generated: main keeps running it, the page picks it up again.
    await stamp.getByRole('button', { name: 'Generate the registration token' }).click();
    await stamp.getByTestId('operation').waitFor();
    await stamp.reload();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    const fingerprint = await text(stamp, 'export-token-fingerprint');
    expect(await text(stamp, 'export-token-cloud-id')).toBe(cloudId);
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: 'Save the token to this drive' }).click();
    await stamp.getByTestId('saved-file').waitFor();
    await stamp.reload();
    expect(await text(stamp, 'saved-token-fingerprint')).toBe(fingerprint);
    await stamp.getByRole('button', { name: 'Hand-offs' }).click();
    await expect.poll(() => text(stamp, 'handoff')).toContain('Token saved to the drive');
    expect(await text(stamp, 'handoff')).toContain(fingerprint);

    const { page: host } = await machine('host');
    await readTokenOnHost(host);
    await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
    await host.reload();
    await stepIs(host, 'token');
    expect(await text(host, 'host-token-fingerprint')).toBe(fingerprint);
    expect(await text(host, 'host-token-cloud-id')).toBe(cloudId);
    expect(await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').isChecked()).toBe(true);
    await host.getByRole('button', { name: /^Read token / }).first().waitFor();
    await next(host);
    expect(await host.getByLabel('Registration name').inputValue()).toBe(`AzureStack-${cloudId}`);
  });
});
