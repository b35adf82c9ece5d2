import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, PepConnected, PracticeScenario } from '../../../shared/contract';
import type { RegistrationStatusView, ReregisterPrefill } from '../../../shared/domain/registration-status';
import { FAST_PRACTICE, startPracticeMachine, type PracticeMachine } from '../../fixtures/app/practice-app';
import { advance, PEP } from '../evidence/air-gap-flow';

// Registration status and -Reregister recovery through the IPC dispatcher of the real practice
// composition: the stamp's admin Resource Manager and the practice Azure, in each rehearsal.

const machines: PracticeMachine[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((m) => m.runtime.dispose()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const machine = async (rehearsal: PracticeScenario['statusRehearsal'] = 'as-practised', usb?: string): Promise<PracticeMachine> => {
  const folder = usb ?? (await mkdtemp(join(tmpdir(), 'azs-usb-')));
  if (!usb) dirs.push(folder);
  const m = await startPracticeMachine(folder, { ...FAST_PRACTICE, status: { rehearsal } });
  machines.push(m);
  dirs.push(m.dataDir);
  return m;
};

/** Signs in to the practice stamp's admin Resource Manager as its stamp information lists it (and to Azure, unless told not to). */
const signIn = async (m: PracticeMachine, azure = true): Promise<void> => {
  const info = await m.call<AppInfo>('app.info', {});
  await m.call('stampArm.signIn', { endpoint: info.practiceStamp?.adminResourceManager, tenant: info.practiceStamp?.directory, method: 'browser' });
  if (azure) await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
};

const problem = async (m: PracticeMachine, name: string, req: unknown) => {
  const res = await m.runtime.dispatch(name, req);
  if (res.ok) throw new Error(`${name} succeeded`);
  return res.problem;
};

describe('registration status on both sides (practice)', () => {
  it.each([
    ['registered', [], 'registered'],
    ['expired', ['expired'], 'expired'],
    ['resource-deleted', ['resource-missing'], 'registered'],
    ['directory-changed', ['directory-changed'], 'registered'],
    ['moved', ['moved'], 'registered'],
  ] as const)('rehearsal %s: finds %j, the stamp says %s', async (rehearsal, findings, stampState) => {
    const m = await machine(rehearsal);
    await signIn(m);
    const view = await m.call<RegistrationStatusView>('status.read', {});
    expect(view.stampProblem).toBeUndefined();
    expect(view.azureProblem).toBeUndefined();
    expect(view.comparison?.stampState).toBe(stampState);
    expect(view.comparison?.findings.map((f) => f.code)).toEqual(findings);
    if (rehearsal === 'registered') {
      expect(view.azure).toMatchObject({ state: 'found', location: 'westcentralus', registration: { billingModel: 'Capacity', locked: true }, keyExpires: '9999-12-30T23:59:59.9999999Z' });
    }
    if (rehearsal === 'moved') expect(view.azure).toMatchObject({ state: 'elsewhere', registration: { resourceGroup: 'azurestack-moved' } });
  });

  it('without an Azure sign-in shows the stamp side alone; Azure is compared once signed in', async () => {
    const m = await machine('resource-deleted');
    await signIn(m, false);
    const alone = await m.call<RegistrationStatusView>('status.read', {});
    expect(alone.azure).toBeUndefined();
    expect(alone.comparison?.findings).toEqual([]);
    await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    expect((await m.call<RegistrationStatusView>('status.read', {})).comparison?.findings.map((f) => f.code)).toEqual(['resource-missing']);
  });

  it('follows the stamp: activated by the key, the record names the registration; Remove-AzureStackActivation takes it away', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    dirs.push(usb);
    const stamp = await machine('as-practised', usb);
    const host = await machine('as-practised', usb);
    await signIn(stamp, false);
    expect((await stamp.call<RegistrationStatusView>('status.read', {})).comparison?.stampState).toBe('not-registered');
    await advance(stamp, host, { starting: async () => undefined, done: async () => undefined });
    const registered = await stamp.call<RegistrationStatusView>('status.read', {});
    const [registration] = await host.call<{ id: string }[]>('azure.registrations', { subscriptionId: registered.stamp?.activation?.subscriptionId, resourceGroup: 'azurestack' });
    expect(registered.comparison?.stampState).toBe('registered');
    expect(registered.stamp?.activation?.registrationResourceId).toBe(registration?.id);
    const { sessionId } = await stamp.call<PepConnected>('pep.connect', PEP);
    await stamp.run({ kind: 'stamp.removeActivation', sessionId });
    const removed = await stamp.call<RegistrationStatusView>('status.read', {});
    expect(removed.comparison?.stampState).toBe('not-registered');
    expect(removed.comparison?.findings.map((f) => f.code)).toEqual(['not-registered']);
  });
});

describe('-Reregister: the registration details recovered (practice)', () => {
  it('takes subscription, group, name and flags from the record, billing model and location from Azure, and asks for the agreement number', async () => {
    const m = await machine('registered');
    await signIn(m);
    const view = await m.call<RegistrationStatusView>('status.read', {});
    const prefill = await m.call<ReregisterPrefill>('status.prefill', {});
    expect(prefill).toEqual({
      subscriptionId: view.stamp?.activation?.subscriptionId,
      resourceGroup: 'azurestack',
      registrationName: view.stamp?.activation?.registrationName,
      location: 'westcentralus',
      billingModel: 'Capacity',
      cloudId: expect.any(String),
      usageReportingEnabled: false,
      marketplaceSyndicationEnabled: true,
      ask: ['agreementNumber'],
    });
  });

  it('a non-owner reading the registration gets a 403 told as "only the registering account", not a missing registration', async () => {
    const m = await machine('registered');
    await signIn(m);
    const azure = await m.runtime.practiceAzure();
    azure?.faults.add({ kind: 'forbidden', method: 'GET', pathPattern: /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+$/i, times: 5 });
    const denied = await problem(m, 'status.prefill', {});
    expect(denied.code).toBe('azure-forbidden');
    expect(denied.message).toContain('Unable to retrieve registration details from Azure');
    expect(denied.action).toContain('account that registered');
  });

  it('says why nothing can be recovered: no activation record, a registration gone from Azure', async () => {
    const fresh = await machine('as-practised');
    await signIn(fresh);
    const none = await problem(fresh, 'status.prefill', {});
    expect(none.code).toBe('stamp-not-registered');
    expect(none.message).toContain('Unable to retrieve registration details from AzureStack');
    const deleted = await machine('resource-deleted');
    await signIn(deleted);
    const gone = await problem(deleted, 'status.prefill', {});
    expect(gone.message).toContain('Unable to retrieve registration details from Azure:');
  });
});
