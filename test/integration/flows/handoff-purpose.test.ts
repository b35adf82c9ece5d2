import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PepConnected } from '../../../shared/contract';
import { renewalName } from '../../../shared/domain';
import type { DriveInfo, HandoffFile, HandoffPage, HandoffSummary, RegistrationInfo, SavedFile, TokenPreview } from '../../../shared/domain/types';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// A renewal of an expired Capacity registration, rehearsed on one practice machine playing both
// sides (its practice Azure holds the old registration: scenario "expired-capacity"). The purpose
// travels in the journal and in each file's sidecar; the old name is refused until changed.

const EA = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
let usb: string;
let m: PracticeMachine;
let cloudId: string;
let drive: DriveInfo;
let stampHandoff: HandoffSummary;
let tokenFile: SavedFile;

beforeAll(async () => {
  usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  m = await startPracticeMachine(usb, { ...FAST_PRACTICE, seedRegistration: 'expired-capacity' });
  const pep = await m.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
  cloudId = pep.stamp.cloudId;
  const created = await m.run<{ handoff: HandoffSummary }>({
    kind: 'stamp.createToken', sessionId: pep.sessionId, purpose: 'renewal', choices: { billingModel: 'Capacity', agreementNumber: 'EA-1234567', targetCloud: 'AzureCloud' },
  });
  stampHandoff = created.handoff;
  drive = await m.call<DriveInfo>('handoff.addFolder', {});
  tokenFile = await m.call<SavedFile>('handoff.saveToken', { handoffId: stampHandoff.id, driveId: drive.id });
  await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
});
afterAll(async () => {
  await m?.runtime.dispose();
});

const sidecar = async (name: string) => JSON.parse(await readFile(join(usb, name), 'utf8')) as Record<string, unknown>;

describe('hand-off purpose and the renewal name rule', () => {
  it('the stamp side journals the purpose and the token file says what it is for', async () => {
    expect(stampHandoff.purpose).toBe('renewal');
    expect(tokenFile.fileName).toBe(`PRACTICE-AzureStack-${cloudId}-renewal-registration-token.txt`);
    expect(await sidecar(tokenFile.metadataFileName)).toMatchObject({ kind: 'token', purpose: 'renewal', cloudId });
    const listed = await m.call<HandoffFile[]>('handoff.files', { driveId: drive.id });
    expect(listed.find((f) => f.name === tokenFile.fileName)?.purpose).toBe('renewal');
  });

  it('the host takes the purpose from the sidecar, and refuses the old name of the expired registration', async () => {
    const read = await m.call<{ handoff: HandoffSummary; token: TokenPreview }>('handoff.readToken', { driveId: drive.id, file: tokenFile.fileName });
    expect(read.handoff).toMatchObject({ side: 'host', purpose: 'renewal' });
    const oldName = `AzureStack-${cloudId}`;
    const existing = await m.call<RegistrationInfo | null>('azure.registration', { subscriptionId: EA, resourceGroup: 'azurestack', registrationName: oldName });
    expect(existing).toMatchObject({ name: oldName, billingModel: 'Capacity', cloudId });

    const { operationId } = await m.call<{ operationId: string }>('operation.start', {
      kind: 'azure.register', handoffId: read.handoff.id, subscriptionId: EA, resourceGroup: 'azurestack', location: 'westcentralus', registrationName: oldName,
    });
    const refused = await m.finished(operationId);
    expect(refused.outcome).toMatchObject({ ok: false, problem: { code: 'renewal-name-taken' } });
    if (refused.outcome.ok) return;
    expect(refused.outcome.problem.message).toContain('needs a new unique name unless the old one is deleted first');
    expect(refused.outcome.problem.action).toContain(renewalName(oldName));

    const registered = await m.run<{ registration: RegistrationInfo; handoff: HandoffSummary }>({
      kind: 'azure.register', handoffId: read.handoff.id, subscriptionId: EA, resourceGroup: 'azurestack', location: 'westcentralus', registrationName: renewalName(oldName),
    });
    expect(registered.registration).toMatchObject({ name: renewalName(oldName), cloudId });
    expect(registered.handoff.purpose).toBe('renewal');

    const keyFile = await m.call<SavedFile>('handoff.saveKey', { handoffId: read.handoff.id, driveId: drive.id });
    expect(keyFile.fileName).toBe(`PRACTICE-AzureStack-${cloudId}-renewal-activation-key.txt`);
    expect(await sidecar(keyFile.metadataFileName)).toMatchObject({ kind: 'key', purpose: 'renewal' });
  });

  it('a stamp whose journal has no hand-off for the key takes the purpose from the key\'s sidecar', async () => {
    const other = await startPracticeMachine(usb, FAST_PRACTICE);
    try {
      const otherDrive = await other.call<DriveInfo>('handoff.addFolder', {});
      const keyFile = (await other.call<HandoffFile[]>('handoff.files', { driveId: otherDrive.id })).find((f) => f.kind === 'key');
      expect(keyFile?.purpose).toBe('renewal');
      const read = await other.call<{ handoff: HandoffSummary }>('handoff.readKey', { driveId: otherDrive.id, file: keyFile?.name });
      expect(read.handoff).toMatchObject({ side: 'stamp', stage: 'key-received', purpose: 'renewal' });
    } finally {
      await other.runtime.dispose();
    }
  });

  it('after a restart the journal still says what each hand-off is for', async () => {
    const dataDir = m.dataDir;
    await m.runtime.dispose();
    m = await startPracticeMachine(usb, { ...FAST_PRACTICE, seedRegistration: 'expired-capacity' }, { dataDir });
    const all = (await m.call<HandoffPage>('handoff.list', {})).handoffs;
    expect(all.map((h) => [h.side, h.purpose]).sort()).toEqual([
      ['host', 'renewal'],
      ['stamp', 'renewal'],
    ]);
  });
});
