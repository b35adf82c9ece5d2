import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationFinished, OperationSnapshot, PepConnected } from '../../../shared/contract';
import type { HandoffSummary, KeyPreview, SubscriptionInfo, TokenPreview } from '../../../shared/domain/types';
import { HANDOFF_STAGES } from '../../../shared/domain/types';
import { suggestRegistrationName } from '../../../shared/domain';
import type { ConnectedRecord } from '../../../shared/domain';
import type { HandoffFs } from '../../../electron/handoff';
import type { FaultSpec, PracticeAzureSettings, WorldSnapshot, WorldState } from '../../../electron/practice/azure';
import { ROLE_NAME } from '../../../electron/azure/role';
import { REGISTRATION_OWNER_ROLE_ID } from '../../../electron/azure/registration-owner';
import { scriptDigest } from '../../../electron/integrity';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { FAKE_HOST } from '../../unit/electron/pep/fake-host';
import { advance, handoffs, KILL_POINTS, PEP } from './air-gap-flow';
import type { KillPoint } from './air-gap-flow';
import { CONNECTED_FILE, isChange, practiceFor, SECRETS, sleepFor, stepName, withSession } from './azure-kill';
import type { AzureKillRequest } from './azure-kill';
import { clearStop, syncReliability } from './matrix';
import type { Area, Observed, Row } from './matrix';

// The fault matrix (issue 12, Evidence): every fault through the real services and the IPC dispatcher.
// Each cell asserts its outcome class (recovered, or stopped with a message and an action), that every
// hand-off recorded before the fault is intact, and that the kept token or key still works afterwards.
// The rows the cells record are docs/reliability.md; the last test fails when that file is out of date.

const rows: Row[] = [];
const machines: PracticeMachine[] = [];
afterAll(async () => {
  await Promise.all(machines.map((m) => m.runtime.dispose().catch(() => undefined)));
});

const DEV = { billingModel: 'Development', targetCloud: 'AzureCloud' } as const;
const REGISTRATION = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+$/i;
const LOCK = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i;
const ACTIVATION_KEY = /\/getactivationkey$/i;
const RESOURCE_GROUP = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/i;

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
const shortened = (f: (ms: number) => number): Sleep => (ms, signal) => delay(f(ms), undefined, signal ? { signal } : {});
/** Azure side: every wait (Retry-After, back-off) is shortened; the flows are the same, the clock is not. */
const hostSleep = shortened((ms) => Math.min(ms, 5));
/** Stamp side: the PEP retry back-off (10 s, 20 s) is shortened; the time limits (minutes) that race real answers stay. */
const stampSleep = shortened((ms) => (ms >= 10_000 && ms < 60_000 ? 5 : ms));

const machine = async (usb: string, extra: Partial<typeof FAST_PRACTICE> = {}, opts: Parameters<typeof startPracticeMachine>[2] = {}) => {
  const m = await startPracticeMachine(usb, { ...FAST_PRACTICE, ...extra }, { sleep: stampSleep, ...opts });
  machines.push(m);
  return m;
};

const observe = (outcome: OperationFinished['outcome'] | { ok: true } | { ok: false; problem: Extract<OperationFinished['outcome'], { ok: false }>['problem'] }): Observed =>
  outcome.ok ? { outcome: 'recovered' } : { outcome: 'stopped', problem: outcome.problem };

const runOp = async (m: PracticeMachine, req: unknown): Promise<OperationFinished['outcome']> => {
  const { operationId } = await m.call<{ operationId: string }>('operation.start', req);
  return (await m.finished(operationId)).outcome;
};

const STAGE_ORDER = new Map<string, number>(HANDOFF_STAGES.map((s, i) => [s, i]));

/** Every hand-off recorded before is still there, at the same or a later stage, with the same fingerprints. */
const expectIntact = async (m: PracticeMachine, before: HandoffSummary[]): Promise<void> => {
  const after = await m.call<HandoffSummary[]>('handoff.list', {});
  for (const b of before) {
    const a = after.find((h) => h.id === b.id);
    expect(a, `hand-off ${b.id} lost`).toBeDefined();
    expect(STAGE_ORDER.get(a?.stage ?? '') ?? -1).toBeGreaterThanOrEqual(STAGE_ORDER.get(b.stage) ?? 0);
    expect(a?.tokenFingerprint).toEqual(b.tokenFingerprint);
    if (b.keyFingerprint) expect(a?.keyFingerprint).toEqual(b.keyFingerprint);
  }
};

const record = (area: Area, fault: string, how: string, seen: Observed, kept: string): void => {
  if (seen.outcome === 'stopped') expect(clearStop(seen.problem), `${fault}: ${JSON.stringify(seen.problem)}`).toBe(true);
  rows.push({ area, fault, how, outcome: seen.outcome, code: seen.outcome === 'stopped' ? seen.problem.code : '', kept });
};

/** A token made on a practice stamp and saved to `usb`. */
const stampWithToken = async (usb: string, opts: Parameters<typeof startPracticeMachine>[2] = {}) => {
  const stamp = await machine(usb, {}, opts);
  const c = await stamp.call<PepConnected>('pep.connect', PEP);
  const created = await stamp.run<{ handoff: HandoffSummary; token: TokenPreview }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: DEV });
  return { stamp, session: c, created };
};

/** A host signed in to the practice Azure (armed with `faults`) that has read a token from a practice stamp. */
const hostWithToken = async (faults: FaultSpec[] = [], opts: Parameters<typeof startPracticeMachine>[2] = {}, stick?: string, azure: Partial<PracticeAzureSettings> = {}) => {
  const usb = stick ?? (await mkdtemp(join(tmpdir(), 'azs-usb-')));
  const { stamp, session, created } = await stampWithToken(usb);
  const drive = await stamp.call<{ id: string }>('handoff.addFolder', {});
  const saved = await stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
  const host = await machine(usb, { azureFaults: faults, azure: { ...FAST_PRACTICE.azure, ...azure } }, { sleep: hostSleep, ...opts });
  await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
  const read = await host.call<{ handoff: HandoffSummary }>('handoff.readTokenText', { text: await readFile(join(usb, saved.fileName), 'utf8') });
  const req = {
    kind: 'azure.register',
    handoffId: read.handoff.id,
    subscriptionId: subs.find((s) => s.state === 'Enabled')?.id,
    resourceGroup: 'azurestack',
    location: 'westcentralus',
    registrationName: suggestRegistrationName(session.stamp.cloudId),
  };
  return { usb, stamp, session, host, req, handoffId: read.handoff.id, before: await host.call<HandoffSummary[]>('handoff.list', {}) };
};

// ---------------------------------------------------------------------------------------------- Azure

type AzureCell = { fault: string; how: string; faults: FaultSpec[]; expect: 'recovered' | 'stopped'; code?: string; signInAgain?: boolean };

const AZURE_CELLS: AzureCell[] = [
  { fault: '429 throttled, passing', how: '429 + Retry-After on the registration PUT, twice', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 2 }], expect: 'recovered' },
  { fault: '429 throttled, lasting', how: '429 on every try of the registration PUT', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 5 }], expect: 'stopped', code: 'azure-throttled' },
  { fault: '5xx, passing', how: '503 on the activation key, 500 on the registration PUT, once each', faults: [{ kind: 'status', method: 'POST', pathPattern: ACTIVATION_KEY, status: 503 }, { kind: 'status', method: 'PUT', pathPattern: REGISTRATION, status: 500 }], expect: 'recovered' },
  { fault: '5xx, lasting', how: '503 on every try of the registration PUT', faults: [{ kind: 'status', method: 'PUT', pathPattern: REGISTRATION, status: 503, times: 5 }], expect: 'stopped', code: 'azure-unavailable' },
  { fault: 'connection reset', how: 'TCP reset on the registration PUT and on the activation key', faults: [{ kind: 'reset', method: 'PUT', pathPattern: REGISTRATION }, { kind: 'reset', method: 'POST', pathPattern: ACTIVATION_KEY }], expect: 'recovered' },
  { fault: '401 expired token', how: 'ExpiredAuthenticationToken on the registration PUT', faults: [{ kind: 'expired-token', method: 'PUT', pathPattern: REGISTRATION }], expect: 'stopped', code: 'azure-credential-expired', signInAgain: true },
  { fault: '403 forbidden', how: 'AuthorizationFailed on the registration PUT', faults: [{ kind: 'forbidden', method: 'PUT', pathPattern: REGISTRATION }], expect: 'stopped', code: 'azure-forbidden' },
  { fault: '403 on the delete lock', how: 'AuthorizationFailed on the lock PUT (locks/write missing)', faults: [{ kind: 'forbidden', method: 'PUT', pathPattern: LOCK }], expect: 'stopped', code: 'azure-lock-forbidden' },
  { fault: 'policy', how: 'RequestDisallowedByPolicy on creating the resource group (until the policy is changed)', faults: [{ kind: 'policy-denied', method: 'PUT', pathPattern: RESOURCE_GROUP, policy: 'Require a tag on resource groups' }], expect: 'stopped', code: 'azure-policy-denied' },
  { fault: 'provider not registered', how: 'MissingSubscriptionRegistration on the registration PUT', faults: [{ kind: 'missing-registration', method: 'PUT', pathPattern: REGISTRATION }], expect: 'stopped', code: 'azure-provider-unregistered' },
];

describe('fault matrix: Azure (register on the connected host)', () => {
  it.each(AZURE_CELLS)('$fault', async (cell) => {
    const h = await hostWithToken(cell.faults);
    const seen = observe(await runOp(h.host, h.req));
    expect(seen.outcome).toBe(cell.expect);
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(h.host, h.before);
    // The kept token: Register again (once the fault has passed) issues the key.
    if (cell.signInAgain) await h.host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const done = seen.outcome === 'recovered' ? null : await h.host.run<{ handoff: HandoffSummary; key: KeyPreview }>(h.req);
    const list = await h.host.call<HandoffSummary[]>('handoff.list', {});
    expect(list.find((x) => x.id === h.handoffId)).toMatchObject({ stage: 'key-issued', tokenFingerprint: h.before[0]?.tokenFingerprint });
    expect(done === null || done.handoff.stage === 'key-issued').toBe(true);
    record('Azure', cell.fault, cell.how, seen, seen.outcome === 'recovered' ? 'journal; key issued' : 'journal; token kept, Register again issued the key');
  });
});

describe('fault matrix: Azure conflicts (409)', () => {
  it('registration name already used by another stamp', async () => {
    const h = await hostWithToken();
    await h.host.run(h.req);
    // A second stamp's token, registered under the first stamp's registration name.
    const other = await stampWithToken(h.usb);
    const drive = await other.stamp.call<{ id: string }>('handoff.addFolder', {});
    const saved = await other.stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: other.created.handoff.id, driveId: drive.id });
    const read = await h.host.call<{ handoff: HandoffSummary }>('handoff.readTokenText', { text: await readFile(join(h.usb, saved.fileName), 'utf8') });
    const before = await h.host.call<HandoffSummary[]>('handoff.list', {});
    const seen = observe(await runOp(h.host, { ...h.req, handoffId: read.handoff.id }));
    expect(seen).toMatchObject({ outcome: 'stopped', problem: { code: expect.stringMatching(/^azure-/) } });
    await expectIntact(h.host, before);
    // The kept token registers under its own stamp's name.
    const done = await h.host.run<{ handoff: HandoffSummary }>({ ...h.req, handoffId: read.handoff.id, registrationName: suggestRegistrationName(other.session.stamp.cloudId) });
    expect(done.handoff).toMatchObject({ stage: 'key-issued', tokenFingerprint: other.created.token.fingerprint });
    record('Azure', 'conflict: name taken by another stamp', '409 CloudIdUpdateNotAllowed on the registration PUT', seen, 'journal; both tokens kept, the second registered under its own name');
  });

  it('cloud ID already registered elsewhere', async () => {
    const h = await hostWithToken();
    await h.host.run(h.req);
    const before = await h.host.call<HandoffSummary[]>('handoff.list', {});
    // The same token again, into another resource group under another name.
    const seen = observe(await runOp(h.host, { ...h.req, resourceGroup: 'azurestack-2', registrationName: `${h.req.registrationName}-2` }));
    expect(seen).toMatchObject({ outcome: 'stopped', problem: { code: expect.stringMatching(/^azure-/) } });
    await expectIntact(h.host, before);
    // Register again where it is: the existing registration is reused and the key issued.
    expect((await h.host.run<{ handoff: HandoffSummary }>(h.req)).handoff).toMatchObject({ stage: 'key-issued', tokenFingerprint: h.before[0]?.tokenFingerprint });
    record('Azure', 'conflict: cloud ID registered elsewhere', '409 CloudIdAlreadyRegistered on the registration PUT', seen, 'journal; token kept, Register again where it is reuses the registration');
  });
});

describe('fault matrix: Azure lock propagation (unregister right after lifting the delete lock)', () => {
  it.each([
    { fault: 'lock propagation, passing', how: 'ARM enforces the lifted lock for 20 s more (ScopeLocked on the DELETE)', seconds: 20, expect: 'recovered' as const },
    { fault: 'lock propagation, lasting', how: 'ARM enforces the lifted lock for an hour', seconds: 3600, expect: 'stopped' as const, code: 'azure-scope-locked' },
  ])('$fault', async (cell) => {
    // Virtual time: every wait moves the clock the practice Azure measures propagation with.
    let now = Date.now();
    const h = await hostWithToken([], { clock: { now: () => new Date(now) }, sleep: (ms, signal) => ((now += ms), hostSleep(ms, signal)) }, undefined, { lockPropagationSeconds: cell.seconds });
    await h.host.run(h.req);
    const before = await h.host.call<HandoffSummary[]>('handoff.list', {});
    const name = h.req.registrationName;
    const seen = observe(await runOp(h.host, { kind: 'azure.unregister', subscriptionId: h.req.subscriptionId, resourceGroup: 'azurestack', target: { by: 'name', registrationName: name }, confirmName: name }));
    expect(seen.outcome).toBe(cell.expect);
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(h.host, before);
    // Azure is left as the outcome says: gone, or still there (its lock put back).
    const regs = await h.host.call<{ name: string }[]>('azure.registrations', { subscriptionId: h.req.subscriptionId });
    expect(regs.some((r) => r.name === name)).toBe(cell.expect === 'stopped');
    record('Azure', cell.fault, cell.how, seen, cell.expect === 'stopped' ? 'journal; registration still in Azure with its lock put back' : 'journal; registration removed after the wait');
  });
});

// ---------------------------------------------------------------------------------------------- Files

type FileFault = 'ENOSPC' | 'EROFS' | 'pulled' | 'changed';
const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated, write`), { code });

/** node:fs/promises, with one fault armed on writes and read-backs under `dir`. */
const faultyFs = (dir: string) => {
  let fault: FileFault | undefined;
  const under = (p: unknown): boolean => typeof p === 'string' && p.startsWith(dir);
  const fs: HandoffFs = {
    ...fsp,
    open: (async (path: string, flags?: string) => {
      const handle = await fsp.open(path, flags);
      if (!under(path) || flags !== 'wx' || fault === undefined || fault === 'changed') return handle;
      const f = fault;
      fault = undefined;
      return new Proxy(handle, {
        get: (target, prop) => {
          if (prop === 'writeFile' || prop === 'write') {
            return async () => {
              if (f === 'pulled') await rm(dir, { recursive: true, force: true });
              throw errno(f === 'pulled' ? 'EIO' : f);
            };
          }
          const v = Reflect.get(target, prop, target) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }) as HandoffFs['open'],
    readFile: (async (path: Parameters<typeof fsp.readFile>[0], options?: Parameters<typeof fsp.readFile>[1]) => {
      const data = await (options === undefined ? fsp.readFile(path) : fsp.readFile(path, options));
      if (fault === 'changed' && under(path) && String(path).endsWith('.txt') && Buffer.isBuffer(data)) {
        fault = undefined;
        return Buffer.concat([data.subarray(0, Math.max(0, data.length - 4)), Buffer.from('XXXX')]);
      }
      return data;
    }) as HandoffFs['readFile'],
  };
  return { fs, arm: (f: FileFault) => (fault = f) };
};

type FileCell = { fault: string; how: string; arm: FileFault; code: string; side: 'token' | 'key' };
const FILE_CELLS: FileCell[] = [
  { fault: 'disk full (token)', how: 'ENOSPC writing the token to the stick', arm: 'ENOSPC', code: 'media-write-failed', side: 'token' },
  { fault: 'read-only media (token)', how: 'EROFS writing the token to the stick', arm: 'EROFS', code: 'media-write-failed', side: 'token' },
  { fault: 'media removed during a write (token)', how: 'the stick folder vanishes while the token is written', arm: 'pulled', code: 'media-missing', side: 'token' },
  { fault: 'file changed between write and read-back (token)', how: 'the read-back differs from the bytes written', arm: 'changed', code: 'media-verify-failed', side: 'token' },
  { fault: 'disk full (key)', how: 'ENOSPC writing the activation key to the stick', arm: 'ENOSPC', code: 'media-write-failed', side: 'key' },
  { fault: 'media removed during a write (key)', how: 'the stick folder vanishes while the key is written', arm: 'pulled', code: 'media-missing', side: 'key' },
  { fault: 'file changed between write and read-back (key)', how: 'the read-back differs from the bytes written', arm: 'changed', code: 'media-verify-failed', side: 'key' },
];

const stickContents = async (dir: string): Promise<string[]> => (await readdir(dir).catch(() => [] as string[])).sort();

describe('fault matrix: files (saving to the USB stick)', () => {
  it.each(FILE_CELLS)('$fault', async (cell) => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const faulty = faultyFs(usb);
    let m: PracticeMachine;
    let handoffId: string;
    let fingerprint: string | undefined;
    const channel = cell.side === 'token' ? 'handoff.saveToken' : 'handoff.saveKey';
    if (cell.side === 'token') {
      const s = await stampWithToken(usb, { handoffFs: faulty.fs });
      m = s.stamp;
      handoffId = s.created.handoff.id;
      fingerprint = s.created.token.fingerprint;
    } else {
      const h = await hostWithToken([], { handoffFs: faulty.fs }, usb);
      m = h.host;
      handoffId = h.handoffId;
      const reg = await m.run<{ key: KeyPreview }>(h.req);
      fingerprint = reg.key.fingerprint;
    }
    const before = await m.call<HandoffSummary[]>('handoff.list', {});
    const stickBefore = await stickContents(usb);
    const drive = await m.call<{ id: string }>('handoff.addFolder', {});
    faulty.arm(cell.arm);
    const res = await m.runtime.dispatch(channel, { handoffId, driveId: drive.id });
    const seen = observe(res.ok ? { ok: true } : { ok: false, problem: res.problem });
    expect(seen.outcome).toBe('stopped');
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(m, before);
    // Nothing half-written is left for someone to carry away.
    expect(await stickContents(usb)).toEqual(cell.arm === 'pulled' ? [] : stickBefore);
    // The stick is back (or another one is used): the kept token or key is saved, byte for byte the same.
    await mkdir(usb, { recursive: true });
    const again = await m.call<{ fingerprint: string; fileName: string }>(channel, { handoffId, driveId: drive.id });
    expect(again.fingerprint).toBe(fingerprint);
    record('Files', cell.fault, cell.how, seen, `journal; ${cell.side} kept and saved again with the same fingerprint; no partial file left`);
  });
});

describe('fault matrix: files (reading a damaged hand-off file)', () => {
  it.each([
    { fault: 'token file cut short', how: 'the token on the stick lost its second half (copied while being written)', damage: (t: string) => t.slice(0, Math.floor(t.length / 2)) },
    { fault: 'token file edited', how: 'one character of the token on the stick changed', damage: (t: string) => `${t.slice(0, 40)}${t[40] === 'A' ? 'B' : 'A'}${t.slice(41)}` },
  ])('$fault', async (cell) => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const { stamp, created } = await stampWithToken(usb);
    const stampDrive = await stamp.call<{ id: string }>('handoff.addFolder', {});
    const saved = await stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: stampDrive.id });
    const path = join(usb, saved.fileName);
    const good = await readFile(path, 'utf8');
    await writeFile(path, cell.damage(good));
    const host = await machine(usb, {}, { sleep: hostSleep });
    const hostDrive = await host.call<{ id: string }>('handoff.addFolder', {});
    const res = await host.runtime.dispatch('handoff.readToken', { driveId: hostDrive.id, file: saved.fileName });
    const seen = observe(res.ok ? { ok: true } : { ok: false, problem: res.problem });
    expect(seen.outcome).toBe('stopped');
    // Nothing of the damaged file was taken in; the stamp still has the token and saves it again.
    expect(await host.call<HandoffSummary[]>('handoff.list', {})).toEqual([]);
    await expectIntact(stamp, await stamp.call<HandoffSummary[]>('handoff.list', {}));
    const again = await stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: stampDrive.id });
    const read = await host.call<{ token: TokenPreview }>('handoff.readToken', { driveId: hostDrive.id, file: again.fileName });
    expect(read.token.fingerprint).toBe(created.token.fingerprint);
    record('Files', cell.fault, cell.how, seen, 'host journal took nothing in; the stamp kept the token and saved it again, read with the same fingerprint');
  });
});

// ------------------------------------------------------------------------------------------------ PEP

describe('fault matrix: PEP (practice stamp)', () => {
  it.each([
    { fault: 'unreachable', how: 'no ERCS address answers (WinRMOperationTimeout)', connect: { ...PEP, hosts: ['10.99.0.1', '10.99.0.2'] }, code: 'pep-unreachable' },
    { fault: 'access denied', how: 'a password the PEP refuses', connect: { ...PEP, password: 'Wrong-Password-1' }, code: 'pep-access-denied' },
  ])('$fault', async (cell) => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const { stamp, created } = await stampWithToken(usb);
    const before = await stamp.call<HandoffSummary[]>('handoff.list', {});
    const res = await stamp.runtime.dispatch('pep.connect', cell.connect);
    const seen = observe(res.ok ? { ok: true } : { ok: false, problem: res.problem });
    expect(seen.outcome).toBe('stopped');
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(stamp, before);
    const drive = await stamp.call<{ id: string }>('handoff.addFolder', {});
    const saved = await stamp.call<{ fingerprint: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
    expect(saved.fingerprint).toBe(created.token.fingerprint);
    record('PEP', cell.fault, cell.how, seen, 'journal; the token made before is saved with the same fingerprint');
  });
});

describe('fault matrix: PEP, a stamp-changing command cut off (practice stamp)', () => {
  it('session dropped during activation', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const stamp = await machine(usb, { stamp: { ...FAST_PRACTICE.stamp, faults: { sessionDropsDuringActivation: true } } });
    const host = await machine(usb, {}, { sleep: hostSleep });
    // The procedure up to the key read on the stamp.
    const reached = new Error('key read');
    await expect(advance(stamp, host, { starting: async () => undefined, done: async (p) => { if (p === 'key-received') throw reached; } })).rejects.toBe(reached);
    const before = await handoffs(stamp);
    const [handoff] = before;
    const { operationId } = await stamp.call<{ operationId: string }>('operation.start', {
      kind: 'stamp.activate',
      sessionId: (await stamp.call<PepConnected>('pep.connect', PEP)).sessionId,
      handoffId: handoff?.id,
    });
    const end = await stamp.finished(operationId);
    // Never retried, never called a failure: the stamp may have done it.
    expect(end.status).toBe('outcome-unknown');
    const seen = observe(end.outcome);
    expect(seen).toMatchObject({ outcome: 'stopped', problem: { code: 'pep-outcome-unknown' } });
    await expectIntact(stamp, before);
    expect((await handoffs(stamp))[0]).toMatchObject({ stage: 'activating', keyFingerprint: handoff?.keyFingerprint });
    // The check (the portal) settles it: the operator closes the hand-off.
    expect(await stamp.call<HandoffSummary>('handoff.confirmActivated', { handoffId: handoff?.id })).toMatchObject({ stage: 'activated', complete: true });
    record('PEP', 'dropped during activation (stamp-changing)', 'the session breaks while New-AzureStackActivation runs', seen, 'journal; hand-off kept at activating with its key; outcome unknown, not retried; closed after the check');
  });
});

const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');

/** The live composition, its PowerShell a stand-in running test/fixtures/fake-pep-host.mjs with `scenario`. */
const liveWithFakeHost = async (scenario: string, sleep: (ms: number, signal?: AbortSignal) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'azs-fakepwsh-'));
  const pwsh = join(dir, 'pwsh');
  const probe = `if [ "$4" = "-Command" ]; then printf '7.4.6\\nCore\\n'; exit 0; fi\n`;
  await writeFile(pwsh, `#!/bin/sh\n${probe}exec '${process.execPath}' '${FAKE_HOST}' --scenario=${scenario} --record='${join(dir, 'record.jsonl')}'\n`);
  await chmod(pwsh, 0o755);
  await writeFile(join(dir, 'record.jsonl'), '');
  const dataDir = await mkdtemp(join(tmpdir(), 'azs-live-'));
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ mode: 'live', powershell: { kind: 'pwsh', path: pwsh }, registrationApiVersion: '2017-06-01' }));
  const m = await startPracticeMachine(dir, FAST_PRACTICE, {
    dataDir,
    sleep,
    pepHostSha256: scriptDigest(await readFile(join(RESOURCES, 'pep-host.ps1'))),
    platform: 'linux',
  });
  machines.push(m);
  return m;
};

describe('fault matrix: PEP transport (live composition, stand-in PowerShell host)', () => {
  const MINUTE = 60_000;
  it.each([
    { fault: 'dropped mid-command', how: 'the host closes its output during a command', scenario: 'stdout-close', code: 'pep-host-crashed', sleep: stampSleep },
    { fault: 'crash', how: 'the host process exits during a command', scenario: 'crash', code: 'pep-host-crashed', sleep: stampSleep },
    // The stamp-information time limit (10 minutes) elapses at once here; the other limits stay real.
    { fault: 'timeout', how: 'the host never answers a command (time limit elapses)', scenario: 'hang-deaf', code: 'timeout', sleep: shortened((ms) => (ms === 10 * MINUTE ? 20 : ms >= 10_000 && ms < MINUTE ? 5 : ms)) },
  ])('$fault', async (cell) => {
    const m = await liveWithFakeHost(cell.scenario, cell.sleep);
    expect(m.runtime.info().mode).toBe('live');
    const before = await m.call<HandoffSummary[]>('handoff.list', {});
    const connected = await m.runtime.dispatch('pep.connect', PEP);
    let seen: Observed;
    if (!connected.ok) seen = observe({ ok: false, problem: connected.problem });
    else seen = observe(await runOp(m, { kind: 'stamp.createToken', sessionId: (connected.value as PepConnected).sessionId, choices: DEV }));
    expect(seen.outcome).toBe('stopped');
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(m, before);
    expect(await m.call<HandoffSummary[]>('handoff.list', {})).toHaveLength(before.length);
    record('PEP', cell.fault, cell.how, seen, 'journal (no hand-off was started); the app keeps running');
  });
});

// ---------------------------------------------------------------------------------- killed and restarted

const CHILD_DIR = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', `azs-evidence-${process.pid}`);
/** A kill cell starts a child app, restarts on its folders and finishes the flow: several compositions each. */
const KILL_CELL_MS = 90_000;
let bundled: Promise<unknown> | undefined;
/** The children run the same TypeScript as the tests: bundled once (rolldown), packages left to node_modules. */
const bundleChildren = async (): Promise<void> => {
  await (bundled ??= build({
    input: { 'flow-child': join(import.meta.dirname, 'flow-child.ts'), 'azure-child': join(import.meta.dirname, 'azure-child.ts') },
    platform: 'node',
    external: [/^[^./]/],
    output: { dir: CHILD_DIR, format: 'esm' },
    logLevel: 'warn',
  }));
};
afterAll(async () => {
  await rm(CHILD_DIR, { recursive: true, force: true });
});
const noMarks = { starting: async () => undefined, done: async () => undefined };
type Acknowledged = { stamp: HandoffSummary[]; host: HandoffSummary[] };

/** Runs `child` with `args` until it prints STOPPED (then kills it, SIGKILL) or FINISHED; returns that line's JSON. */
const runChild = async <T>(child: string, args: string[]): Promise<{ stopped: boolean; value: T }> => {
  const proc = spawn(process.execPath, [join(CHILD_DIR, `${child}.js`), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let result: { stopped: boolean; value: T } | undefined;
  for await (const line of createInterface({ input: proc.stdout })) {
    const [word] = line.split(' ', 1);
    if (word === 'STOPPED' || word === 'FINISHED') {
      const payload = line.slice((word?.length ?? 0) + 1);
      result = { stopped: word === 'STOPPED', value: (payload ? JSON.parse(payload) : undefined) as T };
      if (result.stopped) proc.kill('SIGKILL');
      break;
    }
  }
  await exited;
  if (!result) throw new Error(`${child} ended without an answer: ${stderr}`);
  return result;
};

/** Runs the procedure in a child process (the app), kills it (SIGKILL) at `point`, returns what it had acknowledged. */
const killAt = async (point: KillPoint, stampDir: string, hostDir: string, usb: string): Promise<Acknowledged> => {
  const child = await runChild<{ acknowledged: Acknowledged } | undefined>('flow-child', [stampDir, hostDir, usb, point]);
  if (!child.stopped || !child.value) throw new Error(`The app never reached ${point}.`);
  return child.value.acknowledged;
};

describe('fault matrix: the app killed at each step of the air-gap procedure, then restarted', () => {
  beforeAll(bundleChildren);

  // Each cell has its own folders and processes: they run side by side.
  it.concurrent.each(KILL_POINTS.map((point) => ({ point })))('killed at $point', async ({ point }) => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const stampDir = await mkdtemp(join(tmpdir(), 'azs-killed-stamp-'));
    const hostDir = await mkdtemp(join(tmpdir(), 'azs-killed-host-'));
    const acknowledged = await killAt(point, stampDir, hostDir, usb);

    // A fresh composition on each data folder: everything acknowledged before the kill is there.
    const stamp = await machine(usb, {}, { dataDir: stampDir });
    const host = await machine(usb, {}, { dataDir: hostDir, sleep: hostSleep });
    await expectIntact(stamp, acknowledged.stamp);
    await expectIntact(host, acknowledged.host);
    // An operation the kill cut short is reported as interrupted, with what to do.
    const ops = [...(await stamp.call<OperationSnapshot[]>('operation.list', {})), ...(await host.call<OperationSnapshot[]>('operation.list', {}))];
    const interrupted = ops.filter((o) => o.status === 'interrupted');
    if (point.endsWith(':running')) {
      expect(interrupted.map((o) => o.kind)).toEqual([point.replace(/:running$/, '')]);
      const problem = interrupted[0]?.finished?.outcome.ok === false ? interrupted[0].finished.outcome.problem : undefined;
      expect(problem && clearStop(problem)).toBe(true);
    } else {
      expect(interrupted).toEqual([]);
    }

    // The procedure then finishes from where the journals say it stood, with the same token and key.
    await advance(stamp, host, noMarks);
    const [s] = await handoffs(stamp);
    const [h] = await handoffs(host);
    expect(s).toMatchObject({ stage: 'activated', complete: true });
    expect(h).toMatchObject({ stage: 'activation-confirmed', complete: true, tokenFingerprint: s?.tokenFingerprint, keyFingerprint: s?.keyFingerprint });
    for (const before of [...acknowledged.stamp, ...acknowledged.host]) {
      expect([s?.id, h?.id]).toContain(before.id);
    }
    record(
      'Killed and restarted',
      `killed at ${point}`,
      point.endsWith(':running') ? `SIGKILL while ${point.replace(/:running$/, '')} runs` : `SIGKILL once the journal holds ${point}`,
      { outcome: 'recovered' },
      `journal as acknowledged${point.endsWith(':running') ? '; the cut operation shown as interrupted' : ''}; the procedure finished with the same token and key`,
    );
  }, KILL_CELL_MS);
});

// ------------------------------------------------- killed at each Azure or stamp step, then restarted

/** The flows killed at each step; unregister by token is unregister found by the hand-off's cloud ID. */
type KillFlow = 'azure.unregister' | 'azure.unregister by token' | 'azure.move' | 'azure.createRole' | 'connected.register' | 'registration.remove';
/** The steps that change Azure or the stamp, in order; each is a kill point (the list is checked against a run). */
const KILL_STEPS: Record<KillFlow, string[]> = {
  'azure.unregister': ['DELETE lock', 'DELETE registration'],
  'azure.unregister by token': ['DELETE lock', 'DELETE registration'],
  'azure.move': ['PUT resource group', 'DELETE lock', 'POST validateMoveResources', 'POST moveResources', 'PUT lock'],
  'azure.createRole': ['PUT role definition', 'PUT role assignment'],
  'connected.register': [
    'Set-RegistrationKeyPair',
    'New-AzureBridgeServicePrincipal',
    'New-RegistrationToken',
    'POST provider registration',
    'PUT resource group',
    'PUT registration',
    'PUT lock',
    'PUT role assignment',
    'New-AzureStackActivation',
  ],
  'registration.remove': ['Remove-AzureStackActivation', 'DELETE lock', 'DELETE registration'],
};
const MOVED_TO = 'azurestack-moved';
/** The practice Pay-As-You-Go subscription: the connected cells register there. */
const PAYG = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';

type AzureTemplate = { flow: KillFlow; hostDir: string; usb: string; state: WorldState; request: AzureKillRequest; name: string; cloudId?: string };
const templates = new Map<KillFlow, Promise<AzureTemplate>>();

type Registered = { hostDir: string; usb: string; state: WorldState; subscriptionId: string; name: string; handoffId: string };
let registered: Promise<Registered> | undefined;
/** One host that registered a stamp, shared by the unregister and move cells (each runs on a copy). */
const registeredHost = (): Promise<Registered> =>
  (registered ??= (async () => {
    const hostDir = await mkdtemp(join(tmpdir(), 'azs-kill-template-'));
    const h = await hostWithToken([], { dataDir: hostDir });
    await h.host.run(h.req);
    const azure = await h.host.runtime.practiceAzure();
    if (!azure) throw new Error('no practice Azure');
    const state = azure.state.take();
    await h.host.runtime.dispose();
    return { hostDir, usb: h.usb, state, subscriptionId: h.req.subscriptionId ?? '', name: h.req.registrationName, handoffId: h.handoffId };
  })());

/** A fresh machine on its own data folder, signed in; `prepare` runs on it before its Azure state is taken. */
const templateHost = async (flow: KillFlow, prepare: (m: PracticeMachine, hostDir: string) => Promise<Omit<AzureTemplate, 'flow' | 'hostDir' | 'usb' | 'state'>>, from?: AzureTemplate): Promise<AzureTemplate> => {
  const hostDir = from ? await copyOf(from.hostDir) : await mkdtemp(join(tmpdir(), 'azs-kill-template-'));
  const usb = from?.usb ?? (await mkdtemp(join(tmpdir(), 'azs-usb-')));
  const kind = flow === 'registration.remove' ? 'connected.register' : (flow as AzureKillRequest['kind']);
  const m = await machine(usb, practiceFor(kind), { dataDir: hostDir, sleep: sleepFor(kind) });
  await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const azure = await m.runtime.practiceAzure();
  if (!azure) throw new Error('no practice Azure');
  if (from) azure.state.put(from.state);
  const made = await prepare(m, hostDir);
  const state = azure.state.take();
  await m.runtime.dispose();
  return { flow, hostDir, usb, state, ...made };
};

/** A host data folder and the Azure (and practice stamp) it works with, before the flow runs (made once per flow). */
const azureTemplate = (flow: KillFlow): Promise<AzureTemplate> => {
  const made = templates.get(flow) ?? (async (): Promise<AzureTemplate> => {
    switch (flow) {
      case 'azure.unregister':
      case 'azure.unregister by token':
      case 'azure.move': {
        const { hostDir, usb, state, subscriptionId, name, handoffId } = await registeredHost();
        const request: AzureKillRequest =
          flow === 'azure.move'
            ? { kind: flow, subscriptionId, resourceGroup: 'azurestack', registrationName: name, targetResourceGroup: MOVED_TO }
            : flow === 'azure.unregister'
              ? { kind: flow, subscriptionId, resourceGroup: 'azurestack', target: { by: 'name', registrationName: name }, confirmName: name }
              : // The Unregister screen's "by token" path, searching the whole subscription for the hand-off's cloud ID.
                { kind: 'azure.unregister', subscriptionId, target: { by: 'token', handoffId }, confirmName: name };
        return { flow, hostDir, usb, state, request, name };
      }
      case 'azure.createRole':
        return templateHost(flow, async (m) => {
          const subs = await m.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
          return { request: { kind: flow, subscriptionId: subs.find((x) => x.state === 'Enabled')?.id ?? '' }, name: '' };
        });
      case 'connected.register':
        // The practice stamp's identity is made here and kept in the data folder, as a real stamp keeps its own.
        return templateHost(flow, async (m) => {
          const { stamp } = await m.call<PepConnected>('pep.connect', { ...PEP, password: SECRETS.pepPassword });
          const name = suggestRegistrationName(stamp.cloudId);
          const request: AzureKillRequest = {
            kind: flow,
            purpose: 'register',
            subscriptionId: PAYG,
            resourceGroup: 'azurestack',
            location: 'westcentralus',
            registrationName: name,
            choices: { billingModel: 'PayAsYouUse', targetCloud: 'AzureCloud' },
          };
          return { request, name, cloudId: stamp.cloudId };
        });
      case 'registration.remove': {
        // A stamp registered and activated by the connected flow, then removed.
        const registeredStamp = await azureTemplate('connected.register');
        return templateHost(
          flow,
          async (m) => {
            await m.run(await withSession(m, registeredStamp.request));
            const { name } = registeredStamp;
            return { request: { kind: flow, subscriptionId: PAYG, resourceGroup: 'azurestack', registrationName: name, confirmName: name, stampDeactivated: false }, name };
          },
          registeredStamp,
        );
      }
    }
  })();
  templates.set(flow, made);
  return made;
};

type HostOptions = Parameters<typeof startPracticeMachine>[2] & { azure?: Partial<PracticeAzureSettings> };
/** A host on a copy of the template's data folder, signed in, its practice Azure holding `state`. */
const hostOn = async (t: AzureTemplate, dataDir: string, state: WorldState, { azure: settings, ...opts }: HostOptions = {}) => {
  const practice = practiceFor(t.request.kind);
  const m = await machine(t.usb, settings ? { ...practice, azure: { ...practice.azure, ...settings } } : practice, { dataDir, sleep: sleepFor(t.request.kind), ...opts });
  await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
  const azure = await m.runtime.practiceAzure();
  if (!azure) throw new Error('no practice Azure');
  azure.state.put(state);
  return { m, azure };
};

const copyOf = async (dir: string): Promise<string> => {
  const to = await mkdtemp(join(tmpdir(), 'azs-kill-host-'));
  await cp(dir, to, { recursive: true });
  return to;
};

const runAzure = async (m: PracticeMachine, request: AzureKillRequest): Promise<Observed> => {
  if (request.kind !== 'azure.createRole') return observe(await runOp(m, await withSession(m, request)));
  const res = await m.runtime.dispatch('azure.createRole', { subscriptionId: request.subscriptionId });
  return observe(res.ok ? { ok: true } : { ok: false, problem: res.problem });
};

/** Files under `dir` holding one of the connected cells' sentinel secrets. */
const secretsOnDisk = async (dir: string): Promise<string[]> => {
  const hits: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const data = await readFile(join(dir, name)).catch(() => undefined);
    for (const secret of Object.values(SECRETS)) if (data?.includes(secret)) hits.push(`${name}: ${secret}`);
  }
  return hits;
};

/** The connected step record file: readable, and what the app lists. */
const expectConnectedFile = async (m: PracticeMachine, dataDir: string): Promise<ConnectedRecord[]> => {
  const text = await readFile(join(dataDir, CONNECTED_FILE), 'utf8').catch(() => null);
  const listed = await m.call<ConnectedRecord[]>('connected.records', {});
  if (text === null) {
    expect(listed).toEqual([]);
    return [];
  }
  const file = JSON.parse(text) as { version: number; records: ConnectedRecord[] };
  expect(file.version).toBe(1);
  expect([...listed].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...file.records].sort((a, b) => a.id.localeCompare(b.id)));
  return listed;
};

/** Azure (and the stamp) as the flow means to leave them: what every cell checks once the operator ran it again. */
const expectAzureDone = async (t: AzureTemplate, m: PracticeMachine, azure: WorldSnapshot): Promise<string> => {
  const regs = azure.registrations.filter((r) => r.name === t.name);
  const locksOn = (rg: string) => azure.locks.filter((l) => l.scope.toLowerCase().endsWith(`/resourcegroups/${rg}/providers/microsoft.azurestack/registrations/${t.name}`.toLowerCase()));
  const stamp = await m.runtime.services().practice?.stamp.state();
  switch (t.request.kind) {
    case 'azure.unregister':
      expect(regs).toEqual([]);
      return 'registration removed';
    case 'azure.move':
      expect(regs.map((r) => r.resourceGroup)).toEqual([MOVED_TO]);
      expect(locksOn(MOVED_TO), 'the moved registration has its delete lock').toHaveLength(1);
      return `registration in ${MOVED_TO} with its delete lock`;
    case 'azure.createRole': {
      const roles = azure.roleDefinitions.filter((d) => d.properties['roleName'] === ROLE_NAME);
      expect(roles).toHaveLength(1);
      expect(azure.roleAssignments.filter((a) => String(a.properties['roleDefinitionId']).endsWith(roles[0]?.name ?? '?'))).toHaveLength(1);
      return 'one role, one assignment (no duplicate)';
    }
    case 'connected.register': {
      expect(regs.map((r) => [r.resourceGroup, r.cloudId])).toEqual([['azurestack', stamp?.cloudId]]);
      expect(locksOn('azurestack')).toHaveLength(1);
      const owner = azure.roleAssignments.filter((a) => String(a.properties['roleDefinitionId']).endsWith(REGISTRATION_OWNER_ROLE_ID));
      expect(owner.map((a) => a.properties['principalId'])).toEqual([stamp?.bridgeObjectId]);
      expect(stamp?.activation?.record.properties.azureRegistrationResourceIdentifier.toLowerCase()).toBe(`/subscriptions/${PAYG}/resourcegroups/azurestack/providers/microsoft.azurestack/registrations/${t.name}`.toLowerCase());
      return 'one registration, one lock, one Registration Owner assignment; the stamp holds one activation, for it';
    }
    case 'registration.remove':
      expect(regs).toEqual([]);
      expect(locksOn('azurestack')).toEqual([]);
      expect(stamp?.activation).toBeUndefined();
      return 'registration and its lock removed; the stamp deactivated';
  }
};

describe('fault matrix: the app killed at each step of unregister, move, role creation, connected registration and connected removal, then restarted', () => {
  beforeAll(bundleChildren);

  it.each(Object.keys(KILL_STEPS) as KillFlow[])('%s changes Azure or the stamp in the steps the cells kill at', async (flow) => {
    const t = await azureTemplate(flow);
    const steps: string[] = [];
    let counting = false;
    const { m } = await hostOn(t, await copyOf(t.hostDir), t.state, {
      onLog: (l) => {
        if (counting && isChange(l.message, l.data)) steps.push(stepName(l.data));
      },
    });
    counting = true;
    expect(await runAzure(m, t.request)).toEqual({ outcome: 'recovered' });
    expect(steps).toEqual(KILL_STEPS[flow]);
  });

  it('the secret sweep finds a sentinel written anywhere in a data folder (so it can fail)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'azs-sweep-'));
    await mkdir(join(dir, 'logs'), { recursive: true });
    await writeFile(join(dir, 'logs', 'main.log'), `refresh=${SECRETS.refreshToken}`);
    expect(await secretsOnDisk(dir)).toEqual([`${join('logs', 'main.log')}: ${SECRETS.refreshToken}`]);
  });

  const cells = (Object.entries(KILL_STEPS) as [KillFlow, string[]][]).flatMap(([flow, steps]) => steps.map((step, i) => ({ flow, step, n: i + 1 })));
  it.concurrent.each(cells)('killed at $flow after $step', async ({ flow, step, n }) => {
    const t = await azureTemplate(flow);
    const kind = t.request.kind;
    const connected = kind === 'connected.register' || kind === 'registration.remove';
    const dataDir = await copyOf(t.hostDir);
    const files = await mkdtemp(join(tmpdir(), 'azs-kill-args-'));
    await writeFile(join(files, 'state.json'), JSON.stringify(t.state));
    await writeFile(join(files, 'request.json'), JSON.stringify(t.request));
    const child = await runChild<{ acknowledged: HandoffSummary[]; connected: string | null; azure: WorldState }>('azure-child', [dataDir, t.usb, join(files, 'state.json'), join(files, 'request.json'), String(n)]);
    expect(child.stopped, `the child finished before change ${n}`).toBe(true);
    // Nothing secret was written before the kill.
    if (connected) expect(await secretsOnDisk(dataDir)).toEqual([]);

    // The app restarts on its data folder (its practice stamp's state is there); Azure kept what it had done.
    const { m, azure } = await hostOn(t, dataDir, child.value.azure);
    await expectIntact(m, child.value.acknowledged);
    if (connected) {
      // The step record is whole and as it was on disk at the kill.
      expect(await readFile(join(dataDir, CONNECTED_FILE), 'utf8').catch(() => null)).toBe(child.value.connected);
      await expectConnectedFile(m, dataDir);
    }
    const interrupted = (await m.call<OperationSnapshot[]>('operation.list', {})).filter((o) => o.status === 'interrupted');
    if (kind === 'azure.createRole') expect(interrupted).toEqual([]);
    else {
      expect(interrupted.map((o) => o.kind)).toEqual([kind]);
      const problem = interrupted[0]?.finished?.outcome.ok === false ? interrupted[0].finished.outcome.problem : undefined;
      expect(problem && clearStop(problem)).toBe(true);
    }
    // The operator runs it again.
    const seen = await runAzure(m, t.request);
    if (seen.outcome === 'stopped') expect(clearStop(seen.problem), JSON.stringify(seen.problem)).toBe(true);
    // The connected flows finish on a re-run, whatever the kill cut: the removal remembers the stamp's deactivation.
    if (connected) expect(seen, JSON.stringify(seen)).toEqual({ outcome: 'recovered' });
    // So does Unregister: after a kill past the DELETE, Azure has no registration and the interrupted run is what deleted it.
    if (kind === 'azure.unregister') {
      expect(seen, JSON.stringify(seen)).toEqual({ outcome: 'recovered' });
      expect(m.runtime.services().journal.interruptedOperations(), 'the interrupted Unregister is settled').toEqual([]);
    }
    // The re-run activates the stamp once (after a kill right after the activation, once more: the PEP cannot tell the app it was done).
    const ran = (cmd: string) => m.log.lines.filter((l) => l.message === 'practice stamp: answered' && l.data?.['cmd'] === cmd).length;
    if (kind === 'connected.register') expect(ran('New-AzureStackActivation')).toBe(1);
    const done = await expectAzureDone(t, m, azure.state.snapshot());
    await expectIntact(m, child.value.acknowledged);
    if (connected) {
      const records = await expectConnectedFile(m, dataDir);
      if (kind === 'connected.register') expect(records.find((r) => r.registrationName === t.name)).toMatchObject({ completedAt: expect.any(String) });
      expect(await secretsOnDisk(dataDir)).toEqual([]);
    }
    const what = /^[A-Z][a-z]+-/.test(step) ? `the stamp has done ${step}` : `Azure has done ${step}`;
    const again = kind === 'azure.createRole' ? 'Create role' : 'the operation';
    record(
      'Killed and restarted',
      `killed at ${flow} after ${step}`,
      `SIGKILL once ${what} (the app never read the answer); restarted, then ${again} run again`,
      seen,
      `journal as acknowledged${kind === 'azure.createRole' ? '' : '; the cut operation shown as interrupted'}${kind === 'azure.unregister' ? ', then settled by the re-run' : ''}${connected ? '; connected.json whole, no secret on disk' : ''}; ${connected ? 'Azure and stamp' : 'Azure'}: ${done}`,
    );
  }, KILL_CELL_MS);
});

// ------------------------------------------------------------------ Azure faults on move and role creation

const MOVE_RESOURCES = /\/moveResources$/i;
const VALIDATE_MOVE = /\/validateMoveResources$/i;
const ROLE_DEFINITION = /\/roleDefinitions\/[^/]+$/i;
const ROLE_ASSIGNMENT = /\/roleAssignments\/[^/]+$/i;

type FlowFaultCell = {
  flow: 'azure.move' | 'azure.createRole' | 'connected.register' | 'registration.remove';
  fault: string;
  how: string;
  faults?: FaultSpec[];
  /** Practice Azure settings for the cell (lock propagation). */
  azure?: Partial<PracticeAzureSettings>;
  /** Changes Azure's state before the flow runs (a conflict). */
  arrange?: (state: WorldState, t: AzureTemplate) => WorldState;
  expect: 'recovered' | 'stopped';
  code?: string;
  signInAgain?: boolean;
  /** The fault lasts (propagation for an hour): Azure must be left as it was, not finished by a second run. */
  lasting?: boolean;
};

const FLOW_FAULT_CELLS: FlowFaultCell[] = [
  { flow: 'azure.move', fault: '429 throttled, passing', how: '429 + Retry-After on moveResources, twice', faults: [{ kind: 'throttle', method: 'POST', pathPattern: MOVE_RESOURCES, retryAfterSeconds: 5, times: 2 }], expect: 'recovered' },
  { flow: 'azure.move', fault: '429 throttled, lasting', how: '429 on every try of moveResources', faults: [{ kind: 'throttle', method: 'POST', pathPattern: MOVE_RESOURCES, retryAfterSeconds: 5, times: 9 }], expect: 'stopped', code: 'azure-throttled' },
  { flow: 'azure.move', fault: '5xx, passing', how: '503 on validateMoveResources and on moveResources, once each', faults: [{ kind: 'status', method: 'POST', pathPattern: VALIDATE_MOVE, status: 503 }, { kind: 'status', method: 'POST', pathPattern: MOVE_RESOURCES, status: 503 }], expect: 'recovered' },
  { flow: 'azure.move', fault: '5xx on the move itself', how: '500 on moveResources (it may have started: never repeated)', faults: [{ kind: 'status', method: 'POST', pathPattern: MOVE_RESOURCES, status: 500 }], expect: 'stopped', code: 'azure-outcome-unknown' },
  { flow: 'azure.move', fault: 'connection reset', how: 'TCP reset on moveResources (it may have started: never repeated)', faults: [{ kind: 'reset', method: 'POST', pathPattern: MOVE_RESOURCES }], expect: 'stopped', code: 'azure-outcome-unknown' },
  { flow: 'azure.move', fault: '401 expired token', how: 'ExpiredAuthenticationToken on validateMoveResources', faults: [{ kind: 'expired-token', method: 'POST', pathPattern: VALIDATE_MOVE }], expect: 'stopped', code: 'azure-credential-expired', signInAgain: true },
  { flow: 'azure.move', fault: '403 forbidden', how: 'AuthorizationFailed on moveResources', faults: [{ kind: 'forbidden', method: 'POST', pathPattern: MOVE_RESOURCES }], expect: 'stopped', code: 'azure-forbidden' },
  { flow: 'azure.move', fault: 'policy', how: 'RequestDisallowedByPolicy on creating the target resource group', faults: [{ kind: 'policy-denied', method: 'PUT', pathPattern: RESOURCE_GROUP }], expect: 'stopped', code: 'azure-policy-denied' },
  {
    flow: 'azure.move',
    fault: 'conflict: name taken in the target group',
    how: '409 ResourceExistsInTargetResourceGroup from validateMoveResources',
    arrange: (state) => {
      const [r] = state.registrations;
      return r ? { ...state, resourceGroups: [...state.resourceGroups, { subscriptionId: r.subscriptionId, name: MOVED_TO, location: 'westcentralus' }], registrations: [...state.registrations, { ...r, resourceGroup: MOVED_TO }] } : state;
    },
    expect: 'stopped',
    code: 'azure-failed',
  },
  { flow: 'azure.move', fault: 'lock propagation, passing', how: 'ARM enforces the lifted lock for 20 s more (ScopeLocked on validateMoveResources)', azure: { lockPropagationSeconds: 20 }, expect: 'recovered' },
  { flow: 'azure.move', fault: 'lock propagation, lasting', how: 'ARM enforces the lifted lock for an hour', azure: { lockPropagationSeconds: 3600 }, expect: 'stopped', code: 'azure-scope-locked', lasting: true },
  { flow: 'azure.createRole', fault: '429 throttled, passing', how: '429 + Retry-After on the role definition PUT, twice', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: ROLE_DEFINITION, retryAfterSeconds: 5, times: 2 }], expect: 'recovered' },
  { flow: 'azure.createRole', fault: '429 throttled, lasting', how: '429 on every try of the role definition PUT', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: ROLE_DEFINITION, retryAfterSeconds: 5, times: 9 }], expect: 'stopped', code: 'azure-throttled' },
  { flow: 'azure.createRole', fault: '5xx, passing', how: '500 on the role definition PUT, 503 on the role assignment PUT, once each', faults: [{ kind: 'status', method: 'PUT', pathPattern: ROLE_DEFINITION, status: 500 }, { kind: 'status', method: 'PUT', pathPattern: ROLE_ASSIGNMENT, status: 503 }], expect: 'recovered' },
  { flow: 'azure.createRole', fault: '5xx, lasting', how: '503 on every try of the role definition PUT', faults: [{ kind: 'status', method: 'PUT', pathPattern: ROLE_DEFINITION, status: 503, times: 9 }], expect: 'stopped', code: 'azure-unavailable' },
  { flow: 'azure.createRole', fault: 'connection reset', how: 'TCP reset on the role definition PUT and on the role assignment PUT', faults: [{ kind: 'reset', method: 'PUT', pathPattern: ROLE_DEFINITION }, { kind: 'reset', method: 'PUT', pathPattern: ROLE_ASSIGNMENT }], expect: 'recovered' },
  { flow: 'azure.createRole', fault: '401 expired token', how: 'ExpiredAuthenticationToken on the role definition PUT', faults: [{ kind: 'expired-token', method: 'PUT', pathPattern: ROLE_DEFINITION }], expect: 'stopped', code: 'azure-credential-expired', signInAgain: true },
  { flow: 'azure.createRole', fault: '403 forbidden', how: 'AuthorizationFailed on the role definition PUT (roleDefinitions/write missing)', faults: [{ kind: 'forbidden', method: 'PUT', pathPattern: ROLE_DEFINITION }], expect: 'stopped', code: 'azure-forbidden' },
  { flow: 'azure.createRole', fault: 'policy', how: 'RequestDisallowedByPolicy on the role assignment PUT', faults: [{ kind: 'policy-denied', method: 'PUT', pathPattern: ROLE_ASSIGNMENT, policy: 'Allowed role definitions' }], expect: 'stopped', code: 'azure-policy-denied' },
  {
    flow: 'azure.createRole',
    fault: 'conflict: same role name, made elsewhere',
    how: '409 RoleDefinitionWithSameNameExists (a role of that name with another id)',
    arrange: (state) => ({ ...state, roleDefinitions: [...state.roleDefinitions, { scope: '/', name: '0f0f0f0f-0000-4000-8000-000000000001', properties: { roleName: ROLE_NAME, type: 'CustomRole', permissions: [], assignableScopes: [] } }] }),
    expect: 'stopped',
    code: 'azure-failed',
  },
  // The connected registration's Azure steps, after the stamp's (key pair, principal, token). There is no lock to
  // lift in it (the lock is placed after the PUT), so no lock propagation cell.
  { flow: 'connected.register', fault: '429 throttled, passing', how: '429 + Retry-After on the registration PUT, twice', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 2 }], expect: 'recovered' },
  { flow: 'connected.register', fault: '429 throttled, lasting', how: '429 on every try of the registration PUT', faults: [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 9 }], expect: 'stopped', code: 'azure-throttled' },
  { flow: 'connected.register', fault: '5xx, passing', how: '500 on the registration PUT, 503 on the role assignment PUT and on the activation key, once each', faults: [{ kind: 'status', method: 'PUT', pathPattern: REGISTRATION, status: 500 }, { kind: 'status', method: 'PUT', pathPattern: ROLE_ASSIGNMENT, status: 503 }, { kind: 'status', method: 'POST', pathPattern: ACTIVATION_KEY, status: 503 }], expect: 'recovered' },
  { flow: 'connected.register', fault: '5xx, lasting', how: '503 on every try of the role assignment PUT (the registration and its lock exist)', faults: [{ kind: 'status', method: 'PUT', pathPattern: ROLE_ASSIGNMENT, status: 503, times: 9 }], expect: 'stopped', code: 'azure-unavailable' },
  { flow: 'connected.register', fault: 'connection reset', how: 'TCP reset on the registration PUT, the role assignment PUT and the activation key', faults: [{ kind: 'reset', method: 'PUT', pathPattern: REGISTRATION }, { kind: 'reset', method: 'PUT', pathPattern: ROLE_ASSIGNMENT }, { kind: 'reset', method: 'POST', pathPattern: ACTIVATION_KEY }], expect: 'recovered' },
  { flow: 'connected.register', fault: '401 expired token', how: 'ExpiredAuthenticationToken on the role assignment PUT (the registration and its lock exist)', faults: [{ kind: 'expired-token', method: 'PUT', pathPattern: ROLE_ASSIGNMENT }], expect: 'stopped', code: 'azure-credential-expired', signInAgain: true },
  { flow: 'connected.register', fault: '403 forbidden', how: 'AuthorizationFailed on the registration PUT', faults: [{ kind: 'forbidden', method: 'PUT', pathPattern: REGISTRATION }], expect: 'stopped', code: 'azure-forbidden' },
  { flow: 'connected.register', fault: '403 on the delete lock', how: 'AuthorizationFailed on the lock PUT (locks/write missing; the registration exists)', faults: [{ kind: 'forbidden', method: 'PUT', pathPattern: LOCK }], expect: 'stopped', code: 'azure-lock-forbidden' },
  {
    flow: 'connected.register',
    fault: 'conflict: cloud ID registered elsewhere',
    how: '409 CloudIdAlreadyRegistered on the registration PUT (the stamp registered under another name in another group)',
    arrange: (state, t) => ({
      ...state,
      resourceGroups: [...state.resourceGroups, { subscriptionId: PAYG, name: 'azurestack-old', location: 'westcentralus' }],
      registrations: [...state.registrations, { subscriptionId: PAYG, resourceGroup: 'azurestack-old', name: 'AzureStack-old', etag: '"1"', cloudId: t.cloudId ?? '', objectId: '0f0f0f0f-0000-4000-8000-000000000002', billingModel: 'Development', token: {} }],
    }),
    expect: 'stopped',
    code: 'azure-cloud-already-registered',
  },
  { flow: 'connected.register', fault: 'policy', how: 'RequestDisallowedByPolicy on creating the resource group', faults: [{ kind: 'policy-denied', method: 'PUT', pathPattern: RESOURCE_GROUP, policy: 'Require a tag on resource groups' }], expect: 'stopped', code: 'azure-policy-denied' },
  // The connected removal's Azure part, after the stamp was deactivated (lock propagation: the unregister cells, same code).
  { flow: 'registration.remove', fault: '429 throttled, passing', how: '429 + Retry-After on the registration DELETE, twice', faults: [{ kind: 'throttle', method: 'DELETE', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 2 }], expect: 'recovered' },
  { flow: 'registration.remove', fault: '5xx, lasting', how: '503 on every try of the registration DELETE', faults: [{ kind: 'status', method: 'DELETE', pathPattern: REGISTRATION, status: 503, times: 9 }], expect: 'stopped', code: 'removal-partial' },
  { flow: 'registration.remove', fault: 'connection reset', how: 'TCP reset on the lock DELETE and on the registration DELETE', faults: [{ kind: 'reset', method: 'DELETE', pathPattern: LOCK }, { kind: 'reset', method: 'DELETE', pathPattern: REGISTRATION }], expect: 'recovered' },
  { flow: 'registration.remove', fault: '401 expired token', how: 'ExpiredAuthenticationToken on the registration DELETE', faults: [{ kind: 'expired-token', method: 'DELETE', pathPattern: REGISTRATION }], expect: 'stopped', code: 'removal-partial', signInAgain: true },
  {
    flow: 'registration.remove',
    fault: 'missing rights (the registration role, without locks/delete)',
    how: 'the account has the custom registration role of the docs, which lacks Microsoft.Authorization/locks/delete',
    azure: { permissions: 'registration-role' },
    expect: 'stopped',
    code: 'azure-forbidden',
    lasting: true,
  },
  {
    flow: 'registration.remove',
    fault: 'another lock on the resource group',
    how: 'a CanNotDelete lock someone else placed on the resource group',
    arrange: (state) => ({ ...state, locks: [...state.locks, { scope: `/subscriptions/${PAYG}/resourceGroups/azurestack`, name: 'ops-do-not-delete', level: 'CanNotDelete', notes: 'Operations team' }] }),
    expect: 'stopped',
    code: 'azure-scope-locked',
    lasting: true,
  },
  { flow: 'registration.remove', fault: '403 on the delete lock', how: 'AuthorizationFailed on the lock DELETE (locks/delete missing)', faults: [{ kind: 'forbidden', method: 'DELETE', pathPattern: LOCK }], expect: 'stopped', code: 'removal-partial' },
];

/** Azure as it was before the flow: the registration in its group with its lock, or no role. */
const expectAzureUnchanged = (t: AzureTemplate, azure: WorldSnapshot): void => {
  if (t.request.kind === 'azure.createRole') {
    expect(azure.roleAssignments).toEqual([]);
    return;
  }
  const regs = azure.registrations.filter((r) => r.name === t.name);
  expect(regs.map((r) => r.resourceGroup)).toEqual(['azurestack']);
  expect(azure.locks.some((l) => l.scope.toLowerCase().endsWith(`/resourcegroups/azurestack/providers/microsoft.azurestack/registrations/${t.name}`.toLowerCase()))).toBe(true);
};

const FLOW_LABEL = { 'azure.move': 'move', 'azure.createRole': 'role creation', 'connected.register': 'connected registration', 'registration.remove': 'connected removal' } as const;

describe('fault matrix: Azure faults on move, role creation and the connected registration', () => {
  // Each cell has its own data folder copy, machine and clock: they run side by side.
  it.concurrent.each(FLOW_FAULT_CELLS)('$flow: $fault', async (cell) => {
    const t = await azureTemplate(cell.flow);
    const connected = cell.flow === 'connected.register';
    const removal = cell.flow === 'registration.remove';
    // Virtual time: every wait moves the clock the practice Azure measures lock propagation with (not with
    // the stamp in the flow: its time limits are real waits that race the answers).
    let now = Date.now();
    const dataDir = await copyOf(t.hostDir);
    const { m, azure } = await hostOn(t, dataDir, cell.arrange ? cell.arrange(t.state, t) : t.state, {
      ...(cell.azure ? { azure: cell.azure } : {}),
      ...(connected || removal ? {} : { clock: { now: () => new Date(now) }, sleep: (ms: number, signal?: AbortSignal) => ((now += ms), sleepFor(t.request.kind)(ms, signal)) }),
    });
    for (const f of cell.faults ?? []) azure.faults.add(f);
    const before = await m.call<HandoffSummary[]>('handoff.list', {});
    const seen = await runAzure(m, t.request);
    expect(seen.outcome).toBe(cell.expect);
    if (seen.outcome === 'stopped') expect(seen.problem.code).toBe(cell.code);
    await expectIntact(m, before);
    // Nothing lost in Azure: the registration exists once; a stop before the move was sent put its lock back.
    const after = azure.state.snapshot();
    if (t.request.kind === 'azure.move') expect(after.registrations.filter((r) => r.name === t.name)).toHaveLength(cell.arrange ? 2 : 1);
    if (connected) {
      // Never twice, whatever stopped it; a stop once the registration exists says what it left and that running again completes it.
      expect(after.registrations.filter((r) => r.name === t.name).length).toBeLessThanOrEqual(1);
      expect(after.locks.length).toBeLessThanOrEqual(1);
      expect(after.roleAssignments.length).toBeLessThanOrEqual(1);
      const [rec] = await expectConnectedFile(m, dataDir);
      if (seen.outcome === 'stopped') {
        expect(rec?.failedAt).toBeDefined();
        if (rec?.done.includes('resource')) expect(seen.problem.action).toMatch(/run the connected registration again with the same names/);
      }
    } else if (removal) {
      await expectConnectedFile(m, dataDir);
      // Stopped after the stamp's part: the registration is still there, once, its lock put back; the stamp stays deactivated.
      if (seen.outcome === 'stopped') {
        expectAzureUnchanged(t, after);
        const activation = (await m.runtime.services().practice?.stamp.state())?.activation;
        if (seen.problem.code === 'removal-partial') {
          expect(activation).toBeUndefined();
          expect(seen.problem.action).toMatch(/skips the stamp/);
        } else {
          // Found before the stamp was changed: nothing was.
          expect(activation, 'the stamp is still activated').toBeDefined();
          expect(seen.problem.message).toMatch(/nothing was changed/i);
        }
      }
    } else if (cell.lasting || (seen.outcome === 'stopped' && cell.code !== 'azure-outcome-unknown' && !cell.arrange)) expectAzureUnchanged(t, after);
    let kept: string;
    if (cell.lasting) kept = removal ? 'journal; Azure and stamp as before (the registration with its lock, the stamp still activated)' : 'journal; Azure as before (registration in its group, its lock put back)';
    else if (cell.arrange) {
      if (connected) expect(after.registrations.map((r) => r.name)).toEqual(['AzureStack-old']);
      kept = `journal; ${connected ? 'connected.json records the step it stopped at, no secret on disk; ' : ''}Azure as before${{ 'azure.move': ' (registration in its group, its lock put back)', 'azure.createRole': ' (no role assigned)', 'connected.register': ' (the other registration untouched, nothing created)', 'registration.remove': '' }[cell.flow]}`;
    } else {
      // The fault has passed: running it again leaves Azure as the flow means to.
      azure.faults.clear();
      if (cell.signInAgain) await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
      // The removal screen runs it again skipping the stamp, as the stop said.
      const request = removal && seen.outcome === 'stopped' ? { ...t.request, stampDeactivated: true } : t.request;
      if (seen.outcome === 'stopped') expect(await runAzure(m, request)).toEqual({ outcome: 'recovered' });
      const done = await expectAzureDone(t, m, azure.state.snapshot());
      const again = seen.outcome === 'stopped' ? ` (run again once the fault passed${removal ? ', skipping the stamp' : ''})` : '';
      if (connected) {
        expect((await expectConnectedFile(m, dataDir)).find((r) => r.registrationName === t.name)).toMatchObject({ completedAt: expect.any(String) });
        kept = `journal; connected.json ${seen.outcome === 'stopped' ? 'records the step it stopped at' : 'records the run'}, no secret on disk; Azure and stamp: ${done}${again}`;
      } else kept = `journal; ${removal ? 'Azure and stamp' : 'Azure'}: ${done}${again}`;
    }
    if (connected || removal) expect(await secretsOnDisk(dataDir)).toEqual([]);
    record('Azure', `${FLOW_LABEL[cell.flow]}: ${cell.fault}`, cell.how, seen, kept);
  });
});

// --------------------------------------------------------------------------------------- the document

describe('docs/reliability.md', () => {
  it('is what the matrix above observed', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(AZURE_CELLS.length + FILE_CELLS.length + 12 + KILL_POINTS.length + Object.values(KILL_STEPS).flat().length + FLOW_FAULT_CELLS.length);
    const { expected, onDisk } = await syncReliability(rows, process.env['UPDATE_RELIABILITY'] === '1');
    expect(onDisk, 'docs/reliability.md is out of date: UPDATE_RELIABILITY=1 npx vitest run test/integration/evidence').toBe(expected);
  });
});
