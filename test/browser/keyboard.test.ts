import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeOnEachLauncher } from './harness/fixture';
import { exportTokenToUsb, readTokenOnHost, registerAndSaveKey, stepIs } from './harness/operator';

// Each leg run by keyboard alone: Tab to a control, then Enter, Space or typing; never a click. After
// every step change focus is on the new step's title, so a keyboard or screen-reader user starts reading
// there; it never drops to <body>.

const MAX_TABS = 150;

/** Tabs forward until `target` has focus (every control is reachable in the tab order). */
const tabTo = async (page: Page, target: Locator): Promise<void> => {
  await target.waitFor();
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} never received focus after ${MAX_TABS} presses of Tab`);
};
const press = async (page: Page, target: Locator, key = 'Enter') => {
  await tabTo(page, target);
  await page.keyboard.press(key);
};
const type = async (page: Page, target: Locator, text: string) => {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
};
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first();
const focused = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? '<body>' : (document.activeElement?.id ?? '')));

/** Continue by keyboard, then the next step's title has focus. */
const continueTo = async (page: Page, step: string) => {
  await press(page, page.getByTestId('continue'));
  await onStep(page, step);
};
const onStep = async (page: Page, step: string) => {
  await stepIs(page, step);
  await expect.poll(() => focused(page), { message: `focus on the title of ${step}` }).toBe('step-title');
  // Every step links to its section of the Microsoft documentation.
  const title = (await page.locator('#step-title').textContent()) ?? '';
  expect(await page.getByRole('button', { name: `Microsoft documentation: ${title}`, exact: true }).count(), `help on ${step}`).toBe(1);
};

describeOnEachLauncher('every leg by keyboard alone', (flow) => {
  it('stamp side: exports a registration token to the USB folder', async () => {
    const { page } = await flow.machine('stamp');
    await press(page, page.getByTestId('side-stamp'));
    await onStep(page, 'preflight');
    await type(page, page.getByRole('textbox', { name: 'ERCS 1' }), '10.20.30.224');
    await press(page, button(page, 'Run the connection check'));
    await page.getByTestId('preflight').waitFor();
    expect(await focused(page)).not.toBe('<body>');
    await continueTo(page, 'connect');
    await press(page, button(page, 'Fill in the practice sign-in'));
    await press(page, button(page, 'Connect'));
    await onStep(page, 'stamp');
    await continueTo(page, 'billing');
    await type(page, page.getByLabel('EA agreement number', { exact: true }), 'EA-1234567');
    await continueTo(page, 'generate');
    await press(page, button(page, 'Generate the registration token'));
    await page.getByTestId('export-token-fingerprint').waitFor();
    expect(await focused(page)).not.toBe('<body>');
    await continueTo(page, 'save');
    await press(page, button(page, 'Use a folder…'));
    await press(page, button(page, 'Save the token to this drive'));
    await page.getByTestId('saved-file').waitFor();
    await continueTo(page, 'done');
  });

  it('connected host: registers the token and saves the activation key', async () => {
    await exportTokenToUsb((await flow.machine('stamp')).page);
    const { page } = await flow.machine('host');
    await press(page, page.getByTestId('side-host'));
    await onStep(page, 'sign-in');
    await press(page, button(page, 'Sign in to Azure'));
    await page.getByTestId('azure-account').waitFor();
    await continueTo(page, 'subscription');
    await press(page, page.getByRole('radio').first(), 'Space');
    expect(await page.getByRole('radio').first().isChecked()).toBe(true);
    await continueTo(page, 'token');
    await press(page, button(page, 'Use a folder…'));
    await press(page, button(page, /^Read token /));
    await page.getByTestId('host-token-fingerprint').waitFor();
    await press(page, page.getByLabel('The cloud ID and fingerprint match what the stamp screen showed.'), 'Space');
    await continueTo(page, 'names');
    await continueTo(page, 'permissions');
    await page.getByTestId('permissions').waitFor();
    await continueTo(page, 'register');
    await press(page, button(page, 'Register in Azure'));
    await page.getByTestId('host-key-fingerprint').waitFor();
    await continueTo(page, 'save');
    await press(page, button(page, 'Save the activation key to this drive'));
    await page.getByTestId('saved-file').waitFor();
    await continueTo(page, 'done');
  });

  it('stamp side: activates the stamp with the key, from the Activate offered on its hand-off', async () => {
    const { page } = await flow.machine('stamp');
    await exportTokenToUsb(page);
    const { page: host } = await flow.machine('host');
    await readTokenOnHost(host);
    await registerAndSaveKey(host);

    await press(page, page.getByRole('navigation').getByRole('button', { name: 'Hand-offs', exact: true }));
    await press(page, page.getByTestId('activate-handoff'));
    await onStep(page, 'key');
    await press(page, button(page, 'Use a folder…'));
    await press(page, page.getByTestId('awaited-key').getByRole('button', { name: 'Read it' }));
    await page.getByTestId('stamp-key-fingerprint').waitFor();
    await continueTo(page, 'activate');
    await press(page, button(page, 'Activate the stamp'));
    await page.getByTestId('activation-result').waitFor();
    expect(await focused(page)).not.toBe('<body>');
    await continueTo(page, 'done');
    await press(page, button(page, 'Close the session'));
    await page.getByTestId('session-closed').waitFor();
    expect(await focused(page)).not.toBe('<body>');
  });
});
