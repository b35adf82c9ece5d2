import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { next, stepIs, useUsbFolder } from './harness/operator';

// axe-core on every screen and state of the three legs, in both languages, and focus that never
// drops to <body> when the button that was pressed disables itself.

/** Every state visited, with its violations (none expected). */
const audit = (seen: Record<string, string[]>) => async (page: Page, state: string) => {
  seen[state] = await axeViolations(page);
};
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

describeOnEachLauncher('accessibility', (flow) => {
  const machine = (name: string, locale = 'en-US') => flow.machine(name, { backend: { locale } });

  it('axe finds no violation on any screen of the three legs, the side screens and the dialogs', async () => {
    const seen: Record<string, string[]> = {};
    const check = audit(seen);
    const { page: stamp } = await machine('stamp');
    await stamp.getByTestId('side-stamp').waitFor();
    await check(stamp, 'home');

    await stamp.getByTestId('side-stamp').click();
    await check(stamp, 'export: preflight');
    await stamp.getByLabel('ERCS 1').fill('10.20.30.224');
    await stamp.getByRole('button', { name: 'Run the connection check' }).click();
    await stamp.getByTestId('preflight').waitFor();
    await check(stamp, 'export: preflight report');
    await next(stamp);
    await check(stamp, 'export: connect');
    await stamp.getByLabel('User name', { exact: true }).fill('AZURESTACK\\CloudAdmin');
    await stamp.getByLabel('Password', { exact: true }).fill(PRACTICE_PEP_PASSWORD);
    await stamp.getByRole('button', { name: 'Connect', exact: true }).click();
    await stepIs(stamp, 'stamp');
    await check(stamp, 'export: stamp');
    await next(stamp);
    await stamp.getByLabel('EA agreement number', { exact: true }).fill('x');
    await stamp.getByLabel('EA agreement number', { exact: true }).fill('');
    await stamp.getByTestId('plan-errors').waitFor();
    await check(stamp, 'export: billing with errors');
    await stamp.getByLabel('EA agreement number', { exact: true }).fill('EA-1234567');
    await next(stamp);
    await stamp.getByRole('button', { name: 'Generate the registration token' }).click();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    await check(stamp, 'export: token generated');
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: 'Save the token to this drive' }).click();
    await stamp.getByTestId('saved-file').waitFor();
    await check(stamp, 'export: saved');
    await next(stamp);
    await check(stamp, 'export: done');

    const { page: host } = await machine('host', 'fr-FR');
    await host.getByTestId('side-host').click();
    await check(host, 'register (fr): sign-in');
    await host.getByRole('button', { name: 'Se connecter à Azure' }).click();
    await host.getByTestId('azure-account').waitFor();
    await check(host, 'register (fr): signed in');
    await next(host);
    await host.getByRole('radio').first().check();
    await check(host, 'register (fr): subscription');
    await next(host);
    await host.getByRole('button', { name: 'Utiliser un dossier…' }).click();
    await host.getByRole('button', { name: /^Lire le jeton / }).first().click();
    await host.getByTestId('host-token-fingerprint').waitFor();
    await check(host, 'register (fr): token');
    await host.getByLabel('L’ID de cloud et l’empreinte correspondent à ce qu’affichait l’écran côté instance.').check();
    await next(host);
    await host.getByLabel('Nom de l’inscription').fill('');
    await check(host, 'register (fr): names with an error');
    await host.getByRole('button', { name: 'Retour' }).click();
    await next(host);
    await host.getByLabel('Nom de l’inscription').fill('AzureStack-a11y');
    await next(host);
    await host.getByTestId('permissions').waitFor();
    await check(host, 'register (fr): permissions');
    await next(host);
    await host.getByRole('button', { name: 'Inscrire dans Azure', exact: true }).click();
    await host.getByTestId('host-key-fingerprint').waitFor();
    await check(host, 'register (fr): registered');
    await next(host);
    await host.getByRole('button', { name: 'Enregistrer la clé d’activation sur ce support' }).click();
    await host.getByTestId('saved-file').waitFor();
    await next(host);
    await check(host, 'register (fr): done');
    await nav(host, 'Transferts');
    await check(host, 'hand-offs (fr)');
    await nav(host, 'Désinscrire');
    await check(host, 'unregister (fr)');
    await nav(host, 'Déplacer');
    await host.getByRole('button', { name: 'Lister les inscriptions' }).click();
    await host.getByTestId('registrations').waitFor();
    await check(host, 'move (fr) with the list');

    await nav(stamp, '3. Activate the stamp');
    await check(stamp, 'activate: connect');
    await next(stamp);
    await useUsbFolder(stamp);
    await stamp.getByRole('button', { name: /^Read key / }).first().click();
    await stamp.getByTestId('stamp-key-fingerprint').waitFor();
    await check(stamp, 'activate: key');
    await next(stamp);
    await stamp.getByRole('button', { name: 'Activate the stamp', exact: true }).click();
    await stamp.getByTestId('operation').waitFor();
    await check(stamp, 'activate: running');
    await stamp.getByTestId('activation-result').waitFor();
    await next(stamp);
    await check(stamp, 'activate: done');
    await nav(stamp, 'Remove activation');
    await check(stamp, 'remove activation');
    await nav(stamp, 'Settings');
    await stamp.getByTestId('settings-screen').waitFor();
    await check(stamp, 'settings');
    await nav(stamp, 'Practice scenarios');
    await stamp.getByLabel('Number of hosts').fill('40');
    await check(stamp, 'practice with an error');
    await stamp.getByRole('button', { name: 'Reset the practice stamp and Azure' }).click();
    await stamp.getByRole('dialog').waitFor();
    await check(stamp, 'practice reset dialog');
    await stamp.keyboard.press('Escape');
    await stamp.getByRole('button', { name: 'Switch to live' }).click();
    await check(stamp, 'mode switch dialog');
    await stamp.keyboard.press('Escape');

    expect(Object.keys(seen).length).toBe(29);
    expect(Object.entries(seen).filter(([, v]) => v.length > 0)).toEqual([]);
  }, 300_000);

  it('keeps keyboard focus off <body> when the pressed button disables itself; a skip link leads to the main content', async () => {
    const { page } = await machine('stamp');
    await page.getByTestId('side-stamp').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByTestId('side-stamp').click();

    await page.getByLabel('ERCS 1').fill('10.20.30.224');
    const run = page.getByRole('button', { name: 'Run the connection check' });
    await run.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('preflight').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
}, ['bridge']);
