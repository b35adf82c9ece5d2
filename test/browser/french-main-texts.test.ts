import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { enScreens } from '../../renderer/i18n/en-screens';
import { fr } from '../../renderer/i18n/fr';
import { frScreens } from '../../renderer/i18n/fr-screens';
import { frMain } from '../../renderer/i18n/fr-main';
import { KEY_SIGNATURE_NOTICE, TOKEN_VERSION_RULE } from '../../shared/domain';
import { describeOnEachLauncher } from './harness/fixture';
import { next, stepIs, text } from './harness/operator';

// Issue 10: in French, what main and the domain say is French too — billing rules and notices, progress
// lines of the export and of the registration in Azure, the key checks, and a problem from the privileged
// endpoint. The operator works in French throughout (labels are taken from the French catalogue), and
// none of main's English sentences for these screens shows (main's English stays under "Show details",
// which is closed).

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const EN = new Map([...flatten(en as unknown as Tree), ...flatten(enScreens as unknown as Tree)].map(([k, v]) => [v, k]));
const FR = new Map([...flatten(fr as unknown as Tree), ...flatten(frScreens as unknown as Tree)]);
/** The French words of the UI text written `english` in en.ts. */
const french = (english: string): string => {
  const key = EN.get(english);
  const words = key === undefined ? undefined : FR.get(key);
  if (words === undefined) throw new Error(`No French for "${english}"`);
  return words;
};
const said = (code: keyof typeof frMain.said) => frMain.said[code].replace(/\{\{\w+\}\}.*$/, '');

// Main's and the domain's English for the screens visited (or their opening words, before a value).
const ENGLISH = [
  'Agreement number is null or empty',
  'Disabling Usage Reporting as it is not supported',
  TOKEN_VERSION_RULE.text,
  'Token version 6.0: stamp',
  'Asking the stamp for a registration token',
  'Checking location, provider, resource group',
  'Creating registration',
  'Placing the registration lock',
  'Retrieving the activation key',
  'Getting the activation key of',
  'Development billing',
  'Capacity billing',
  'Usage data is',
  'Marketplace items can be downloaded',
  'The registration does not expire',
  'Registration AzureStack-',
  KEY_SIGNATURE_NOTICE.text,
  'The privileged endpoint refused the user name or password',
  'Check the account',
];
const englishOn = async (page: Page) => {
  const body = await page.locator('body').innerText();
  return ENGLISH.filter((s) => body.includes(s));
};
const openLog = (page: Page) => page.locator('details.operation-details > summary').first().click();

describeOnEachLauncher('French for main and the domain', (flow) => {
  it('speaks French in billing rules, progress lines, key checks and problems', async () => {
    const { page: stamp, errors: stampErrors } = await flow.machine('stamp-fr', { backend: { locale: 'fr-FR' } });
    await stamp.getByTestId('side-stamp').click();
    await stamp.getByLabel(french('ERCS {{n}}').replace('{{n}}', '1')).fill('10.20.30.224');
    await stamp.getByRole('button', { name: french('Run the connection check') }).click();
    await stamp.getByTestId('preflight').waitFor();
    await next(stamp);
    await stamp.getByLabel(french('User name'), { exact: true }).fill('AZURESTACK\\CloudAdmin');
    await stamp.getByLabel(french('Password'), { exact: true }).fill('wrong-password');
    await stamp.getByRole('button', { name: french('Connect'), exact: true }).click();
    // A problem from the privileged endpoint, by its code.
    await expect.poll(() => stamp.getByTestId('problem').first().innerText()).toContain(frMain.problems['pep-access-denied'].message);
    expect(await englishOn(stamp)).toEqual([]);
    await stamp.getByRole('button', { name: french('Fill in the practice sign-in') }).click();
    await stamp.getByRole('button', { name: french('Connect'), exact: true }).click();
    await stepIs(stamp, 'stamp');
    await next(stamp);

    // Billing: the rules' errors and notices, and the token-version rule.
    await stepIs(stamp, 'billing');
    const agreement = stamp.getByLabel(french('EA agreement number'), { exact: true });
    await agreement.fill('x');
    await agreement.fill('');
    await expect.poll(() => text(stamp, 'plan-errors')).toContain(said('billing.capacity-needs-agreement'));
    expect(await text(stamp, 'effective-params')).toContain(said('billing.capacity-no-usage'));
    expect(await text(stamp, 'token-version-rule')).toContain(said('billing.token-version-rule'));
    expect(await text(stamp, 'effective-params')).toContain(said('billing.token-version-6'));
    expect(await englishOn(stamp)).toEqual([]);

    // Export: the progress lines of New-RegistrationToken.
    await agreement.fill('EA-1234567');
    await next(stamp);
    await stamp.getByRole('button', { name: french('Generate the registration token') }).click();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    await openLog(stamp);
    expect(await stamp.locator('.operation-log').innerText()).toContain(said('progress.token'));
    expect(await englishOn(stamp)).toEqual([]);
    await next(stamp);
    await stamp.getByRole('button', { name: french('Use a folder…') }).click();
    await stamp.getByRole('button', { name: french('Save the token to this drive') }).click();
    await stamp.getByTestId('saved-file').waitFor();

    // Connected host: registration in Azure, its progress lines.
    const { page: host, errors: hostErrors } = await flow.machine('host-fr', { backend: { locale: 'fr-FR' } });
    await host.getByTestId('side-host').click();
    await host.getByRole('button', { name: french('Sign in to Azure') }).click();
    await host.getByTestId('azure-account').waitFor();
    await next(host);
    await host.getByRole('radio').first().check();
    await next(host);
    await host.getByRole('button', { name: french('Use a folder…') }).click();
    await host.getByRole('button', { name: new RegExp(`^${french('Read token')} `) }).first().click();
    await host.getByTestId('host-token-fingerprint').waitFor();
    await host.getByLabel(french('The cloud ID and fingerprint match what the stamp screen showed.')).check();
    await next(host);
    await stepIs(host, 'names');
    await next(host);
    await host.getByTestId('permissions').waitFor();
    await next(host);
    await host.getByRole('button', { name: french('Register in Azure'), exact: true }).click();
    await host.getByTestId('host-key-fingerprint').waitFor();
    await openLog(host);
    const log = await host.locator('.operation-log').innerText();
    for (const code of ['progress.create-registration', 'progress.place-lock', 'progress.key-of'] as const) expect(log).toContain(said(code));
    expect(await englishOn(host)).toEqual([]);
    await next(host);
    await host.getByRole('button', { name: french('Save the activation key to this drive') }).click();
    await host.getByTestId('saved-file').waitFor();

    // Stamp side: the key checks, and what the key enables.
    await stamp.getByRole('button', { name: french('3. Activate the stamp') }).click();
    await stepIs(stamp, 'connect');
    await next(stamp);
    await stamp.getByRole('button', { name: french('Use a folder…') }).click();
    await stamp.getByRole('button', { name: new RegExp(`^${french('Read key')} `) }).first().click();
    await stamp.getByTestId('key-match').waitFor();
    const match = await text(stamp, 'key-match');
    for (const code of ['key.billing-capacity', 'key.usage-off', 'key.registration-group-subscription', 'key.signature'] as const) expect(match).toContain(said(code));
    expect(await englishOn(stamp)).toEqual([]);
    expect([...stampErrors, ...hostErrors], 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);
