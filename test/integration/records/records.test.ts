import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { Problem, Result, SavedExport } from '../../../shared/contract';
import type { HandoffRecord } from '../../../shared/domain/handoff-record';
import { DIAGNOSTICS_HANDOFFS } from '../../../electron/records';
import { MAIN_WORDS } from '../../../electron/words';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { advance, handoffs, PEP } from '../evidence/air-gap-flow';

// The printable record's facts come from the journal (kept after the hand-off completes and across
// restarts), and Export diagnostics writes one zip of what main knows, where main's dialog says.

const machines: PracticeMachine[] = [];
afterAll(async () => {
  await Promise.all(machines.map((m) => m.runtime.dispose().catch(() => undefined)));
});

type Saving = { dir: string; asked: string[]; titles: string[]; cancel: boolean };
const saving = async (): Promise<Saving> => ({ dir: await mkdtemp(join(tmpdir(), 'azs-saves-')), asked: [], titles: [], cancel: false });

const machine = async (usb: string, save: Saving, opts: Parameters<typeof startPracticeMachine>[2] = {}) => {
  const m = await startPracticeMachine(usb, FAST_PRACTICE, {
    chooseSavePath: async ({ title, defaultName }) => {
      save.asked.push(defaultName);
      save.titles.push(title);
      return save.cancel ? null : join(save.dir, defaultName);
    },
    printRecord: async ({ handoffId, language }) => new TextEncoder().encode(`%PDF-stand-in ${handoffId} ${language}`),
    machine: { name: 'WS-OPS-01', os: 'Windows_NT 10.0.20348 (x64)' },
    ...opts,
  });
  machines.push(m);
  return m;
};

const problemOf = (res: Result<unknown>): Problem | undefined => (res.ok ? undefined : res.problem);

describe('printable record of a hand-off', () => {
  it('holds both legs\' facts after the hand-offs complete, and after a restart', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const save = await saving();
    const stamp = await machine(usb, save);
    const host = await machine(usb, save);
    await advance(stamp, host, { starting: async () => undefined, done: async () => undefined });
    const [s] = await handoffs(stamp);
    const [h] = await handoffs(host);
    expect(s?.complete && h?.complete).toBe(true);

    const hostRecord = await host.call<HandoffRecord>('handoff.record', { handoffId: h?.id });
    expect(hostRecord.facts).toMatchObject({
      cloud: 'AzureCloud',
      resourceGroup: 'azurestack',
      location: 'westcentralus',
      billingModel: 'Development',
      lock: 'RegistrationResourceLock (CanNotDelete)',
    });
    expect(hostRecord.facts.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostRecord.facts.registrationId).toMatch(new RegExp(`/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/${h?.registrationName ?? '?'}$`, 'i'));
    expect(hostRecord.facts.keyExpires).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(hostRecord.facts.tokenFile?.startsWith(usb)).toBe(true);
    expect(hostRecord.facts.keyFile?.startsWith(usb)).toBe(true);
    expect(hostRecord).toMatchObject({ app: { version: '0.0.0-test', mode: 'practice' }, machine: { name: 'WS-OPS-01' } });
    expect(hostRecord.summary.history.map((x) => x.stage)).toEqual(['token-received', 'registered', 'key-issued', 'key-saved', 'activation-confirmed']);

    const stampRecord = await stamp.call<HandoffRecord>('handoff.record', { handoffId: s?.id });
    // Export and activation went through the same ERCS address: listed once.
    expect(stampRecord.facts.ercsAddresses).toEqual(PEP.hosts);
    expect(stampRecord.facts).toMatchObject({ billingModel: 'Development', usageReportingEnabled: false, keyExpires: hostRecord.facts.keyExpires });
    expect(stampRecord.stamp.stampVersion).toMatch(/^1\.\d+/);
    expect(stampRecord.summary.keyFingerprint).toBe(h?.keyFingerprint);
    expect(stampRecord.summary.history.some((x) => x.stage === 'activated')).toBe(true);
    // Never the texts: fingerprints only.
    const tokenText = (await readFile(hostRecord.facts.tokenFile ?? '', 'utf8')).trim();
    const keyText = (await readFile(hostRecord.facts.keyFile ?? '', 'utf8')).trim();
    for (const r of [hostRecord, stampRecord]) {
      expect(JSON.stringify(r)).not.toContain(tokenText.slice(0, 64));
      expect(JSON.stringify(r)).not.toContain(keyText.slice(0, 64));
    }

    // A restart reads the facts back from the journal file.
    await stamp.runtime.dispose();
    const again = await machine(usb, save, { dataDir: stamp.dataDir });
    expect((await again.call<HandoffRecord>('handoff.record', { handoffId: s?.id })).facts).toEqual(stampRecord.facts);
  });

  it('saves the printed record where main\'s dialog says, and refuses an unknown hand-off before asking', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const save = await saving();
    const stamp = await machine(usb, save);
    const host = await machine(usb, save);
    await advance(stamp, host, { starting: async () => undefined, done: async () => undefined });
    const [h] = await handoffs(host);

    const saved = await host.call<SavedExport>('handoff.saveRecord', { handoffId: h?.id, language: 'fr' });
    expect(save.asked).toEqual([expect.stringMatching(new RegExp(`^AzS Registrar record ${h?.registrationName ?? '?'} \\d{4}-\\d\\d-\\d\\d\\.pdf$`))]);
    expect(saved.path).toBe(join(save.dir, save.asked[0] ?? ''));
    expect(await readFile(saved.path, 'utf8')).toBe(`%PDF-stand-in ${h?.id ?? ''} fr`);

    expect(problemOf(await host.runtime.dispatch('handoff.saveRecord', { handoffId: 'no-such-handoff', language: 'en' }))?.code).toBe('not-found');
    expect(save.asked).toHaveLength(1);
    save.cancel = true;
    const cancelled = await host.runtime.dispatch('handoff.saveRecord', { handoffId: h?.id, language: 'en' });
    expect(cancelled).toEqual({ ok: true, value: null });
    expect(await readdir(save.dir)).toHaveLength(1);
  });

  it('titles main\'s save dialogs in the language the window shows (the OS locale\'s until it says)', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const save = await saving();
    const m = await machine(usb, save, { locale: 'fr-CA' });
    await m.call('diagnostics.export', {});
    await m.call('app.setLanguage', { language: 'en' });
    await m.call('diagnostics.export', {});
    await m.call('app.setLanguage', { language: 'fr' });
    await m.call('diagnostics.export', {});
    await m.call('script.save', { leg: 'export', script: 'Get-AzureStackStampInformation' });
    expect(save.titles).toEqual([MAIN_WORDS.fr.exportDiagnosticsTitle, MAIN_WORDS.en.exportDiagnosticsTitle, MAIN_WORDS.fr.exportDiagnosticsTitle, MAIN_WORDS.fr.saveScriptTitle]);
    expect(MAIN_WORDS.fr.saveScriptTitle).not.toBe(MAIN_WORDS.en.saveScriptTitle);
    expect(MAIN_WORDS.fr.exportDiagnosticsTitle).not.toBe(MAIN_WORDS.en.exportDiagnosticsTitle);
    expect(m.runtime.words().saveRecordTitle).toBe(MAIN_WORDS.fr.saveRecordTitle);
    // Only the UI's languages are taken.
    expect(problemOf(await m.runtime.dispatch('app.setLanguage', { language: 'de' }))?.code).toBe('bad-request');
  });

  it('says so, with what to do, when the chosen folder cannot be written', async () => {
    const save = await saving();
    const m = await machine(await mkdtemp(join(tmpdir(), 'azs-usb-')), save, { chooseSavePath: async ({ defaultName }) => join(save.dir, 'gone', defaultName) });
    const problem = problemOf(await m.runtime.dispatch('diagnostics.export', {}));
    expect(problem).toMatchObject({ code: 'media-missing', message: expect.stringContaining(join(save.dir, 'gone')), action: expect.any(String) });
    expect(await readdir(save.dir)).toEqual([]);
    // Main keeps answering.
    expect((await m.runtime.dispatch('handoff.list', {})).ok).toBe(true);
  });

  it('is refused, with what to do, where nothing can print', async () => {
    const save = await saving();
    const m = await machine(await mkdtemp(join(tmpdir(), 'azs-usb-')), save, { printRecord: undefined });
    const c = await m.call<{ sessionId: string }>('pep.connect', PEP);
    const made = await m.run<{ handoff: { id: string } }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
    const problem = problemOf(await m.runtime.dispatch('handoff.saveRecord', { handoffId: made.handoff.id, language: 'en' }));
    expect(problem).toMatchObject({ code: 'bad-request', action: expect.stringContaining('app') });
    expect(save.asked).toEqual([]);
  });
});

describe('Export diagnostics', () => {
  it('writes one zip with versions, settings, hand-offs, operations, pre-flights, log and scenario', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const save = await saving();
    const stamp = await machine(usb, save);
    const host = await machine(usb, save);
    await stamp.call('pep.preflight', { hosts: PEP.hosts });
    await advance(stamp, host, { starting: async () => undefined, done: async () => undefined });

    const saved = await stamp.call<SavedExport>('diagnostics.export', {});
    expect(save.asked).toEqual([expect.stringMatching(/^AzS Registrar diagnostics \d{4}-\d\d-\d\dT\d\d-\d\d\.zip$/)]);
    const zip = unzipSync(new Uint8Array(await readFile(saved.path)));
    expect(Object.keys(zip).sort()).toEqual(['README.txt', 'about.json', 'handoffs.json', 'log.jsonl', 'operations.json', 'practice.json', 'preflight.json', 'settings.json']);
    const text = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
    const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
    expect(json('about.json')).toMatchObject({ version: '0.0.0-test', mode: 'practice', platform: 'win32', machine: { name: 'WS-OPS-01' } });
    expect(json('settings.json')).toMatchObject({ registrationApiVersion: '2017-06-01' });
    expect(json('practice.json')).toEqual(DEFAULT_PRACTICE_SCENARIO);
    const [s] = await handoffs(stamp);
    expect(json('handoffs.json')).toMatchObject({ total: 1, open: 0, byStage: { 'stamp/activated': 1 }, newest: [{ id: s?.id, tokenFingerprint: s?.tokenFingerprint, facts: { ercsAddresses: PEP.hosts } }] });
    expect(JSON.parse(text('preflight.json'))).toEqual([expect.objectContaining({ hosts: PEP.hosts, report: expect.objectContaining({ checks: expect.any(Array) }) })]);
    expect((JSON.parse(text('operations.json')) as { kind: string; status: string }[]).map((o) => `${o.kind}:${o.status}`)).toEqual(
      expect.arrayContaining(['stamp.createToken:succeeded', 'stamp.activate:succeeded']),
    );
    const log = text('log.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { at: string; level: string; message: string });
    expect(log.length).toBeGreaterThan(3);
    expect(log.every((l) => /^\d{4}-\d\d-\d\dT/.test(l.at) && typeof l.message === 'string')).toBe(true);
    expect(text('README.txt')).toContain('Never included');

    // Cancelled: nothing written.
    save.cancel = true;
    expect(await stamp.runtime.dispatch('diagnostics.export', {})).toEqual({ ok: true, value: null });
    expect(await readdir(save.dir)).toHaveLength(1);
  });

  it('lists the newest hand-offs one by one and only counts the rest', async () => {
    const save = await saving();
    const m = await machine(await mkdtemp(join(tmpdir(), 'azs-usb-')), save);
    const c = await m.call<{ sessionId: string }>('pep.connect', PEP);
    for (let i = 0; i < 3; i += 1) await m.run({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
    const zip = unzipSync(new Uint8Array(await readFile((await m.call<SavedExport>('diagnostics.export', {})).path)));
    const listed = JSON.parse(strFromU8(zip['handoffs.json'] ?? new Uint8Array())) as { total: number; open: number; newest: unknown[] };
    expect(listed).toMatchObject({ total: 3, open: 3 });
    expect(listed.newest).toHaveLength(Math.min(3, DIAGNOSTICS_HANDOFFS));
  });
});

describe('Save a leg script as a .ps1', () => {
  it('writes UTF-8 with a byte-order mark and CRLF where main\'s dialog says, and nothing when cancelled', async () => {
    const save = await saving();
    const m = await machine(await mkdtemp(join(tmpdir(), 'azs-usb-')), save);
    const script = "Import-Module .\\RegisterWithAzure.psm1\nRegister-AzsEnvironment -ResourceGroupName 'équipe-azs'";
    const saved = await m.call<SavedExport>('script.save', { leg: 'register', script });
    expect(save.asked).toEqual([expect.stringMatching(/^AzS Registrar register \d{4}-\d\d-\d\d\.ps1$/)]);
    const bytes = await readFile(saved.path);
    // Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page: the é would be garbled.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe("Import-Module .\\RegisterWithAzure.psm1\r\nRegister-AzsEnvironment -ResourceGroupName 'équipe-azs'\r\n");
    expect(saved.bytes).toBe(bytes.length);

    save.cancel = true;
    expect(await m.runtime.dispatch('script.save', { leg: 'export', script })).toEqual({ ok: true, value: null });
    expect(await readdir(save.dir)).toHaveLength(1);
    expect(problemOf(await m.runtime.dispatch('script.save', { leg: 'elsewhere', script }))?.code).toBe('bad-request');
  });
});
