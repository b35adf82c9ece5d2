import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationFinished, PepConnected } from '../../../shared/contract';
import type { RegistrationInfo } from '../../../shared/domain/types';
import { OTHER_STAMP_CLOUD_ID } from '../../../electron/practice';
import type { PracticeSettings } from '../../../electron/practice';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// Remove-AzsRegistration, connected (contract §2.9), through the real runtime in practice mode: the
// practice Azure holds a registration seeded relative to the practice stamp (scenario "azureRegistration").

const EA = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
const REGISTRATION = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+$/i;
let machines: PracticeMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.map((m) => m.runtime.dispose()));
  machines = [];
});

const start = async (settings: PracticeSettings) => {
  const m = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')), { ...FAST_PRACTICE, ...settings });
  machines.push(m);
  const pep = await m.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
  await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const name = `AzureStack-${pep.stamp.cloudId}`;
  const ref = { subscriptionId: EA, resourceGroup: 'azurestack', registrationName: name };
  const azure = async () => (await m.runtime.services().practice?.azure())?.state.snapshot();
  return { m, pep, name, ref, azure };
};

const removal = (sessionId: string, ref: object, confirmName: string, stampDeactivated = false) => ({
  kind: 'registration.remove', sessionId, ...ref, confirmName, stampDeactivated,
});

const phases = (m: PracticeMachine, operationId: string): string[] =>
  m.events.filter((e) => e.name === 'operation.progress' && (e.payload as { operationId: string }).operationId === operationId).map((e) => (e.payload as { phase: string }).phase);

const startOp = async (m: PracticeMachine, req: object): Promise<{ id: string; end: OperationFinished }> => {
  const { operationId } = await m.call<{ operationId: string }>('operation.start', req);
  return { id: operationId, end: await m.finished(operationId) };
};

describe('connected removal', () => {
  it('not found: says so and exactly where it looked, never "does not correlate", and leaves the stamp alone', async () => {
    const { m, pep, name, ref } = await start({});
    const found = await m.runtime.dispatch('registration.findForRemoval', { sessionId: pep.sessionId, ...ref });
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.problem.code).toBe('azure-not-found');
    expect(found.problem.message).toContain(`subscription ${EA}, resource group azurestack, name ${name}`);
    expect(found.problem.message).toContain(`/subscriptions/${EA}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/${name}`);
    expect(found.problem.message).not.toMatch(/correlate/i);
    expect(found.problem.action).toContain('Region management > Properties');

    const { id, end } = await startOp(m, removal(pep.sessionId, ref, name));
    expect(end.outcome).toMatchObject({ ok: false, problem: { code: 'azure-not-found' } });
    expect(phases(m, id)).not.toContain('remove.deactivate');
  });

  it("another stamp's registration under the searched name: both cloud IDs, nothing changed", async () => {
    const { m, pep, name, ref, azure } = await start({ seedRegistration: 'another-stamp' });
    const found = await m.runtime.dispatch('registration.findForRemoval', { sessionId: pep.sessionId, ...ref });
    expect(found).toMatchObject({ ok: false, problem: { code: 'registration-other-stamp' } });
    if (found.ok) return;
    expect(found.problem.message).toContain(OTHER_STAMP_CLOUD_ID);
    expect(found.problem.message).toContain(pep.stamp.cloudId);

    const { id, end } = await startOp(m, removal(pep.sessionId, ref, name));
    expect(end.outcome).toMatchObject({ ok: false, problem: { code: 'registration-other-stamp' } });
    expect(phases(m, id)).not.toContain('remove.deactivate');
    expect((await azure())?.registrations.map((r) => r.cloudId)).toEqual([OTHER_STAMP_CLOUD_ID]);
  });

  it('removes this stamp\'s registration: stamp deactivated, lock lifted, deleted, confirmed gone', async () => {
    const { m, pep, name, ref, azure } = await start({ seedRegistration: 'this-stamp' });
    const found = await m.call<RegistrationInfo>('registration.findForRemoval', { sessionId: pep.sessionId, ...ref });
    expect(found).toMatchObject({ name, cloudId: pep.stamp.cloudId, billingModel: 'Development' });
    expect((await azure())?.locks.filter((l) => l.name === 'RegistrationResourceLock')).toHaveLength(1);

    const refused = await startOp(m, removal(pep.sessionId, ref, 'AzureStack-other'));
    expect(refused.end.outcome).toMatchObject({ ok: false, problem: { code: 'azure-confirmation-mismatch' } });
    expect((await azure())?.registrations).toHaveLength(1);

    const { id, end } = await startOp(m, removal(pep.sessionId, ref, name));
    expect(end.status).toBe('succeeded');
    expect(end.outcome).toMatchObject({ ok: true, value: { kind: 'registration.remove', alreadyGone: false, registration: { name } } });
    if (end.outcome.ok && end.outcome.value.kind === 'registration.remove') expect(end.outcome.value.stampDeactivatedAt).not.toBeNull();
    expect(phases(m, id)).toEqual(expect.arrayContaining(['remove.find', 'remove.deactivate', 'remove.deactivated', 'unregister.unlock', 'unregister.delete', 'unregister.verify']));
    expect(phases(m, id).indexOf('remove.deactivated')).toBeLessThan(phases(m, id).indexOf('unregister.delete'));
    const after = await azure();
    expect(after?.registrations).toEqual([]);
    expect(after?.locks.filter((l) => l.name === 'RegistrationResourceLock')).toEqual([]);
  });

  it('Azure failing after the stamp was deactivated: says so, and the re-run does only what is left', async () => {
    const { m, pep, name, ref, azure } = await start({
      seedRegistration: 'this-stamp',
      azureFaults: [{ kind: 'forbidden', method: 'DELETE', pathPattern: REGISTRATION, times: 1 }],
    });
    const first = await startOp(m, removal(pep.sessionId, ref, name));
    expect(first.end.status).toBe('failed');
    expect(first.end.outcome).toMatchObject({ ok: false, problem: { code: 'removal-partial', retryable: true } });
    if (first.end.outcome.ok) return;
    expect(first.end.outcome.problem.message).toContain('The stamp is deactivated, but removing registration');
    expect(first.end.outcome.problem.action).toContain('it skips the stamp');
    expect(phases(m, first.id)).toContain('remove.deactivated');
    // Partial state: the registration is still there, and its lock is back.
    const partial = await azure();
    expect(partial?.registrations.map((r) => r.name)).toEqual([name]);
    expect(partial?.locks.filter((l) => l.name === 'RegistrationResourceLock')).toHaveLength(1);

    const second = await startOp(m, removal(pep.sessionId, ref, name, true));
    expect(second.end.status).toBe('succeeded');
    expect(second.end.outcome).toMatchObject({ ok: true, value: { stampDeactivatedAt: null, alreadyGone: false } });
    expect(phases(m, second.id)).toContain('remove.stamp-skipped');
    expect(phases(m, second.id)).not.toContain('remove.deactivate');
    expect((await azure())?.registrations).toEqual([]);

    // Run once more: Azure no longer has it, so there is nothing left to do.
    const third = await startOp(m, removal(pep.sessionId, ref, name, true));
    expect(third.end.outcome).toMatchObject({ ok: true, value: { alreadyGone: true } });
  });
});
