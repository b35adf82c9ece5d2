import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PepConnected, SavedExport } from '../../../shared/contract';
import type { HandoffSummary, SubscriptionInfo } from '../../../shared/domain/types';
import { scriptDigest } from '../../../electron/integrity';
import { memoryLogger } from '../../../electron/log';
import { startPracticeAzure } from '../../../electron/practice/azure';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { FAKE_HOST } from '../../unit/electron/pep/fake-host';
import { serveRenderer } from '../../browser/harness/app-server';
import { launchChromium, printRecordPage } from '../../browser/harness/browser';
import type { StaticServer } from '../../browser/harness/serve-static';
import { pdfText } from '../../fixtures/pdf-text';
import { advance, handoffs, PEP } from './air-gap-flow';

// Secrets (issue 12, Evidence): every practice flow with sentinel secrets (the PEP password, the transcript
// share password, the Azure access tokens the practice Azure issues), then everything written or sent is
// searched: files under the data folders and the USB folder, logs, journal, events to the renderer, IPC
// results, the argv and environment of the PowerShell host process, the exported diagnostics (every file
// of the zip) and the text of the printed PDF records (Chromium's PDF of the record page, read back with
// PDF.js). Zero hits. A refresh token has no path in practice yet: the practice sign-in hands out access
// tokens directly (MSAL keeps the refresh token of a live sign-in in memory only), so there is no
// sentinel refresh token to plant. A value planted where records and diagnostics do print (the machine
// name) is found by the same search: the sweep can fail.

const PEP_PASSWORD = 'SentinelPep-4b1d"$(x)é';
const SHARE_PASSWORD = 'SentinelShare-90aa';
const TOKEN_MARKER = 'SentinelAzureToken7c1e';
const REFRESH_MARKER = 'SentinelRefreshToken3f9b';
const SENTINELS = [PEP_PASSWORD, SHARE_PASSWORD, TOKEN_MARKER, REFRESH_MARKER];
/** Not a secret: printed on records and in diagnostics on purpose, to show the search finds what they hold. */
const PLANTED = 'PlantedMachine7f3a';

const machines: PracticeMachine[] = [];
let browser: Browser | undefined;
let server: StaticServer | undefined;
beforeAll(async () => {
  server = await serveRenderer();
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(machines.map((m) => m.runtime.dispose().catch(() => undefined)));
  await browser?.close();
  await server?.close();
});

/** A machine whose every IPC result is kept, so it can be searched too. */
const recordedMachine = async (usb: string, opts: Parameters<typeof startPracticeMachine>[2] = {}) => {
  // The practice stamp accepts the sentinel password; the practice Azure's tokens carry the sentinel prefix.
  const saves = await mkdtemp(join(tmpdir(), 'azs-saves-'));
  // Records print as in the browser harness: Chromium's PDF of the record page, reading through this runtime.
  const context = await browser?.newContext();
  const m = await startPracticeMachine(
    usb,
    { ...FAST_PRACTICE, stamp: { ...FAST_PRACTICE.stamp, cloudAdminPassword: PEP_PASSWORD }, azure: { ...FAST_PRACTICE.azure, accessTokenMarker: TOKEN_MARKER, refreshTokenMarker: REFRESH_MARKER } },
    {
      chooseSavePath: async ({ defaultName }) => join(saves, defaultName),
      printRecord: async (req) => {
        if (!context || !server) throw new Error('no browser to print with');
        // Through the recorded dispatch below: what the record page reads is searched too.
        return printRecordPage(context, { dispatch: (name, raw) => m.runtime.dispatch(name, raw) }, server.url, req);
      },
      machine: { name: PLANTED, os: 'Windows_NT 10.0.20348 (x64)' },
      ...opts,
    },
  );
  machines.push(m);
  const results: unknown[] = [];
  const dispatch = m.runtime.dispatch;
  m.runtime.dispatch = async (name, req) => {
    const res = await dispatch(name, req);
    results.push(res);
    return res;
  };
  return { m, results, saves };
};

/** Every file of an exported diagnostics zip, as text. */
const diagnosticsText = async (m: PracticeMachine): Promise<string> => {
  const saved = await m.call<SavedExport>('diagnostics.export', {});
  const files = unzipSync(new Uint8Array(await readFile(saved.path)));
  expect(Object.keys(files).length).toBeGreaterThan(5);
  return Object.values(files).map((f) => strFromU8(f)).join('\n');
};

/** The text of the printed record of a hand-off, in both languages. */
const recordText = async (m: PracticeMachine, handoffId: string): Promise<string> => {
  const texts = [];
  for (const language of ['en', 'fr'] as const) {
    const saved = await m.call<SavedExport>('handoff.saveRecord', { handoffId, language });
    texts.push(await pdfText(new Uint8Array(await readFile(saved.path))));
  }
  return texts.join('\n');
};

const allFiles = async (dir: string): Promise<string> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name)).then((b) => b.toString('utf8'), () => '')));
  return texts.join('\n');
};

const hits = (where: string, text: string, sought: readonly string[] = SENTINELS): string[] => sought.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`);

describe('sentinel secrets', () => {
  it('appear nowhere after every practice flow: air gap, registrations, unregister, remove activation, PEP close with a share; nor in diagnostics or PDF records', { timeout: 90_000 }, async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const stamp = await recordedMachine(usb);
    const host = await recordedMachine(usb);
    await advance(stamp.m, host.m, { starting: async () => undefined, done: async () => undefined }, { ...PEP, password: PEP_PASSWORD });
    // Azure was called with the sentinel tokens (the practice Azure refuses any other).
    expect(host.m.log.lines.filter((l) => l.message === 'Practice Azure answered').length).toBeGreaterThan(3);
    const [h] = await handoffs(host.m);
    expect(h?.complete).toBe(true);

    // The other host flows: list, unregister (by the token's hand-off), with the same signed-in account.
    const subs = await host.m.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
    const subscriptionId = subs.find((s) => s.state === 'Enabled')?.id;
    const regs = await host.m.call<{ name: string }[]>('azure.registrations', { subscriptionId });
    expect(regs.length).toBeGreaterThan(0);
    const name = h?.registrationName ?? '';
    await host.m.run({ kind: 'azure.unregister', subscriptionId, resourceGroup: 'azurestack', target: { by: 'name', registrationName: name }, confirmName: name });

    // The other stamp flows: remove the activation, close the session copying transcripts to a share.
    const c = await stamp.m.call<PepConnected>('pep.connect', { ...PEP, password: PEP_PASSWORD, transcriptShare: { path: '\\\\files\\pep', user: 'CONTOSO\\svc', password: SHARE_PASSWORD } });
    await stamp.m.run({ kind: 'stamp.removeActivation', sessionId: c.sessionId });
    await stamp.m.call('pep.disconnect', { sessionId: c.sessionId });

    // What an operator hands out: diagnostics of both machines and the printed record of each hand-off.
    const [s] = await handoffs(stamp.m);
    const stampDiagnostics = await diagnosticsText(stamp.m);
    const hostDiagnostics = await diagnosticsText(host.m);
    const stampRecord = await recordText(stamp.m, s?.id ?? '');
    const hostRecord = await recordText(host.m, h?.id ?? '');
    // The records are real: they hold the facts (fingerprints, resource id), and the planted machine name.
    expect(stampRecord).toContain(s?.tokenFingerprint);
    expect(hostRecord).toContain(h?.keyFingerprint);
    expect(hostRecord).toContain('RegistrationResourceLock');
    for (const [where, text] of Object.entries({ stampDiagnostics, hostDiagnostics, stampRecord, hostRecord })) {
      expect(hits(where, text, [PLANTED]), 'the search finds what these files hold').toEqual([`${PLANTED} in ${where}`]);
    }

    const found = [
      ...hits('stamp data folder', await allFiles(stamp.m.dataDir)),
      ...hits('host data folder', await allFiles(host.m.dataDir)),
      ...hits('USB folder', await allFiles(usb)),
      ...hits('stamp log', JSON.stringify(stamp.m.log.lines)),
      ...hits('host log', JSON.stringify(host.m.log.lines)),
      ...hits('stamp events to the renderer', JSON.stringify(stamp.m.events)),
      ...hits('host events to the renderer', JSON.stringify(host.m.events)),
      ...hits('stamp IPC results', JSON.stringify(stamp.results)),
      ...hits('host IPC results', JSON.stringify(host.results)),
      ...hits('stamp diagnostics', stampDiagnostics),
      ...hits('host diagnostics', hostDiagnostics),
      ...hits('stamp PDF record', stampRecord),
      ...hits('host PDF record', hostRecord),
      ...hits('saved files', (await allFiles(stamp.saves)) + (await allFiles(host.saves))),
    ];
    expect(found).toEqual([]);
  });

  it('appear nowhere after a connected registration: the refresh token reaches the stamp over stdin only', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const { m, results } = await recordedMachine(usb);
    await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const c = await m.call<PepConnected>('pep.connect', { ...PEP, password: PEP_PASSWORD });
    // The stamp is given a refresh token carrying the sentinel (the search below can find it).
    const handed = await m.runtime.services().azure.stampRefreshToken();
    expect(handed.token.toString('utf8')).toContain(REFRESH_MARKER);
    handed.token.fill(0);
    const done = await m.run<{ record: { completedAt?: string } }>({
      kind: 'connected.register', sessionId: c.sessionId, purpose: 'register', subscriptionId: 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28',
      resourceGroup: 'azurestack', location: 'westcentralus', registrationName: `AzureStack-${c.stamp.cloudId}`, choices: { billingModel: 'PayAsYouUse', targetCloud: 'AzureCloud' },
    });
    expect(done.record.completedAt).toBeDefined();
    await m.call('pep.disconnect', { sessionId: c.sessionId });
    const found = [
      ...hits('data folder', await allFiles(m.dataDir)),
      ...hits('USB folder', await allFiles(usb)),
      ...hits('log', JSON.stringify(m.log.lines)),
      ...hits('events to the renderer', JSON.stringify(m.events)),
      ...hits('IPC results', JSON.stringify(results)),
    ];
    expect(found).toEqual([]);
  });

  it('the practice Azure issues tokens carrying the sentinel (the search above can find them)', async () => {
    const azure = await startPracticeAzure({ clock: { now: () => new Date() }, log: memoryLogger(), settings: { accessTokenMarker: TOKEN_MARKER } });
    try {
      const token = await azure.credential().getToken('https://management.azure.com/.default');
      expect(token?.token).toContain(TOKEN_MARKER);
    } finally {
      await azure.stop();
    }
  });

  it('never reach the PowerShell host process argv or environment (live composition, stand-in host)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'azs-fakepwsh-'));
    const pwsh = join(dir, 'pwsh');
    const record = join(dir, 'record.jsonl');
    await writeFile(pwsh, `#!/bin/sh\nif [ "$4" = "-Command" ]; then printf '7.4.6\\nCore\\n'; exit 0; fi\nexec '${process.execPath}' '${FAKE_HOST}' --scenario=success --record='${record}'\n`);
    await chmod(pwsh, 0o755);
    await writeFile(record, '');
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-live-'));
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ mode: 'live', powershell: { kind: 'pwsh', path: pwsh }, registrationApiVersion: '2017-06-01' }));
    const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');
    const { m, results } = await recordedMachine(dir, { dataDir, platform: 'linux', pepHostSha256: scriptDigest(await readFile(join(RESOURCES, 'pep-host.ps1'))) });
    const c = await m.call<PepConnected>('pep.connect', { ...PEP, password: PEP_PASSWORD });
    const created = await m.run<{ handoff: HandoffSummary }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
    expect(created.handoff.stage).toBe('token-created');
    const lines = (await readFile(record, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; raw?: string; argv?: string[]; env?: Record<string, string> });
    const start = lines.find((l) => l.kind === 'start');
    expect(start?.argv?.length).toBeGreaterThan(1);
    // The password crossed stdin as data (the host needs it) and nothing else.
    expect(lines.some((l) => (l.raw ?? '').includes(JSON.stringify(PEP_PASSWORD).slice(1, -1)) || JSON.stringify(l).includes('SentinelPep'))).toBe(true);
    expect([...hits('host argv', JSON.stringify(start?.argv)), ...hits('host environment', JSON.stringify(start?.env))]).toEqual([]);
    expect([...hits('data folder', await allFiles(dataDir)), ...hits('log', JSON.stringify(m.log.lines)), ...hits('events', JSON.stringify(m.events)), ...hits('IPC results', JSON.stringify(results))]).toEqual([]);
  });
});
