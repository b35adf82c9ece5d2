import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PepConnected } from '../../../shared/contract';
import type { DriveInfo, HandoffFile, HandoffSummary, RegistrationInfo, TokenPreview } from '../../../shared/domain/types';
import { suggestRegistrationName } from '../../../shared/domain';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';

// Deleting a registration asks the operator to type its name; main checks it too, after finding
// the registration by the token's cloud ID, so a page that skipped the check deletes nothing.
const EA = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
let host: PracticeMachine;
let handoffId: string;
let registrationName: string;

beforeAll(async () => {
  const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  const stamp = await startPracticeMachine(usb);
  host = await startPracticeMachine(usb);
  const c = await stamp.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
  const created = await stamp.run<{ handoff: HandoffSummary }>({
    kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
  });
  const drive = await stamp.call<DriveInfo>('handoff.addFolder', {});
  await stamp.call('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
  await stamp.runtime.dispose();

  await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const hostDrive = await host.call<DriveInfo>('handoff.addFolder', {});
  const file = (await host.call<HandoffFile[]>('handoff.files', { driveId: hostDrive.id })).find((f) => f.kind === 'token');
  const read = await host.call<{ handoff: HandoffSummary; token: TokenPreview }>('handoff.readToken', { driveId: hostDrive.id, file: file?.name });
  handoffId = read.handoff.id;
  registrationName = suggestRegistrationName(read.token.summary.cloudId);
  await host.run({ kind: 'azure.register', handoffId, subscriptionId: EA, resourceGroup: 'azurestack', location: 'westcentralus', registrationName });
  await host.call('handoff.saveKey', { handoffId, driveId: hostDrive.id });
});
afterAll(async () => {
  await host?.runtime.dispose();
});

const listed = () => host.call<RegistrationInfo[]>('azure.registrations', { subscriptionId: EA });

describe('unregister by token', () => {
  it('deletes nothing when the typed name is not the one found by cloud ID', async () => {
    const { operationId } = await host.call<{ operationId: string }>('operation.start', {
      kind: 'azure.unregister', subscriptionId: EA, target: { by: 'token', handoffId }, confirmName: 'AzureStack-someone-else',
    });
    const end = await host.finished(operationId);
    expect(end.outcome).toMatchObject({
      ok: false,
      problem: { code: 'azure-confirmation-mismatch', message: `Type the registration name "${registrationName}" to confirm the deletion.` },
    });
    expect((await listed()).map((r) => [r.name, r.locked])).toEqual([[registrationName, true]]);
  });

  it('finds the registration across the subscription and deletes it once the name matches', async () => {
    const outcome = await host.run<{ registration: RegistrationInfo }>({
      kind: 'azure.unregister', subscriptionId: EA, target: { by: 'token', handoffId }, confirmName: registrationName.toUpperCase(),
    });
    expect(outcome.registration).toMatchObject({ name: registrationName, resourceGroup: 'azurestack' });
    expect(await listed()).toEqual([]);
  });
});
