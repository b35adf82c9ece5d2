import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { OperationFinished, OperationProgress, PepConnected, PracticeScenario } from '../../../shared/contract';
import { suggestRegistrationName } from '../../../shared/domain';
import type { HandoffPage, HandoffSummary, KeyPreview, PermissionReport, PreflightReport, SubscriptionInfo, TokenPreview } from '../../../shared/domain/types';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';

// Each practice scenario the operator saves reaches the simulated stamp or Azure through the runtime,
// as a real stamp or Azure would behave. Durations stay fast (the harness's FAST_PRACTICE wins).

const PEP = { user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD };
const DEV = { billingModel: 'Development', targetCloud: 'AzureCloud' } as const;
const usb = () => mkdtemp(join(tmpdir(), 'azs-usb-'));
const scenario = (over: Partial<PracticeScenario>): PracticeScenario => ({ ...DEFAULT_PRACTICE_SCENARIO, ...over });

const connect = (m: PracticeMachine, hosts = ['10.20.30.224']) => m.call<PepConnected>('pep.connect', { hosts, ...PEP });

/** Starts an operation and returns how it ended, failed or not. */
const outcome = async (m: PracticeMachine, req: unknown): Promise<OperationFinished['outcome']> => {
  const { operationId } = await m.call<{ operationId: string }>('operation.start', req);
  return (await m.finished(operationId)).outcome;
};

/** A token exported from a default practice stamp, read on `host`, and the request to register it. */
const tokenOnHost = async (host: PracticeMachine, usbPath: string) => {
  const stamp = await startPracticeMachine(usbPath);
  const c = await connect(stamp);
  const created = await stamp.run<{ handoff: HandoffSummary; token: TokenPreview }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
  const drive = await stamp.call<{ id: string }>('handoff.addFolder', {});
  const saved = await stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
  await stamp.runtime.dispose();
  await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
  const read = await host.call<{ handoff: HandoffSummary }>('handoff.readTokenText', { text: await readFile(join(usbPath, saved.fileName), 'utf8') });
  return {
    kind: 'azure.register',
    handoffId: read.handoff.id,
    subscriptionId: subs.find((s) => s.state === 'Enabled')?.id,
    resourceGroup: 'azurestack',
    location: 'westcentralus',
    registrationName: suggestRegistrationName(c.stamp.cloudId),
  };
};

describe('practice scenarios: the stamp', () => {
  it('simulates the chosen build and node count; an old build refuses Custom billing with the stamp’s own text', async () => {
    const m = await startPracticeMachine(await usb());
    expect(await m.call('practice.set', scenario({ stampVersion: '1.1910.0.58', numberOfNodes: 7 }))).toMatchObject({ stampVersion: '1.1910.0.58' });
    const c = await connect(m);
    expect(c.stamp).toMatchObject({ stampVersion: '1.1910.0.58', numberOfNodes: 7 });
    const custom = await outcome(m, { kind: 'stamp.createToken', sessionId: c.sessionId, choices: { ...DEV, billingModel: 'Custom', msAssetTag: 'asset-42' } });
    // The app checks the build the stamp reported, with the text the stamp itself would give.
    expect(custom).toMatchObject({ ok: false, problem: { code: 'billing-invalid', message: expect.stringContaining('Custom BillingModel is not supported for StampVersion less than 1.1912.0.19') } });
    await m.runtime.dispose();
  });

  it('fails over when the first ERCS address is down, and says so', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ firstAddressDown: true }));
    const c = await connect(m, ['10.20.30.224', '10.20.30.225']);
    expect(c.host).toBe('10.20.30.225');
    // The address that failed, with Windows' words for why (the screen names the one that answered).
    expect(c.notices).toEqual([expect.objectContaining({ code: 'session.address-failed', values: expect.objectContaining({ address: '10.20.30.224' }) })]);
    await m.runtime.dispose();
  });

  it('refuses any password but the practice one, which app.info shows with the ERCS addresses', async () => {
    const m = await startPracticeMachine(await usb());
    const info = await m.call<{ practiceStamp?: { ercsAddresses: string[]; user: string; password: string } }>('app.info', {});
    expect(info.practiceStamp).toEqual({
      ercsAddresses: ['10.20.30.224', '10.20.30.225', '10.20.30.226'],
      user: 'AZURESTACK\\CloudAdmin',
      password: PRACTICE_PEP_PASSWORD,
      adminResourceManager: 'https://adminmanagement.practice.azurestack.contoso.com',
      directory: 'contoso.onmicrosoft.com',
    });
    const refused = await m.runtime.dispatch('pep.connect', { hosts: ['10.20.30.224'], user: PEP.user, password: 'Wrong-Password-1' });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'pep-access-denied', retryable: false } });
    expect((await connect(m)).host).toBe('10.20.30.224');
    await m.runtime.dispose();
  });

  it('on a French workstation the connection errors are French and still classified', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ workstationLanguage: 'fr-FR' }));
    const refused = await m.runtime.dispatch('pep.connect', { hosts: ['10.20.30.224'], user: PEP.user, password: 'Mauvais-1' });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'pep-access-denied', detail: expect.stringContaining('Acc\u00e8s refus\u00e9') } });
    await m.runtime.dispose();
  });

  it('says the stamp is busy when it says so only in the verbose stream', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ eceBusyVerboseOnly: true }));
    const c = await connect(m);
    const res = await outcome(m, { kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
    expect(res).toMatchObject({ ok: false, problem: { code: 'pep-busy', detail: expect.stringContaining('another action is in progress') } });
    await m.runtime.dispose();
  });

  it('drops the session mid-activation: outcome unknown, the stamp did activate, the operator closes the hand-off after checking', async () => {
    const usbPath = await usb();
    const stamp = await startPracticeMachine(usbPath);
    await stamp.call('practice.set', scenario({ sessionDropsDuringActivation: true }));
    const c = await connect(stamp);
    const created = await stamp.run<{ handoff: HandoffSummary; token: TokenPreview }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
    const stampDrive = await stamp.call<{ id: string }>('handoff.addFolder', {});
    await stamp.call('handoff.saveToken', { handoffId: created.handoff.id, driveId: stampDrive.id });

    const host = await startPracticeMachine(usbPath);
    await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
    const hostDrive = await host.call<{ id: string }>('handoff.addFolder', {});
    const tokenFile = (await host.call<{ name: string; kind: string }[]>('handoff.files', { driveId: hostDrive.id })).find((f) => f.kind === 'token');
    const imported = await host.call<{ handoff: HandoffSummary }>('handoff.readToken', { driveId: hostDrive.id, file: tokenFile?.name });
    await host.run({
      kind: 'azure.register',
      handoffId: imported.handoff.id,
      subscriptionId: subs.find((x) => x.state === 'Enabled')?.id,
      resourceGroup: 'azurestack',
      location: 'westcentralus',
      registrationName: suggestRegistrationName(c.stamp.cloudId),
    });
    await host.call('handoff.saveKey', { handoffId: imported.handoff.id, driveId: hostDrive.id });
    await host.runtime.dispose();

    const keyFile = (await stamp.call<{ name: string; kind: string }[]>('handoff.files', { driveId: stampDrive.id })).find((f) => f.kind === 'key');
    const keyRead = await stamp.call<{ handoff: HandoffSummary }>('handoff.readKey', { driveId: stampDrive.id, file: keyFile?.name, sessionId: c.sessionId });
    const { operationId } = await stamp.call<{ operationId: string }>('operation.start', { kind: 'stamp.activate', sessionId: c.sessionId, handoffId: keyRead.handoff.id });
    const done = await stamp.finished(operationId);
    expect(done).toMatchObject({ status: 'outcome-unknown', outcome: { ok: false, problem: { code: 'pep-outcome-unknown', action: expect.stringContaining('activation state') } } });
    const [left] = (await stamp.call<HandoffPage>('handoff.list', {})).handoffs;
    expect(left).toMatchObject({ id: keyRead.handoff.id, stage: 'activating', complete: false });
    // The check (the portal) shows it activated: the operator says so and the hand-off completes.
    expect(await stamp.call<HandoffSummary>('handoff.confirmActivated', { handoffId: keyRead.handoff.id })).toMatchObject({ stage: 'activated', complete: true });
    await stamp.runtime.dispose();
  });

  it('refuses token generation with pep-busy while ECE runs another action', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ eceBusy: true }));
    const c = await connect(m);
    const res = await outcome(m, { kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
    expect(res).toMatchObject({ ok: false, problem: { code: 'pep-busy' } });
    await m.runtime.dispose();
  });

  it("stops token generation when a host's hardware information cannot be read", async () => {
    const m = await startPracticeMachine(await usb());
    const healthy = await connect(m);
    await m.run({ kind: 'stamp.createToken', sessionId: healthy.sessionId, choices: DEV });
    await m.call('practice.set', scenario({ hardwareInfoUnreachable: true }));
    const c = await connect(m);
    const res = await outcome(m, { kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
    // The last of the four hosts, in the stamp's own words.
    expect(res).toMatchObject({ ok: false, problem: { code: 'pep-hardware-info', detail: expect.stringContaining('Could not retrieve mandatory hardware info for AZS-NODE04') } });
    await m.runtime.dispose();
  });
  it('says TrustedHosts is unknown, not empty, when the workstation cannot read it', async () => {
    const m = await startPracticeMachine(await usb());
    const hosts = ['10.20.30.224'];
    const readable = await m.call<PreflightReport>('pep.preflight', { hosts });
    expect(readable.checks.find((c) => c.id === 'trusted-hosts')).toMatchObject({ ok: true });
    await m.call('practice.set', scenario({ trustedHostsUnreadable: true }));
    const report = await m.call<PreflightReport>('pep.preflight', { hosts });
    expect(report.checks.find((c) => c.id === 'trusted-hosts')).toMatchObject({ ok: false, unknown: true, detail: { text: expect.stringMatching(/^Unknown/) as unknown }, fix: expect.stringContaining('Start-Service WinRM') as unknown });
    await m.runtime.dispose();
  });
});

describe('practice scenarios: Azure', () => {
  it('waits out throttling on the registration PUT (Retry-After) and a 503 on the activation key, then registers', async () => {
    const sleeps: number[] = [];
    const stick = await usb();
    const host = await startPracticeMachine(stick, FAST_PRACTICE, {
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
      },
    });
    await host.call('practice.set', scenario({ azureThrottling: true, activationKeyUnavailable: true }));
    const req = await tokenOnHost(host, stick);
    sleeps.length = 0;
    const done = await host.run<{ handoff: HandoffSummary; key: KeyPreview }>(req);
    expect(done.handoff.stage).toBe('key-issued');
    // Twice the 5 s Azure asked for on the PUT, then the 503's Retry-After of 1 s.
    expect(sleeps.filter((ms) => ms === 5000)).toHaveLength(2);
    expect(sleeps).toContain(1000);
    const answered = host.log.lines.filter((l) => l.message === 'Practice Azure answered').map((l) => `${String(l.data?.['method'])} ${String(l.data?.['status'])}`);
    expect(answered).toEqual(expect.arrayContaining(['PUT 429', 'POST 503']));
    // The operator sees each wait in the operation's progress, not only in the log.
    const retries = host.events.filter((e) => e.name === 'operation.progress' && (e.payload as OperationProgress).phase === 'Retry');
    expect(retries.map((e) => (e.payload as OperationProgress).message)).toEqual([
      'Azure asked to wait 5 s (throttled (429)), then retrying (1 of 4).',
      'Azure asked to wait 5 s (throttled (429)), then retrying (2 of 4).',
      'Azure asked to wait 1 s (HTTP 503), then retrying (1 of 3).',
    ]);
    await host.runtime.dispose();
  });

  it('stops with azure-lock-forbidden when the lock write is refused, explains the partial state, and a second Register adds the lock', async () => {
    const stick = await usb();
    const host = await startPracticeMachine(stick);
    await host.call('practice.set', scenario({ lockForbidden: true }));
    const req = await tokenOnHost(host, stick);
    const first = await outcome(host, req);
    expect(first).toMatchObject({
      ok: false,
      problem: { code: 'azure-lock-forbidden', message: expect.stringMatching(/exists in Azure.*was not placed.*Microsoft\.Authorization\/locks\/write/), action: expect.stringContaining('run Register again') },
    });
    const again = await host.run<{ handoff: HandoffSummary }>(req);
    expect(again.handoff.stage).toBe('key-issued');
    await host.runtime.dispose();
  });

  it('signs in with the chosen permission profile', async () => {
    const host = await startPracticeMachine(await usb());
    await host.call('practice.set', scenario({ azurePermissions: 'registration-role-2019' }));
    await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
    const report = await host.call<PermissionReport>('azure.permissions', { subscriptionId: subs.find((s) => s.state === 'Enabled')?.id, resourceGroup: 'azurestack' });
    // The 2019 custom role: registration actions, but no lock actions.
    expect(report.ok).toBe(false);
    expect(report.missing).toContain('Microsoft.Authorization/locks/write');
    expect(report.granted).not.toContain('Microsoft.Authorization/locks/write');
    await host.runtime.dispose();
  });
});

describe('practice scenario setting', () => {
  it('is kept in settings.json and simulated again after a restart', async () => {
    const stick = await usb();
    const first = await startPracticeMachine(stick);
    const saved = scenario({ stampVersion: '1.2005.0.40', numberOfNodes: 2, activationSeconds: 1800, azureThrottling: true });
    await first.call('practice.set', saved);
    await first.runtime.dispose();
    expect(JSON.parse(await readFile(join(first.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ mode: 'practice', practice: saved });

    const second = await startPracticeMachine(stick, FAST_PRACTICE, { dataDir: first.dataDir });
    expect(await second.call('practice.get', {})).toEqual(saved);
    expect((await connect(second)).stamp).toMatchObject({ stampVersion: '1.2005.0.40', numberOfNodes: 2 });
    await second.runtime.dispose();
  });

  it('refuses a scenario out of range, and any change in live mode, changing nothing', async () => {
    const m = await startPracticeMachine(await usb());
    expect(await m.runtime.dispatch('practice.set', scenario({ numberOfNodes: 17 }))).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    expect(await m.runtime.dispatch('practice.set', { ...scenario({}), stampVersion: '1.1807.0.1' })).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    await m.call('app.setMode', { mode: 'live' });
    const live = await m.runtime.dispatch('practice.set', scenario({ eceBusy: true }));
    expect(live).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('only in practice mode'), action: expect.stringContaining('practice mode') } });
    expect(await m.call('practice.get', {})).toEqual(DEFAULT_PRACTICE_SCENARIO);
    await m.runtime.dispose();
  });

  it('refuses a change while an operation runs', async () => {
    const slow = await startPracticeMachine(await usb(), { ...FAST_PRACTICE, stamp: { durations: { ...FAST_PRACTICE.stamp?.durations, tokenMs: 1_000 } } });
    const c = await connect(slow);
    const { operationId } = await slow.call<{ operationId: string }>('operation.start', { kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
    const res = await slow.runtime.dispatch('practice.set', scenario({ eceBusy: true }));
    expect(res).toMatchObject({ ok: false, problem: { code: 'bad-request', action: expect.stringContaining('Wait') } });
    expect(await slow.call('practice.get', {})).toEqual(DEFAULT_PRACTICE_SCENARIO);
    expect((await slow.finished(operationId)).status).toBe('succeeded');
    await slow.runtime.dispose();
  });
});
