import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { enScreens } from '../../renderer/i18n/en-screens';
import { fr } from '../../renderer/i18n/fr';
import { frScreens } from '../../renderer/i18n/fr-screens';
import { frMain } from '../../renderer/i18n/fr-main';
import type { OperationSnapshot } from '../../shared/contract/operations';
import type { Said, SaidValue } from '../../shared/contract/said';
import { KEY_SIGNATURE_NOTICE, TOKEN_VERSION_RULE } from '../../shared/domain';
import type { HandoffPage, PreflightReport } from '../../shared/domain/types';
import { describeOnEachLauncher } from './harness/fixture';
import type { AppMachine } from './harness/launchers';
import { bridgeBackend } from './harness/launchers';
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
/** The French words of the UI text at `key` in the catalogues, its {{values}} filled in. */
const frenchAt = (key: string, values: Record<string, string> = {}): string => {
  const words = FR.get(key);
  if (words === undefined) throw new Error(`No French at ${key}`);
  return words.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
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
    await registerOnHost(host);
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

// Main's sentences as they came (with their English), and what the French UI makes of them (as say() does).
const valueInFrench = (v: SaidValue | undefined): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number'
      ? new Intl.NumberFormat('fr').format(v)
      : v === undefined
        ? ''
        : 'at' in v
          ? new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(v.at))
          : frenchOf(v);
const frenchOf = (s: Said): string => frMain.said[s.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => valueInFrench(s.values?.[name]));
/** A sentence and the sentences among its values (a retry's reason, a TrustedHosts list's owner). */
const withNested = (s: Said): Said[] => [s, ...Object.values(s.values ?? {}).flatMap((v) => (typeof v === 'object' && 'code' in v ? withNested(v) : []))];
/** Main's English sentences showing where the French page should say them in French (text that French words differently). */
const englishShown = async (page: Page, sentences: Said[]): Promise<string[]> => {
  const body = await page.locator('body').innerText();
  return sentences
    .flatMap(withNested)
    .filter((s) => s.text !== frenchOf(s) && /\s/.test(s.text) && body.includes(s.text))
    .map((s) => `${s.code}: ${s.text}`);
};
const dispatched = async <T>(m: AppMachine, name: string, req: unknown): Promise<T> => {
  const res = await bridgeBackend(m).dispatch(name, req);
  if (!res.ok) throw new Error(`${name}: ${res.problem.message}`);
  return res.value as T;
};
/** Everything main said in sentences on this machine: operations' progress and hand-offs' history notes. */
const mainSentences = async (m: AppMachine): Promise<Said[]> => {
  const ops = await dispatched<OperationSnapshot[]>(m, 'operation.list', {});
  const { handoffs } = await dispatched<HandoffPage>(m, 'handoff.list', {});
  return [...ops.flatMap((o) => o.log.flatMap((p) => (p.said ? [p.said] : []))), ...handoffs.flatMap((h) => h.history.flatMap((e) => (e.said ? [e.said] : [])))];
};
/** Every sentence of a pre-flight report (check names, details, what else, steps). */
const preflightSentences = (report: PreflightReport): Said[] => report.checks.flatMap((c) => [c.title, c.detail, ...(c.more ?? []), ...(c.step ? [c.step] : [])]);
/** A sentence's French as a pattern: its words, anything for its values. */
const frenchPattern = (code: keyof typeof frMain.said): RegExp =>
  new RegExp(frMain.said[code].split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*?'));

describeOnEachLauncher('French for main on the failure paths', (flow) => {
  it('speaks French in pre-flight details, session notices, retries, lock waits, refusals, a key for another stamp and history notes', async () => {
    // Stamp side: the first ERCS address is down (failover) and TrustedHosts cannot be read.
    const stampMachine = await flow.machine('stamp-fr-faults', { backend: { locale: 'fr-FR', scenario: { firstAddressDown: true, trustedHostsUnreadable: true } } });
    const { page: stamp } = stampMachine;
    const hosts = ['10.20.30.224', '10.20.30.225'];
    await stamp.getByTestId('side-stamp').click();
    await stamp.getByLabel(frenchAt('ercs.label', { n: '1' }), { exact: true }).fill(hosts[0] ?? '');
    await stamp.getByRole('button', { name: french('Add an address') }).click();
    await stamp.getByLabel(frenchAt('ercs.label', { n: '2' }), { exact: true }).fill(hosts[1] ?? '');
    await stamp.getByRole('button', { name: french('Run the connection check') }).click();
    await stamp.getByTestId('preflight').waitFor();
    const checks = await text(stamp, 'preflight');
    for (const code of ['preflight.title-trusted-hosts', 'preflight.trusted-hosts-unknown', 'preflight.ports-mixed', 'preflight.language-mode'] as const) {
      expect(checks, code).toMatch(frenchPattern(code));
    }
    // The same checks again through main: none of their English is on the page.
    const report = await dispatched<PreflightReport>(stampMachine, 'pep.preflight', { hosts });
    expect(preflightSentences(report).length).toBeGreaterThan(8);
    expect(await englishShown(stamp, preflightSentences(report))).toEqual([]);

    // Connect: the first address failed, in French (Windows' own words for why stay as they are).
    await next(stamp);
    await stamp.getByRole('button', { name: french('Fill in the practice sign-in') }).click();
    await stamp.getByRole('button', { name: french('Connect'), exact: true }).click();
    await stepIs(stamp, 'stamp');
    expect(await stamp.locator('body').innerText()).toMatch(frenchPattern('session.address-failed'));
    expect(await stamp.locator('body').innerText()).not.toContain('did not open a session');
    await next(stamp);
    await stepIs(stamp, 'billing');
    await stamp.getByLabel(french('EA agreement number'), { exact: true }).fill('EA-1234567');
    await next(stamp);
    await stamp.getByRole('button', { name: french('Generate the registration token') }).click();
    await stamp.getByTestId('export-token-fingerprint').waitFor();
    await next(stamp);
    await stamp.getByRole('button', { name: french('Use a folder…') }).click();
    await stamp.getByRole('button', { name: french('Save the token to this drive') }).click();
    await stamp.getByTestId('saved-file').waitFor();
    expect(await englishShown(stamp, await mainSentences(stampMachine))).toEqual([]);

    // Connected host, an Azure Policy that refuses new resource groups: the refusal in French.
    const refusing = await flow.machine('host-fr-policy', { backend: { locale: 'fr-FR', scenario: { policyDeniesResourceGroups: true } } });
    await registerOnHost(refusing.page);
    await expect.poll(() => refusing.page.getByTestId('problem').first().innerText()).toContain(frMain.problems['azure-policy-denied'].message);

    // Another host: Azure throttles the registration twice and asks to wait, the key is unavailable once,
    // and a lock just lifted is still enforced for a while (the unregister after).
    const hostMachine = await flow.machine('host-fr-retries', {
      backend: { locale: 'fr-FR', scenario: { azureThrottling: true, activationKeyUnavailable: true }, azure: { lockPropagationSeconds: 3 } },
    });
    const { page: host } = hostMachine;
    await registerOnHost(host);
    await host.getByTestId('host-key-fingerprint').waitFor({ timeout: 60_000 });
    await openLog(host);
    const log = await host.locator('.operation-log').innerText();
    expect(log).toMatch(frenchPattern('progress.retry-asked'));
    expect(log).toContain(frMain.said['retry.throttled']);
    expect(log).toMatch(/HTTP 503\), puis nouvel essai/);
    expect(await englishShown(host, await mainSentences(hostMachine))).toEqual([]);
    await next(host);
    await host.getByRole('button', { name: french('Save the activation key to this drive') }).click();
    await host.getByTestId('saved-file').waitFor();

    // Another stamp (its own cloud ID) reads that key: refused, said once, in French.
    const { page: other, errors: otherErrors } = await flow.machine('stamp-fr-other', { backend: { locale: 'fr-FR' } });
    await other.getByTestId('side-stamp').click();
    await other.getByRole('button', { name: french('3. Activate the stamp') }).click();
    await stepIs(other, 'connect');
    await other.getByRole('button', { name: french('Fill in the practice sign-in') }).click();
    await other.getByRole('button', { name: french('Connect'), exact: true }).click();
    // Connected, the leg moves on to the key.
    await other.getByRole('button', { name: french('Use a folder…') }).click();
    await other.getByRole('button', { name: new RegExp(`^${french('Read key')} `) }).first().click();
    await expect.poll(() => other.getByTestId('problem').first().innerText()).toContain(frMain.problems['key-wrong-stamp'].message);
    expect(await other.locator('body').innerText()).not.toContain('This activation key belongs to the stamp');
    expect(otherErrors, 'page errors or CSP violations').toEqual([]);

    // Unregister by name: the lock lifted is still enforced for a moment, and the app says it waits, in French.
    const name = await dispatched<HandoffPage>(hostMachine, 'handoff.list', {}).then((page) => page.handoffs[0]?.registrationName ?? '');
    await host.getByRole('navigation').getByRole('button', { name: french('Unregister'), exact: true }).click();
    await host.getByLabel(french('Registration name'), { exact: true }).fill(name);
    await host.getByLabel(frenchAt('unregister.typeName', { name })).fill(name);
    await host.getByTestId('unregister-screen').getByRole('button', { name: frenchAt('unregister.button'), exact: true }).click();
    await host.getByText(frenchAt('unregister.done', { name, group: 'azurestack' })).waitFor({ timeout: 60_000 });
    await openLog(host);
    expect(await host.locator('.operation-log').last().innerText()).toMatch(frenchPattern('progress.lock-propagating'));
    expect(await englishShown(host, await mainSentences(hostMachine))).toEqual([]);

    // The hand-offs screen: the history notes main wrote, in French.
    await host.getByRole('navigation').getByRole('button', { name: french('Hand-offs'), exact: true }).click();
    await host.locator('details > summary', { hasText: french('History') }).first().click();
    await expect.poll(() => host.locator('ol.history').first().innerText()).toMatch(frenchPattern('history.read-from'));
    expect(await englishShown(host, await mainSentences(hostMachine))).toEqual([]);

    // Stamp side: the session closed, and where its transcripts are, in French.
    await stamp.getByRole('button', { name: french('3. Activate the stamp') }).click();
    await stepIs(stamp, 'connect');
    await stamp.getByRole('button', { name: french('Close the session') }).click();
    await stamp.getByTestId('session-closed').waitFor();
    expect(await text(stamp, 'session-closed')).toContain(frMain.said['session.transcripts-no-share']);
    expect([...stampMachine.errors, ...refusing.errors, ...hostMachine.errors], 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);

/** Connected host: sign in, the EA subscription, the token from the shared folder, the names and permissions, then Register. */
const registerOnHost = async (host: Page) => {
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
};
