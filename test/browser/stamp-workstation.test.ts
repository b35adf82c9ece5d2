import { chmod, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachLauncher } from './harness/fixture';
import { bridgeBackend } from './harness/launchers';
import { next, stepIs, text } from './harness/operator';

// The stamp-side workstation as an operator meets it (each test on a new machine, from the home screen): the pwsh chosen in main's file dialog (a fake
// dialog here; the chosen program really runs), ERCS addresses checked as typed, the token version rule.

describeOnEachLauncher('stamp-side workstation', (flow) => {
  let pwshDir: string;
  const picks: string[] = [];
  const machine = () => flow.machine('workstation', { backend: { pickExecutable: async () => picks.shift() ?? null } });
  beforeAll(async () => {
    pwshDir = await mkdtemp(join(tmpdir(), 'azs-pwsh-'));
  });
  afterAll(async () => {
    await rm(pwshDir, { recursive: true, force: true });
  });

  it('holds back an ERCS address that is not one (10.20.30.999), and shows the token version rule on the billing step', async () => {
    const app = await machine();
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
    const app = await machine();
    const backend = bridgeBackend(app);
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
}, ['bridge']);
