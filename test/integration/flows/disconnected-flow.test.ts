import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PepConnected } from '../../../shared/contract';
import type {
  AzureAccount,
  DriveInfo,
  HandoffFile,
  HandoffPage,
  HandoffSummary,
  KeyMatch,
  KeyPreview,
  SavedFile,
  SubscriptionInfo,
  TokenPreview,
} from '../../../shared/domain/types';
import { suggestRegistrationName } from '../../../shared/domain';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// The whole air-gap procedure through the dispatcher, on two practice machines sharing a USB folder.
const PASSWORD = 'Sentinel-Pa55word-9f3e';
/** The practice stamps accept the sentinel, so the test can look for it everywhere it must not be. */
const SENTINEL_STAMP = { ...FAST_PRACTICE, stamp: { ...FAST_PRACTICE.stamp, cloudAdminPassword: PASSWORD } };

let usb: string;
let stampSide: PracticeMachine;
let hostSide: PracticeMachine;

beforeAll(async () => {
  usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  stampSide = await startPracticeMachine(usb, SENTINEL_STAMP);
  hostSide = await startPracticeMachine(usb);
});
afterAll(async () => {
  await stampSide?.runtime.dispose();
  await hostSide?.runtime.dispose();
});

const readAllText = async (dir: string): Promise<string> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8').catch(() => '')),
  );
  return texts.join('\n');
};

describe('disconnected registration, three legs', () => {
  it('exports on the stamp, registers on the host, activates on the stamp', async () => {
    // Leg 1: stamp side.
    const connected = await stampSide.call<PepConnected>('pep.connect', {
      hosts: ['10.20.30.224'],
      user: 'AZURESTACK\\CloudAdmin',
      password: PASSWORD,
    });
    const cloudId = connected.stamp.cloudId;
    expect(cloudId).toMatch(/^[0-9a-f-]{36}$/i);

    const created = await stampSide.run<{ handoff: HandoffSummary; token: TokenPreview }>({
      kind: 'stamp.createToken',
      sessionId: connected.sessionId,
      choices: { billingModel: 'Capacity', agreementNumber: 'EA-1234567', targetCloud: 'AzureCloud' },
    });
    expect(created.token.summary).toMatchObject({ cloudId, billingModel: 'Capacity', usageReportingEnabled: false, agreementNumber: 'EA-1234567', practice: true });
    expect(created.token.summary.hostCount).toBe(connected.stamp.numberOfNodes);

    const stampDrive = await stampSide.call<DriveInfo>('handoff.addFolder', {});
    const savedToken = await stampSide.call<SavedFile>('handoff.saveToken', { handoffId: created.handoff.id, driveId: stampDrive.id });
    expect(savedToken.fingerprint).toBe(created.token.fingerprint);
    const tokenOnStick = (await readFile(join(usb, savedToken.fileName), 'utf8')).trim();
    expect(tokenOnStick).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // Leg 2: connected host.
    await hostSide.call<AzureAccount>('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const subs = await hostSide.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
    const ea = subs.find((s) => s.offer === 'EA' && s.state === 'Enabled');
    expect(ea).toBeDefined();
    const hostDrive = await hostSide.call<DriveInfo>('handoff.addFolder', {});
    const files = await hostSide.call<HandoffFile[]>('handoff.files', { driveId: hostDrive.id });
    const tokenFile = files.find((f) => f.kind === 'token');
    expect(tokenFile?.name).toBe(savedToken.fileName);
    const imported = await hostSide.call<{ handoff: HandoffSummary; token: TokenPreview }>('handoff.readToken', {
      driveId: hostDrive.id,
      file: tokenFile?.name,
    });
    // The operator compares this with the stamp screen.
    expect(imported.token.fingerprint).toBe(created.token.fingerprint);

    const registrationName = suggestRegistrationName(cloudId);
    const registered = await hostSide.run<{ handoff: HandoffSummary; key: KeyPreview }>({
      kind: 'azure.register',
      handoffId: imported.handoff.id,
      subscriptionId: ea?.id,
      resourceGroup: 'azurestack',
      location: 'westcentralus',
      registrationName,
    });
    expect(registered.key.summary).toMatchObject({ cloudId, registrationName, resourceGroupName: 'azurestack', billingModel: 'Capacity' });
    const savedKey = await hostSide.call<SavedFile>('handoff.saveKey', { handoffId: imported.handoff.id, driveId: hostDrive.id });
    expect(savedKey.fingerprint).toBe(registered.key.fingerprint);
    const hostJournal = (await hostSide.call<HandoffPage>('handoff.list', {})).handoffs;
    expect(hostJournal[0]).toMatchObject({ side: 'host', stage: 'key-saved', complete: false });

    // Leg 3: back on the stamp.
    const stickFiles = await stampSide.call<HandoffFile[]>('handoff.files', { driveId: stampDrive.id });
    const keyFile = stickFiles.find((f) => f.kind === 'key');
    const keyRead = await stampSide.call<{ handoff: HandoffSummary; key: KeyPreview; match: KeyMatch }>('handoff.readKey', {
      driveId: stampDrive.id,
      file: keyFile?.name,
      sessionId: connected.sessionId,
    });
    expect(keyRead.key.fingerprint).toBe(registered.key.fingerprint);
    expect(keyRead.match).toMatchObject({ matchesStamp: true, matchesToken: true, expired: false, problems: [] });
    expect(keyRead.handoff.id).toBe(created.handoff.id);

    const activated = await stampSide.run<{ handoff: HandoffSummary }>({
      kind: 'stamp.activate',
      sessionId: connected.sessionId,
      handoffId: keyRead.handoff.id,
    });
    expect(activated.handoff).toMatchObject({ stage: 'activated', complete: true });

    // Told the stamp is activated, the host closes its side and lets go of the token and key.
    const closed = await hostSide.call<HandoffSummary>('handoff.confirmActivated', { handoffId: imported.handoff.id });
    expect(closed).toMatchObject({ stage: 'activation-confirmed', complete: true });
    expect(await readAllText(hostSide.dataDir)).not.toContain(tokenOnStick);
    const progress = stampSide.events.filter((e) => e.name === 'operation.progress');
    expect(progress.length).toBeGreaterThan(2);

    // The password never left main: not in events, not in any file either machine wrote.
    expect(JSON.stringify(stampSide.events)).not.toContain(PASSWORD);
    expect(JSON.stringify(stampSide.log.lines)).not.toContain(PASSWORD);
    expect(await readAllText(stampSide.dataDir)).not.toContain(PASSWORD);
    expect(await readAllText(usb)).not.toContain(PASSWORD);
  });

  it('refuses a key for another stamp before the stamp sees it', async () => {
    // A second practice stamp (its own data folder, so its own cloud ID) gets the first stamp's key.
    const other = await startPracticeMachine(usb, SENTINEL_STAMP);
    try {
      const c = await other.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PASSWORD });
      const drive = await other.call<DriveInfo>('handoff.addFolder', {});
      const keyFile = (await other.call<HandoffFile[]>('handoff.files', { driveId: drive.id })).find((f) => f.kind === 'key');
      const read = await other.runtime.dispatch('handoff.readKey', { driveId: drive.id, file: keyFile?.name, sessionId: c.sessionId });
      expect(read).toMatchObject({ ok: false, problem: { code: 'key-wrong-stamp', action: expect.stringContaining('Take it to the stamp with cloud ID') } });
      // No stamp-side hand-off is journaled for a key that can never activate this stamp.
      expect((await other.call<HandoffPage>('handoff.list', {})).handoffs).toEqual([]);
    } finally {
      await other.runtime.dispose();
    }
  });
});
