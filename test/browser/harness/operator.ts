import type { Page } from 'playwright-core';

// What an operator does, in the words on the screen.

export const next = (page: Page) => page.getByTestId('continue').click();

export const useUsbFolder = (page: Page) => page.getByRole('button', { name: 'Use a folder…' }).click();

export const text = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

export const stepIs = (page: Page, step: string) => page.locator(`section.step[data-step="${step}"]`).waitFor();

/** Stamp side up to the billing step: connection check, PEP sign-in, stamp information. */
export const connectStamp = async (page: Page): Promise<string> => {
  await page.getByTestId('side-stamp').click();
  await page.getByLabel('ERCS 1').fill('10.20.30.224');
  await page.getByRole('button', { name: 'Run the connection check' }).click();
  await page.getByTestId('preflight').waitFor();
  await next(page);
  await page.getByLabel('User name', { exact: true }).fill('AZURESTACK\\CloudAdmin');
  // A wrong password is refused, as a real privileged endpoint does; the practice one is on the screen.
  await page.getByLabel('Password', { exact: true }).fill('practice-Passw0rd!');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByText('The privileged endpoint refused the user name or password.').first().waitFor();
  await page.getByRole('button', { name: 'Fill in the practice sign-in' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await stepIs(page, 'stamp');
  return text(page, 'stamp-cloud-id');
};

/** Stamp side, whole export leg: a practice token saved to the USB folder. Returns what the stamp showed. */
export const exportTokenToUsb = async (page: Page, agreement = 'EA-1234567'): Promise<{ cloudId: string; fingerprint: string }> => {
  const cloudId = await connectStamp(page);
  await next(page);
  await stepIs(page, 'billing');
  await page.getByLabel('EA agreement number', { exact: true }).fill(agreement);
  await next(page);
  await page.getByRole('button', { name: 'Generate the registration token' }).click();
  await page.getByTestId('export-token-fingerprint').waitFor();
  const fingerprint = await text(page, 'export-token-fingerprint');
  await next(page);
  await useUsbFolder(page);
  await page.getByRole('button', { name: 'Save the token to this drive' }).click();
  await page.getByTestId('saved-file').waitFor();
  return { cloudId, fingerprint };
};

/** Connected host, up to the token step: signs in, takes the first subscription and reads the first token on the USB folder. */
export const readTokenOnHost = async (page: Page): Promise<void> => {
  await page.getByTestId('side-host').click();
  await page.getByRole('button', { name: 'Sign in to Azure' }).click();
  await page.getByTestId('azure-account').waitFor();
  await next(page);
  await page.getByRole('radio').first().check();
  await next(page);
  await useUsbFolder(page);
  await page.getByRole('button', { name: /^Read token / }).first().click();
  await page.getByTestId('host-token-fingerprint').waitFor();
};

/** Host: from a read token to a saved activation key. */
export const registerAndSaveKey = async (host: Page) => {
  await host.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.').check();
  await next(host);
  await next(host);
  await host.getByTestId('permissions').waitFor();
  await next(host);
  await host.getByRole('button', { name: 'Register in Azure', exact: true }).click();
  await host.getByTestId('host-key-fingerprint').waitFor();
  await next(host);
  await host.getByRole('button', { name: 'Save the activation key to this drive' }).click();
  await host.getByTestId('saved-file').waitFor();
  await next(host);
};

/** Stamp, leg 3 from the side navigation: the key read from the USB folder and checked, up to the Activate button. */
export const readKeyOnStamp = async (page: Page): Promise<void> => {
  await page.getByRole('navigation', { name: 'Tasks' }).getByRole('button', { name: '3. Activate the stamp', exact: true }).click();
  await next(page);
  await useUsbFolder(page);
  await page.getByRole('button', { name: /^Read key / }).first().click();
  await page.getByTestId('stamp-key-fingerprint').waitFor();
  await next(page);
};
