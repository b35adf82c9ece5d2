import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutcomes, PepConnected } from '../../../shared/contract';
import type { ConnectedRecord } from '../../../shared/domain';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeSettings } from '../../../electron/practice';
import { PEP } from '../evidence/air-gap-flow';

// Connected registration (Set-AzsRegistration) through the IPC dispatcher on the practice stamp and
// practice Azure: one PEP session for the whole flow, every step recorded, a stopped run spelled out,
// and a re-run that completes it without duplicating anything.

const PAYG = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';
const ROLE = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;
const machines: PracticeMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((m) => m.runtime.dispose()));
});

const machine = async (settings: PracticeSettings = FAST_PRACTICE) => {
  const m = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')), settings);
  machines.push(m);
  await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const c = await m.call<PepConnected>('pep.connect', PEP);
  return { m, sessionId: c.sessionId, cloudId: c.stamp.cloudId };
};

const start = (sessionId: string, cloudId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'connected.register',
  sessionId,
  purpose: 'register',
  subscriptionId: PAYG,
  resourceGroup: 'azurestack',
  location: 'westcentralus',
  registrationName: `AzureStack-${cloudId}`,
  choices: { billingModel: 'PayAsYouUse', targetCloud: 'AzureCloud' },
  ...extra,
});

const outcomeOf = async (m: PracticeMachine, req: unknown) => {
  const { operationId } = await m.call<{ operationId: string }>('operation.start', req);
  return m.finished(operationId);
};

const world = async (m: PracticeMachine) => (await m.runtime.practiceAzure())?.state.snapshot();

describe('connected registration in practice', () => {
  it('runs every leg in one PEP session and assigns the registration owner role to the stamp principal', async () => {
    const { m, sessionId, cloudId } = await machine();
    const sessionsBefore = m.runtime.stats().pep.sessionsOpened;
    const done = await m.run<OperationOutcomes['connected.register']>(start(sessionId, cloudId));
    expect(done.record.done).toEqual(['stamp', 'key-pair', 'principal', 'token', 'resource', 'lock', 'role', 'key', 'activation']);
    expect(done.reused).toBe(false);
    expect(done.roleAssignmentCreated).toBe(true);
    expect(m.runtime.stats().pep.sessionsOpened).toBe(sessionsBefore);

    const w = await world(m);
    const stampState = await m.runtime.services().practice?.stamp.state();
    expect(w?.registrations.map((r) => [r.name, r.billingModel])).toEqual([[`AzureStack-${cloudId}`, 'PayAsYouUse']]);
    expect(w?.locks.filter((l) => l.name === 'RegistrationResourceLock')).toHaveLength(1);
    const owner = w?.roleAssignments.filter((a) => String(a.properties.roleDefinitionId).endsWith('6f12a6df-dd06-4f3e-bcb1-ce8be600526a'));
    expect(owner?.map((a) => [a.properties.principalId, a.properties.principalType])).toEqual([[stampState?.bridgeObjectId, 'ServicePrincipal']]);
    expect(stampState?.activation?.billingModel).toBe('PayAsYouUse');
    // The record is re-read as the screen does.
    const [record] = await m.call<ConnectedRecord[]>('connected.records', {});
    expect(record).toMatchObject({ completedAt: expect.any(String), principalId: stampState?.bridgeObjectId, usageReportingEnabled: true, marketplaceSyndicationEnabled: true });
  });

  it('role assignment refused after the resource exists: the partial state is spelled out, and a re-run completes it without duplicates', async () => {
    const { m, sessionId, cloudId } = await machine({ ...FAST_PRACTICE, azureFaults: [{ kind: 'forbidden', method: 'PUT', pathPattern: ROLE, times: 1 }] });
    const first = await outcomeOf(m, start(sessionId, cloudId));
    expect(first.status).toBe('failed');
    const problem = first.outcome.ok ? undefined : first.outcome.problem;
    expect(problem?.code).toBe('azure-forbidden');
    expect(problem?.message).toMatch(new RegExp(`registration AzureStack-${cloudId} exists in resource group azurestack, locked, without the role assignment`));
    expect(problem?.message).toMatch(/the Azure Bridge service principal exists .*the stamp is not activated/);
    expect(problem?.action).toMatch(/run the connected registration again with the same names/);
    const [stopped] = await m.call<ConnectedRecord[]>('connected.records', {});
    expect(stopped).toMatchObject({ failedAt: 'role', done: ['stamp', 'key-pair', 'principal', 'token', 'resource', 'lock'] });
    expect((await m.runtime.services().practice?.stamp.state())?.activation).toBeUndefined();

    const again = await m.run<OperationOutcomes['connected.register']>(start(sessionId, cloudId));
    expect(again.reused).toBe(true);
    expect(again.roleAssignmentCreated).toBe(true);
    const w = await world(m);
    expect(w?.registrations).toHaveLength(1);
    expect(w?.locks.filter((l) => l.name === 'RegistrationResourceLock')).toHaveLength(1);
    expect(w?.roleAssignments).toHaveLength(1);
    expect((await m.runtime.services().practice?.stamp.state())?.activation).toBeDefined();
    // A third run finds everything in place: the assignment is found, not created again.
    const third = await m.run<OperationOutcomes['connected.register']>(start(sessionId, cloudId, { purpose: 'change', previous: { registrationName: `AzureStack-${cloudId}`, resourceGroup: 'azurestack' }, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } }));
    expect(third.roleAssignmentCreated).toBe(false);
    expect((await world(m))?.roleAssignments).toHaveLength(1);
    expect((await world(m))?.registrations.map((r) => r.billingModel)).toEqual(['Development']);
    // And Azure re-read settles what exists.
    const check = await m.call<{ locked: boolean; ownerAssigned: boolean }>('connected.check', { subscriptionId: PAYG, resourceGroup: 'azurestack', registrationName: `AzureStack-${cloudId}`, principalId: third.record.principalId });
    expect(check).toMatchObject({ locked: true, ownerAssigned: true });
  });

  it('a non-owner changing the registration gets 403 and is told who may change it', async () => {
    const { m, sessionId, cloudId } = await machine({ ...FAST_PRACTICE, azure: { ...FAST_PRACTICE.azure, registrationsOwnedByOthers: true } });
    await m.run(start(sessionId, cloudId));
    const change = await outcomeOf(m, start(sessionId, cloudId, { purpose: 'change', previous: { registrationName: `AzureStack-${cloudId}`, resourceGroup: 'azurestack' }, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } }));
    const problem = change.outcome.ok ? undefined : change.outcome.problem;
    expect(problem?.code).toBe('azure-forbidden');
    expect(problem?.detail ?? problem?.message).toMatch(/Microsoft\.AzureStack\/registrations\/write/);
    expect((await world(m))?.registrations.map((r) => r.billingModel)).toEqual(['PayAsYouUse']);
  });

  it('a refresh token the stamp cannot use (MFA) stops before anything is created in Azure', async () => {
    const { m, sessionId, cloudId } = await machine({ ...FAST_PRACTICE, stamp: { ...FAST_PRACTICE.stamp, faults: { refreshTokenRefused: true } } });
    const end = await outcomeOf(m, start(sessionId, cloudId));
    const problem = end.outcome.ok ? undefined : end.outcome.problem;
    expect(problem?.code).toBe('pep-refresh-token-refused');
    expect(problem?.action).toMatch(/Nothing was registered in Azure yet/);
    expect((await world(m))?.registrations).toEqual([]);
    const [record] = await m.call<ConnectedRecord[]>('connected.records', {});
    expect(record).toMatchObject({ failedAt: 'principal', done: ['stamp', 'key-pair'] });
  });

  it('an account without the rights (built-in Registration Owner only) is stopped before the stamp is asked for anything', async () => {
    const { m, sessionId, cloudId } = await machine({ ...FAST_PRACTICE, azure: { ...FAST_PRACTICE.azure, permissions: 'registration-owner-builtin' } });
    const commands = m.runtime.stats().pep.commands;
    const end = await outcomeOf(m, start(sessionId, cloudId));
    const problem = end.outcome.ok ? undefined : end.outcome.problem;
    expect(problem?.code).toBe('azure-forbidden');
    expect(problem?.message).toMatch(/Microsoft\.AzureStack\/registrations\/write.*Microsoft\.Authorization\/roleAssignments\/write.*Nothing was changed/);
    expect(m.runtime.stats().pep.commands).toBe(commands);
    expect((await world(m))?.registrations).toEqual([]);
  });

  it('refuses choices the connected rules forbid before the stamp or Azure is touched', async () => {
    const { m, sessionId, cloudId } = await machine();
    const commands = m.runtime.stats().pep.commands;
    const end = await outcomeOf(m, start(sessionId, cloudId, { choices: { billingModel: 'Capacity', targetCloud: 'AzureCloud' } }));
    expect(end.outcome.ok ? undefined : end.outcome.problem.code).toBe('billing-invalid');
    const renew = await outcomeOf(m, start(sessionId, cloudId, { purpose: 'renew', previous: { registrationName: `AzureStack-${cloudId}`, resourceGroup: 'azurestack', expired: true }, choices: { billingModel: 'Capacity', agreementNumber: '12345678', targetCloud: 'AzureCloud' } }));
    expect(renew.outcome.ok ? undefined : renew.outcome.problem.message).toMatch(/new unique name/);
    expect(m.runtime.stats().pep.commands).toBe(commands);
  });
});
