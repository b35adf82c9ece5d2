import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationFinished, OperationSnapshot, OperationStart, PepConnected } from '../../../shared/contract';
import type { DriveInfo, HandoffFile, HandoffSummary, TokenPreview } from '../../../shared/domain/types';
import { suggestRegistrationName } from '../../../shared/domain';
import { unregisterMeta } from '../../../electron/flows/azure-flows';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// An Unregister the app was closed on (killed) after Azure accepted the DELETE: Azure no longer has the
// registration, and the journal holds the run as interrupted. Run again, it ends as done, says the earlier
// run had deleted it, and settles that run in the journal; without such a run, not found stays a stop.
const EA = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
type Unregister = Extract<OperationStart, { kind: 'azure.unregister' }>;

const machines: PracticeMachine[] = [];
afterEach(async () => {
  for (const m of machines.splice(0)) await m.runtime.dispose();
});

/** A host that registered a stamp from its token, on its own data folder. */
const registeredHost = async () => {
  const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'azs-unreg-'));
  const stamp = await startPracticeMachine(usb);
  const c = await stamp.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
  const created = await stamp.run<{ handoff: HandoffSummary }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
  await stamp.call('handoff.saveToken', { handoffId: created.handoff.id, driveId: (await stamp.call<DriveInfo>('handoff.addFolder', {})).id });
  await stamp.runtime.dispose();

  const host = await startPracticeMachine(usb, undefined, { dataDir });
  await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const drive = await host.call<DriveInfo>('handoff.addFolder', {});
  const file = (await host.call<HandoffFile[]>('handoff.files', { driveId: drive.id })).find((f) => f.kind === 'token');
  const read = await host.call<{ handoff: HandoffSummary; token: TokenPreview }>('handoff.readToken', { driveId: drive.id, file: file?.name });
  const name = suggestRegistrationName(read.token.summary.cloudId);
  await host.run({ kind: 'azure.register', handoffId: read.handoff.id, subscriptionId: EA, resourceGroup: 'azurestack', location: 'westcentralus', registrationName: name });
  return { usb, dataDir, host, name, handoffId: read.handoff.id, cloudId: read.token.summary.cloudId };
};

/** The app restarted on its data folder; Azure keeps what it holds. */
const restart = async (m: PracticeMachine, usb: string, dataDir: string): Promise<PracticeMachine> => {
  const state = (await m.runtime.practiceAzure())?.state.take();
  const at = machines.indexOf(m);
  if (at >= 0) machines.splice(at, 1);
  await m.runtime.dispose();
  const again = await startPracticeMachine(usb, undefined, { dataDir });
  machines.push(again);
  await again.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  if (state) (await again.runtime.practiceAzure())?.state.put(state);
  return again;
};

const outcomeOf = async (m: PracticeMachine, req: Unregister): Promise<{ finished: OperationFinished; log: OperationSnapshot['log'] }> => {
  const { operationId } = await m.call<{ operationId: string }>('operation.start', req);
  const finished = await m.finished(operationId);
  const log = (await m.call<OperationSnapshot[]>('operation.list', {})).find((o) => o.operationId === operationId)?.log ?? [];
  return { finished, log };
};

const interruptedKinds = async (m: PracticeMachine) => (await m.call<OperationSnapshot[]>('operation.list', {})).filter((o) => o.status === 'interrupted').map((o) => o.kind);

describe.each(['name', 'token'] as const)('Unregister by %s re-run after the app was killed past the DELETE', (by) => {
  const requestFor = (h: { name: string; handoffId: string }): Unregister => ({
    kind: 'azure.unregister',
    subscriptionId: EA,
    ...(by === 'name' ? { resourceGroup: 'azurestack', target: { by: 'name', registrationName: h.name } } : { target: { by: 'token', handoffId: h.handoffId } }),
    confirmName: h.name,
  });

  it('ends as done, says the interrupted run had deleted it, and settles that run in the journal', async () => {
    const h = await registeredHost();
    const req = requestFor(h);
    // What Azure holds after the cut run: the registration deleted (by the app, so Azure does it its way).
    expect((await outcomeOf(h.host, req)).finished.status).toBe('succeeded');
    // The cut run: journaled as started, as the operation handler journals it, and never ended (the kill).
    await h.host.runtime.services().journal.operationStarted(randomUUID(), 'azure.unregister', unregisterMeta(req));
    const m = await restart(h.host, h.usb, h.dataDir);
    expect(await interruptedKinds(m)).toEqual(['azure.unregister']);
    expect(m.runtime.services().journal.interruptedOperations()).toHaveLength(1);

    const { finished, log } = await outcomeOf(m, req);
    expect(finished.status).toBe('succeeded');
    const value = finished.outcome.ok ? finished.outcome.value : undefined;
    const code = by === 'name' ? 'progress.unregister-gone' : 'progress.unregister-gone-cloud';
    // The instant is a value the UI writes in its language, not words.
    const at = { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/) };
    const where = by === 'name' ? { at, name: h.name, group: 'azurestack' } : { at, cloudId: h.cloudId, subscription: EA };
    expect(value).toMatchObject({ kind: 'azure.unregister', registration: { name: h.name, subscriptionId: EA }, alreadyDeleted: { code, values: where } });
    const said = value?.kind === 'azure.unregister' ? value.alreadyDeleted : undefined;
    expect(said?.text).toMatch(/^The Unregister started at \d{4}-\d\d-\d\d \d\d:\d\d UTC was interrupted when the app closed, and had already deleted it: Azure has no registration .*; nothing left to do\.$/);
    expect(log.filter((l) => l.said?.code === code).map((l) => l.level)).toEqual(['info']);

    // Settled on disk: a restart no longer offers it, and a third run is a plain not found again.
    expect(m.runtime.services().journal.interruptedOperations()).toEqual([]);
    const after = await restart(m, h.usb, h.dataDir);
    expect(after.runtime.services().journal.interruptedOperations()).toEqual([]);
    expect(await interruptedKinds(after)).toEqual([]);
    expect((await outcomeOf(after, req)).finished.outcome).toMatchObject({ ok: false, problem: { code: 'azure-not-found' } });
  });

  it('stays a not-found stop without an interrupted Unregister of the same target', async () => {
    const h = await registeredHost();
    const req = requestFor(h);
    expect((await outcomeOf(h.host, req)).finished.status).toBe('succeeded');
    // An interrupted Unregister of another registration (or hand-off) says nothing about this one.
    const other: Unregister = by === 'name' ? { ...req, target: { by: 'name', registrationName: `${h.name}-other` } } : { ...req, target: { by: 'token', handoffId: randomUUID() } };
    await h.host.runtime.services().journal.operationStarted(randomUUID(), 'azure.unregister', unregisterMeta(other));
    const m = await restart(h.host, h.usb, h.dataDir);
    expect(await interruptedKinds(m)).toEqual(['azure.unregister']);

    const { finished } = await outcomeOf(m, req);
    expect(finished.outcome).toMatchObject({ ok: false, problem: { code: 'azure-not-found', message: expect.stringContaining('Nothing was deleted.') } });
    expect(m.runtime.services().journal.interruptedOperations()).toHaveLength(1);
  });
});
