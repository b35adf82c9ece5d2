import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, it } from 'vitest';
import type { PepConnected } from '../../shared/contract';
import type { DriveInfo, HandoffFile, HandoffSummary, SubscriptionInfo } from '../../shared/domain/types';
import { suggestRegistrationName } from '../../shared/domain';
import { FAST_PRACTICE, startPracticeMachine } from '../fixtures/app/practice-app';
import type { PracticeMachine } from '../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../electron/practice/stamp';
import { mib, printBlock, row } from './report';

// One practice run of the air-gap procedure, reporting what the issues set goals for:
// PEP sessions per stamp leg (goal 1), and Azure requests and sequential round trips from token
// import to key written (goal <= 6 round trips with the provider already registered).
const machines: PracticeMachine[] = [];
afterAll(async () => {
  for (const m of machines) await m.runtime.dispose();
});

/** Peak memory of this process while `during` runs (issue 12, goal 6), sampled every 5 ms. */
const peakMemory = () => {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 5);
  return { base, stop: () => (clearInterval(timer), { rss, heap }) };
};

it('disconnected flow: sessions, requests, round trips, time', async () => {
  const memory = peakMemory();
  const usb = await mkdtemp(join(tmpdir(), 'azs-bench-usb-'));
  // The provider is already registered in this subscription, as on a subscription used before.
  const settings = { ...FAST_PRACTICE, azure: { ...FAST_PRACTICE.azure, azureStackRegisteredIn: ['dd8597b4-8739-4467-8b10-f8679f62bfbf'] } };
  const stamp = await startPracticeMachine(usb, settings);
  const host = await startPracticeMachine(usb, settings);
  machines.push(stamp, host);
  const lines: string[] = [];

  // Leg 1: export.
  const t1 = performance.now();
  const c = await stamp.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
  const created = await stamp.run<{ handoff: HandoffSummary }>({
    kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
  });
  const drive = await stamp.call<DriveInfo>('handoff.addFolder', {});
  await stamp.call('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
  const leg1 = stamp.runtime.stats().pep;
  lines.push(row('leg 1 (export): PEP sessions opened', leg1.sessionsOpened, '(goal 1)'));
  lines.push(row('leg 1 (export): PowerShell hosts started', leg1.hostsSpawned, '(goal 1)'));
  lines.push(row('leg 1 (export): PEP commands', leg1.commands));
  lines.push(row('leg 1 (export): wall ms (practice durations)', (performance.now() - t1).toFixed(0)));

  // Leg 2: host, from token import to key written.
  await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
  const sub = subs.find((s) => s.id === 'dd8597b4-8739-4467-8b10-f8679f62bfbf');
  const hostDrive = await host.call<DriveInfo>('handoff.addFolder', {});
  const tokenFile = (await host.call<HandoffFile[]>('handoff.files', { driveId: hostDrive.id })).find((f) => f.kind === 'token');
  host.runtime.resetStats();
  const t2 = performance.now();
  const read = await host.call<{ handoff: HandoffSummary; token: { summary: { cloudId: string } } }>('handoff.readToken', { driveId: hostDrive.id, file: tokenFile?.name });
  await host.run({
    kind: 'azure.register', handoffId: read.handoff.id, subscriptionId: sub?.id, resourceGroup: 'azurestack',
    location: 'westcentralus', registrationName: suggestRegistrationName(read.token.summary.cloudId),
  });
  await host.call('handoff.saveKey', { handoffId: read.handoff.id, driveId: hostDrive.id });
  const wall2 = performance.now() - t2;
  const az = host.runtime.stats().azure;
  const roundTrips = Object.values(az.roundTripsByPhase).reduce((a, b) => a + b, 0);
  lines.push(row('leg 2 (register): Azure requests, token import to key written', az.requests));
  lines.push(row('leg 2 (register): sequential round trips', roundTrips, '(goal <= 6)'));
  for (const [phase, n] of Object.entries(az.roundTripsByPhase)) lines.push(row(`    ${phase}`, n));
  lines.push(row('leg 2 (register): wall ms over loopback HTTPS', wall2.toFixed(0)));
  lines.push(row('leg 2 (register): round trips / goal (ratio)', (roundTrips / 6).toFixed(2)));

  // Leg 3: activate, on the session already open (a real operator may reconnect: then one more).
  const before = stamp.runtime.stats().pep.sessionsOpened;
  const keyFile = (await stamp.call<HandoffFile[]>('handoff.files', { driveId: drive.id })).find((f) => f.kind === 'key');
  const keyRead = await stamp.call<{ handoff: HandoffSummary }>('handoff.readKey', { driveId: drive.id, file: keyFile?.name, sessionId: c.sessionId });
  await stamp.run({ kind: 'stamp.activate', sessionId: c.sessionId, handoffId: keyRead.handoff.id });
  const leg3 = stamp.runtime.stats().pep;
  lines.push(row('leg 3 (activate): PEP sessions opened', leg3.sessionsOpened - before, '(goal 0 on an open session, 1 after reconnecting)'));
  lines.push(row('legs 1+3: PEP sessions per leg (ratio)', (leg3.sessionsOpened / 2).toFixed(2), '(goal <= 1)'));

  const peak = memory.stop();
  lines.push(row('full practice flow (both machines): peak RSS, MiB', mib(peak.rss), `(before the flow: ${mib(memory.base.rss)}; bench runner included)`));
  lines.push(row('full practice flow (both machines): peak JS heap, MiB', mib(peak.heap), `(before the flow: ${mib(memory.base.heapUsed)})`));

  printBlock('AzS Registrar bench (practice mode)', lines);
});
