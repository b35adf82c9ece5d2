import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract';
import type { HandoffPage } from '../../shared/domain/types';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { MAIN_WORDS } from '../../electron/words';
import { frMain } from '../../renderer/i18n/fr-main';
import { pdfText } from '../fixtures/pdf-text';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { bridgeBackend } from './harness/launchers';
import { bridgePage, printRecordPage } from './harness/browser';
import { exportTokenToUsb, next, text } from './harness/operator';

// Issue 10: a printable record of a hand-off (main prints the record page to PDF: Electron's
// printToPDF, Chromium's page.pdf on the bridge harness) and Export diagnostics, each saved where main's
// dialog says. The PDF's text is read back with PDF.js (unpdf): the facts are there, no secret is.

// With AZS_SCREENSHOTS=1 the README's screenshot of a record is written to docs/screenshots.
const SHOTS = process.env.AZS_SCREENSHOTS === '1' ? join(import.meta.dirname, '../../docs/screenshots') : undefined;

const value = <T>(res: { ok: boolean; value?: unknown }): T => {
  if (!res.ok) throw new Error(`call failed: ${JSON.stringify(res)}`);
  return res.value as T;
};

describeOnEachLauncher('printable record and diagnostics', (flow) => {
  it('saves the stamp side\'s record from the done step: the facts in the PDF, never the token or a password', async () => {
    const { page, call } = await flow.machine('stamp');
    const { cloudId, fingerprint } = await exportTokenToUsb(page);
    await next(page);
    await page.getByRole('button', { name: 'Save a printable record' }).click();
    const saved = page.getByTestId('record-saved');
    await saved.waitFor();
    const path = (await saved.getAttribute('data-path')) ?? '';
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const textOf = await pdfText(new Uint8Array(pdf));
    const info = value<AppInfo>(await call('app.info', {}));
    for (const fact of [cloudId, fingerprint, 'EA-1234567', '10.20.30.224', info.version, 'PRACTICE', 'Get-AzsRegistrationToken', 'Token saved to the drive']) {
      expect(textOf, fact).toContain(fact);
    }
    // Never the token text (on the stick) nor the CloudAdmin password.
    const usb = flow.usbDir();
    const tokenFile = (await readdir(usb)).find((f) => f.endsWith('.txt')) ?? '';
    const token = (await readFile(join(usb, tokenFile), 'utf8')).trim();
    expect(token.length).toBeGreaterThan(100);
    expect(textOf.replace(/\s+/g, '')).not.toContain(token.slice(0, 40));
    expect(textOf).not.toContain(PRACTICE_PEP_PASSWORD);
  });

  it('exports diagnostics from About: one zip, the hand-off\'s fingerprint and no password', async () => {
    const { page } = await flow.machine('stamp');
    const { fingerprint } = await exportTokenToUsb(page);
    await page.getByRole('navigation').getByRole('button', { name: 'About', exact: true }).click();
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    const saved = page.getByTestId('diagnostics-saved');
    await saved.waitFor();
    const files = unzipSync(new Uint8Array(await readFile((await saved.getAttribute('data-path')) ?? '')));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['about.json', 'settings.json', 'handoffs.json', 'log.jsonl', 'preflight.json', 'practice.json']));
    const all = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(all).toContain(fingerprint);
    expect(all).not.toContain(PRACTICE_PEP_PASSWORD);
  });
});

describeOnEachLauncher(
  'printable record from the hand-offs screen, in French',
  (flow) => {
    it('saves a record in the UI language; the record page passes axe', async () => {
      const m = await flow.machine('stamp');
      const { page } = m;
      const { cloudId } = await exportTokenToUsb(page);
      await page.getByLabel('Language').selectOption('fr');
      // Numbers in the UI language: the bytes written, grouped the French way (a narrow no-break space).
      const bytes = Number((await page.getByTestId('saved-file').getAttribute('data-bytes')) ?? 'NaN');
      expect(bytes).toBeGreaterThan(999);
      await expect.poll(() => text(page, 'saved-file')).toContain(`(${new Intl.NumberFormat('fr').format(bytes)} octets)`);
      expect(new Intl.NumberFormat('fr').format(bytes)).toContain('\u202f');
      await page.getByRole('navigation').getByRole('button', { name: 'Transferts' }).click();
      // Dates in the UI language, not the machine's default format.
      await page.getByTestId('handoff').getByText('Historique').click();
      const when = page.getByTestId('handoff').locator('.history time').first();
      const at = new Date((await when.getAttribute('datetime')) ?? '');
      const style = { dateStyle: 'medium', timeStyle: 'medium' } as const;
      expect(await when.textContent()).toBe(new Intl.DateTimeFormat('fr', style).format(at));
      expect(new Intl.DateTimeFormat('fr', style).format(at)).not.toBe(new Intl.DateTimeFormat('en', style).format(at));
      await page.getByRole('button', { name: 'Enregistrer un compte rendu imprimable' }).click();
      const saved = page.getByTestId('record-saved');
      await saved.waitFor();
      expect(await text(page, 'record-saved')).toContain('Compte rendu enregistré');
      const textOf = await pdfText(new Uint8Array(await readFile((await saved.getAttribute('data-path')) ?? '')));
      for (const fact of ['Compte rendu d’un transfert', 'ENTRAÎNEMENT', 'Adresses ERCS utilisées', cloudId]) expect(textOf, fact).toContain(fact);
      // The history notes main wrote, in French too (the journal keeps their English beside their code).
      expect(textOf).toContain(frMain.said['history.saved-to'].replace(/\{\{\w+\}\}.*$/, ''));
      expect(textOf).not.toContain('Saved to');
      // Main's save dialog was titled in the UI language: the window told main.
      const backend = bridgeBackend(m);
      expect(backend.dialogTitles).toEqual([MAIN_WORDS.fr.saveRecordTitle]);

      // The record page itself, as main's print window loads it: no page error, and accessible.
      const [h] = value<HandoffPage>(await backend.dispatch('handoff.list', {})).handoffs;
      const origin = `${new URL(page.url()).origin}/`;
      const errors: string[] = [];
      const pdf = await printRecordPage(page.context(), backend, origin, { handoffId: h?.id ?? '', language: 'en' }, errors);
      const english = await pdfText(pdf);
      expect(english).toContain(`Token fingerprint ${h?.tokenFingerprint ?? '?'}`);
      expect(english).toContain('Saved to');
      expect(errors).toEqual([]);
      const shown = await page.context().newPage();
      await bridgePage(shown, backend);
      await shown.goto(`${origin}record.html?handoff=${h?.id ?? ''}&lang=en`);
      await shown.locator('html[data-record-state="ready"]').waitFor({ state: 'attached' });
      expect(await axeViolations(shown)).toEqual([]);
      if (SHOTS) await shown.screenshot({ path: join(SHOTS, 'record.png'), fullPage: true });
      await shown.close();
    });
  },
  ['bridge'],
);
