import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels, DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { ChannelName, RequestOf } from '../../../shared/contract';
import { startPracticeMachine } from '../../fixtures/app/practice-app';

// Issue 12, evidence: every channel called with malformed payloads, and from foreign frames, through
// the real registration (electron/main/ipc.ts: frame check, then the dispatcher's schema check) in
// front of the real practice runtime. Each gets a typed rejection; main keeps answering.

type Handler = (event: unknown, raw: unknown) => Promise<unknown>;
const registered = new Map<string, Handler>();
vi.mock('electron', () => ({ ipcMain: { handle: (name: string, fn: Handler) => registered.set(name, fn) } }));

const GUID = '8f9d2c11-5b7e-4c1a-9e3f-2a6b7c8d9e0f';

/** One valid request per channel: the base every malformed payload is made from (typed by the contract). */
const VALID: { [N in ChannelName]: RequestOf<N> } = {
  'app.info': {},
  'app.setMode': { mode: 'practice' },
  'settings.get': {},
  'settings.set': { powershell: { kind: 'pwsh' }, registrationApiVersion: '2022-06-01', signInClient: { clientId: GUID, tenant: 'contoso.onmicrosoft.com' } },
  'settings.powershell': {},
  'settings.choosePowerShell': {},
  'practice.get': {},
  'practice.set': DEFAULT_PRACTICE_SCENARIO,
  'practice.reset': {},
  'app.openHelp': { topic: 'registration' },
  'app.setLanguage': { language: 'fr' },
  'pep.preflight': { hosts: ['10.0.0.224'] },
  'pep.connect': {
    hosts: ['10.0.0.224', '10.0.0.225'],
    user: 'AZURESTACK\\CloudAdmin',
    password: 'not-a-real-password',
    transcriptShare: { path: '\\\\share\\t', user: 'u', password: 'p' },
  },
  'pep.disconnect': { sessionId: 's-1' },
  'handoff.drives': {},
  'handoff.addFolder': {},
  'handoff.files': { driveId: 'd-1' },
  'handoff.readToken': { driveId: 'd-1', file: 'token.txt' },
  'handoff.readTokenText': { text: 'abc' },
  'handoff.saveToken': { handoffId: 'h-1', driveId: 'd-1' },
  'handoff.readKey': { driveId: 'd-1', file: 'key.txt', sessionId: 's-1' },
  'handoff.saveKey': { handoffId: 'h-1', driveId: 'd-1' },
  'handoff.list': {},
  'handoff.confirmActivated': { handoffId: 'h-1' },
  'handoff.archive': { handoffId: 'h-1', reason: 'superseded', detail: 'a new token was exported' },
  'handoff.restore': { handoffId: 'h-1' },
  'settings.recentErcs': {},
  'settings.forgetErcs': { hosts: ['10.0.0.224'] },
  'handoff.record': { handoffId: 'h-1' },
  'handoff.saveRecord': { handoffId: 'h-1', language: 'fr' },
  'diagnostics.export': {},
  'script.save': { leg: 'export', script: 'Get-AzsRegistrationToken' },
  'azure.signIn': { cloud: 'AzureCloud', tenantId: 'contoso.onmicrosoft.com', method: 'browser' },
  'azure.cancelSignIn': {},
  'azure.connection': { cloud: 'AzureCloud' },
  'azure.signOut': {},
  'azure.subscriptions': { flow: 'disconnected' },
  'azure.permissions': { subscriptionId: GUID, resourceGroup: 'azurestack' },
  'azure.warmUp': {},
  'azure.prepare': { subscriptionId: GUID, resourceGroup: 'azurestack', registrationName: 'AzureStack-reg' },
  'azure.createRole': { subscriptionId: GUID },
  'azure.registrations': { subscriptionId: GUID, resourceGroup: 'azurestack' },
  'azure.registration': { subscriptionId: GUID, resourceGroup: 'azurestack', registrationName: 'AzureStack-x' },
  'registration.findForRemoval': { sessionId: 's1', subscriptionId: GUID, resourceGroup: 'azurestack', registrationName: 'AzureStack-x' },
  'stampArm.signIn': { endpoint: 'https://adminmanagement.local.azurestack.external', tenant: 'contoso.onmicrosoft.com', method: 'device-code' },
  'stampArm.cancelSignIn': {},
  'stampArm.signOut': {},
  'status.read': { cloudId: GUID },
  'status.prefill': { cloudId: GUID },
  'connected.records': {},
  'connected.check': { subscriptionId: GUID, resourceGroup: 'azurestack', registrationName: 'AzureStack-x', principalId: GUID },
  'operation.start': {
    kind: 'azure.unregister',
    subscriptionId: GUID,
    resourceGroup: 'azurestack',
    target: { by: 'name', registrationName: 'AzureStack-x' },
    confirmName: 'AzureStack-x',
  },
  'operation.cancel': { operationId: 'o-1' },
  'operation.list': {},
};

/** The other shapes of a channel whose request is a union: each gets its own malformed variants. */
const OTHER_SHAPES: Partial<{ [N in ChannelName]: RequestOf<N>[] }> = {
  'operation.start': [
    { kind: 'stamp.createToken', sessionId: 's-1', choices: { billingModel: 'Capacity', agreementNumber: 'EA-1', targetCloud: 'AzureCloud' } },
    { kind: 'stamp.activate', sessionId: 's-1', handoffId: 'h-1' },
    { kind: 'stamp.removeActivation', sessionId: 's-1' },
    { kind: 'azure.register', handoffId: 'h-1', subscriptionId: GUID, resourceGroup: 'azurestack', location: 'westcentralus', registrationName: 'AzureStack-x' },
    { kind: 'azure.unregister', subscriptionId: GUID, target: { by: 'token', handoffId: 'h-1' }, confirmName: 'AzureStack-x' },
    { kind: 'azure.move', subscriptionId: GUID, resourceGroup: 'a', registrationName: 'AzureStack-x', targetResourceGroup: 'b', targetSubscriptionId: GUID },
  ],
};
const shapesOf = (name: ChannelName): unknown[] => [VALID[name], ...(OTHER_SHAPES[name] ?? [])];

const HUGE = 'A'.repeat(1 << 20);
const deep = (depth: number): unknown => (depth === 0 ? {} : { a: deep(depth - 1) });
/** Values of the wrong type or size for any field. */
const WRONG: unknown[] = [undefined, null, 0, -1, 1.5, Number.NaN, '', 'x', 'a\0b', true, [], {}, [HUGE], { nested: HUGE }, HUGE, deep(200)];

type Path = (string | number)[];
const setAt = (value: unknown, path: Path, next: unknown | typeof REMOVE): unknown => {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (rest.length > 0 || next !== REMOVE) return Object.assign(copy, { [head]: setAt(copy[head], rest, next) });
  if (Array.isArray(copy)) return copy.filter((_, i) => i !== head);
  return Object.fromEntries(Object.entries(copy).filter(([k]) => k !== head));
};
const REMOVE = Symbol('remove');

/** Every place inside a JSON value: objects' keys and arrays' items, at any depth. */
const pathsOf = (value: unknown, at: Path = []): Path[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...pathsOf(v, [...at, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
  return [];
};
const objectsOf = (value: unknown, at: Path = []): Path[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? [at, ...Object.entries(value).flatMap(([k, v]) => objectsOf(v, [...at, k]))]
    : Array.isArray(value)
      ? value.flatMap((v, i) => objectsOf(v, [...at, i]))
      : [];

/** Malformed variants of the channel's valid request: whole payload, each field missing or wrong, extra fields. */
const variants = (base: unknown): { what: string; payload: unknown }[] => [
  ...WRONG.map((payload, i) => ({ what: `whole payload #${i}`, payload })),
  ...pathsOf(base).flatMap((path) => [
    { what: `${path.join('.')} missing`, payload: setAt(base, path, REMOVE) },
    ...WRONG.map((w, i) => ({ what: `${path.join('.')} wrong #${i}`, payload: setAt(base, path, w) })),
  ]),
  ...objectsOf(base).map((path) => ({
    what: `extra field at ${path.join('.') || 'top'}`,
    payload: setAt(base, [...path, 'injected'], HUGE),
  })),
];

const TRUSTED = { senderFrame: { url: 'app://registrar/index.html', parent: null } };
const FOREIGN = [
  { url: 'https://evil.example/', parent: null },
  { url: 'app://registrar/index.html', parent: {} }, // an iframe inside the app
  { url: 'app://elsewhere/index.html', parent: null },
  { url: 'file:///C:/Users/op/evil.html', parent: null },
  null,
];

let usb: string;
let machine: Awaited<ReturnType<typeof startPracticeMachine>>;

beforeAll(async () => {
  usb = await mkdtemp(join(tmpdir(), 'azs-ipc-usb-'));
  machine = await startPracticeMachine(usb);
  const { registerIpc } = await import('../../../electron/main/ipc');
  registerIpc(() => machine.runtime.dispatch);
});
afterAll(async () => {
  await machine?.runtime.dispose();
  await rm(machine?.dataDir ?? '', { recursive: true, force: true });
  await rm(usb, { recursive: true, force: true });
});

const invoke = (name: string, raw: unknown, event: unknown = TRUSTED) => {
  const handler = registered.get(name);
  if (!handler) throw new Error(`no handler registered for ${name}`);
  return handler(event, raw);
};

describe('IPC under malformed payloads and foreign frames', () => {
  it('has a valid base request for every channel, so each malformed variant differs from a valid call by one change', () => {
    expect(Object.keys(VALID).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) {
      for (const shape of shapesOf(name)) expect(channels[name].request.safeParse(shape).success, `${name} ${JSON.stringify(shape)}`).toBe(true);
    }
  });

  it.each(channelNames)('%s: every malformed payload gets a typed bad-request, none reaches the handler', async (name) => {
    const schema = channels[name].request;
    const all = shapesOf(name).flatMap(variants);
    // Every request refuses fields it does not know, at every level, rather than dropping them silently.
    const extrasAccepted = all.filter((v) => v.what.startsWith('extra field') && schema.safeParse(v.payload).success);
    expect(extrasAccepted.map((v) => v.what)).toEqual([]);
    const malformed = all.filter((v) => !schema.safeParse(v.payload).success);
    // The whole-payload variants alone are 16; every field adds its own.
    expect(malformed.length).toBeGreaterThanOrEqual(WRONG.length);
    const before = await invoke('operation.list', {});
    for (const { what, payload } of malformed) {
      const res = (await invoke(name, payload)) as { ok: boolean; problem?: { code: string; message: string; action?: string } };
      expect(res, `${name}: ${what}`).toMatchObject({ ok: false, problem: { code: 'bad-request', action: expect.any(String) } });
      expect(res.problem?.message, `${name}: ${what}`).toContain(`"${name}"`);
      // Plain words for the operator: the schema's wording and paths only under the details (issue 10).
      expect(res.problem?.message, `${name}: ${what}`).not.toMatch(/✖|→ at|Too (small|big)|expected|Invalid|Unrecognized/);
      // The rejection never echoes the payload back (a 1 MiB string stays in main).
      expect(res.problem?.message.length, `${name}: ${what}`).toBeLessThan(4096);
    }
    // Nothing ran: no operation was started by any of them.
    expect(await invoke('operation.list', {})).toEqual(before);
  });

  it('refuses every channel from a foreign frame, with valid and malformed payloads alike, and starts nothing', async () => {
    for (const name of channelNames) {
      for (const senderFrame of FOREIGN) {
        for (const payload of [VALID[name], HUGE, undefined]) {
          expect(await invoke(name, payload, { senderFrame }), `${name} from ${JSON.stringify(senderFrame)}`).toMatchObject({
            ok: false,
            problem: { code: 'untrusted-sender' },
          });
        }
      }
    }
    expect(await invoke('operation.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses an unknown channel name with a typed problem', async () => {
    expect(await machine.runtime.dispatch('app.eval', {})).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    expect(await machine.runtime.dispatch('__proto__', {})).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
  });

  it('keeps main running: after all of it, valid calls still answer', async () => {
    expect(await invoke('app.info', {})).toMatchObject({ ok: true, value: { mode: 'practice' } });
    expect(await invoke('practice.get', {})).toEqual({ ok: true, value: DEFAULT_PRACTICE_SCENARIO });
    expect(await invoke('handoff.list', {})).toEqual({ ok: true, value: { handoffs: [], finished: { total: 0, shown: 0 } } });
    expect(machine.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
