import type { StateStorage } from 'zustand/middleware';
import { DEFAULT_PRACTICE_SCENARIO, fail, ok } from '../../../../shared/contract';
import type { Api, EventName, EventPayloads, OperationSnapshot, PowerShellInfo, PracticeScenario, Result, Settings, SettingsRequest } from '../../../../shared/contract';
import type { HandoffSummary, StampInfo, TokenPreview } from '../../../../shared/domain';

export const STAMP: StampInfo = {
  cloudId: '6a3b1f7e-0c1d-4e2f-9a8b-7c6d5e4f3a21',
  stampVersion: '1.2406.0.8',
  numberOfNodes: 4,
  regionName: 'practice',
  emergencyConsoleIpAddresses: ['10.0.0.224'],
};

export const handoff = (over: Partial<HandoffSummary> = {}): HandoffSummary => ({
  id: 'handoff-1',
  side: 'stamp',
  stage: 'token-created',
  complete: false,
  practice: true,
  cloudId: STAMP.cloudId,
  tokenFingerprint: 'K7QM-2XPA-9D4F',
  files: [],
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  history: [],
  ...over,
});

export const TOKEN: TokenPreview = {
  fingerprint: 'K7QM-2XPA-9D4F',
  summary: {
    cloudId: STAMP.cloudId,
    billingModel: 'Capacity',
    agreementNumber: 'EA-SECRETLESS-42',
    hostCount: 4,
    hosts: [],
    practice: true,
  },
};

export const snapshot = (over: Partial<OperationSnapshot> = {}): OperationSnapshot => ({
  operationId: 'op-1',
  kind: 'stamp.createToken',
  status: 'running',
  seq: 5,
  startedAt: '2026-11-25T10:00:00.000Z',
  deadline: '2026-11-25T10:35:00.000Z',
  cancellable: false,
  log: [],
  ...over,
});

type Listener = (payload: never) => void;

/** The pwsh main's (fake) file dialog chooses. */
export const PWSH_PATH = '/opt/microsoft/powershell/7/pwsh';
const powershellInfo = (s: Settings): PowerShellInfo =>
  s.powershell.kind === 'pwsh'
    ? { path: s.powershell.path, version: '7.4.6', edition: 'Core' }
    : { path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', version: '5.1.19041.5247', edition: 'Desktop' };

/** A typed fake of window.api: leaving out a channel fails to compile. Calls are recorded. */
export const createFakeApi = () => {
  const calls: { name: string; req: unknown }[] = [];
  const listeners = new Map<EventName, Set<Listener>>();
  let operations: OperationSnapshot[] = [];
  let settings: Settings = { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' };
  let scenario: PracticeScenario = DEFAULT_PRACTICE_SCENARIO;
  let handoffs: HandoffSummary[] = [];
  let recentErcs: string[][] = [['10.0.0.224', '10.0.0.225']];
  // Like main's runtime: a change that recomposes the services is announced to the renderer.
  let generation = 0;
  const recomposed = (cause: 'settings' | 'scenario' | 'practice-reset') =>
    listeners.get('app.stateChanged')?.forEach((l) => (l as (p: EventPayloads['app.stateChanged']) => void)({ generation: ++generation, cause }));
  const answer =
    <R>(name: string, value: () => Result<R>) =>
    async (req: unknown): Promise<Result<R>> => {
      calls.push({ name, req });
      return value();
    };
  const api = {
    'app.info': answer('app.info', () => ok({ mode: 'practice' as const, version: '1.0.0', locale: 'en-US' })),
    'app.setMode': answer('app.setMode', () => ok({ mode: 'live' as const, version: '1.0.0', locale: 'en-US' })),
    'settings.get': answer('settings.get', () => ok(settings)),
    'settings.set': async (req: SettingsRequest): Promise<Result<Settings>> => {
      calls.push({ name: 'settings.set', req });
      const powershell = req.powershell.kind === 'pwsh' ? { kind: 'pwsh' as const, path: PWSH_PATH } : { kind: 'windows-powershell' as const };
      const next: Settings = { powershell, registrationApiVersion: req.registrationApiVersion };
      const changed = JSON.stringify(next) !== JSON.stringify(settings);
      settings = next;
      if (changed) recomposed('settings');
      return ok(settings);
    },
    'settings.powershell': answer('settings.powershell', () => ok(powershellInfo(settings))),
    'settings.choosePowerShell': answer('settings.choosePowerShell', () => {
      settings = { ...settings, powershell: { kind: 'pwsh', path: PWSH_PATH } };
      return ok({ settings, powershell: powershellInfo(settings) });
    }),
    'practice.get': answer('practice.get', () => ok(scenario)),
    'practice.set': async (req: PracticeScenario): Promise<Result<PracticeScenario>> => {
      calls.push({ name: 'practice.set', req });
      const changed = JSON.stringify(req) !== JSON.stringify(scenario);
      scenario = req;
      if (changed) recomposed('scenario');
      return ok(scenario);
    },
    'practice.reset': async (req: Record<string, never>): Promise<Result<PracticeScenario>> => {
      calls.push({ name: 'practice.reset', req });
      recomposed('practice-reset');
      return ok(scenario);
    },
    'app.openHelp': answer('app.openHelp', () => ok({})),
    'app.setLanguage': answer('app.setLanguage', () => ok({})),
    'pep.preflight': answer('pep.preflight', () => ok({ ok: true, checks: [] })),
    'pep.connect': answer('pep.connect', () => ok({ sessionId: 'session-1', host: '10.0.0.224', stamp: STAMP, notices: [] })),
    'pep.disconnect': answer('pep.disconnect', () => ok({ transcriptsCopied: false })),
    'handoff.drives': answer('handoff.drives', () => ok([{ id: 'usb', label: 'USB', path: '/media/usb', removable: true }])),
    'handoff.addFolder': answer('handoff.addFolder', () => ok(null)),
    'handoff.files': answer('handoff.files', () => ok([])),
    'handoff.readToken': answer('handoff.readToken', () => ok({ handoff: handoff({ id: 'handoff-host', side: 'host' }), token: TOKEN })),
    'handoff.readTokenText': answer('handoff.readTokenText', () =>
      ok({ handoff: handoff({ id: 'handoff-host', side: 'host', stage: 'token-received' }), token: TOKEN }),
    ),
    'handoff.saveToken': answer('handoff.saveToken', () =>
      ok({
        driveId: 'usb',
        path: '/media/usb/token.txt',
        fileName: 'token.txt',
        metadataFileName: 'token.json',
        fingerprint: TOKEN.fingerprint,
        bytes: 1200,
        verified: true as const,
      }),
    ),
    'handoff.readKey': answer('handoff.readKey', () => ({ ok: false, problem: { code: 'not-found', message: 'No key.', retryable: false } })),
    'handoff.saveKey': answer('handoff.saveKey', () => ({ ok: false, problem: { code: 'not-found', message: 'No key.', retryable: false } })),
    'handoff.list': answer('handoff.list', () => ok({ handoffs, finished: { total: handoffs.filter((h) => h.complete).length, shown: handoffs.filter((h) => h.complete).length } })),
    'handoff.archive': async (req: { handoffId: string; reason: string; detail?: string }): Promise<Result<HandoffSummary>> => {
      calls.push({ name: 'handoff.archive', req });
      handoffs = handoffs.map((h) => (h.id === req.handoffId ? { ...h, stage: 'archived' } : h));
      return ok(handoff({ id: req.handoffId, stage: 'archived' }));
    },
    'handoff.restore': answer('handoff.restore', () => ok(handoff())),
    'settings.recentErcs': answer('settings.recentErcs', () => ok(recentErcs)),
    'settings.forgetErcs': async (req: { hosts?: string[] }): Promise<Result<string[][]>> => {
      calls.push({ name: 'settings.forgetErcs', req });
      recentErcs = req.hosts ? recentErcs.filter((l) => l.join() !== req.hosts?.join()) : [];
      return ok(recentErcs);
    },
    'handoff.confirmActivated': answer('handoff.confirmActivated', () => ({ ok: false, problem: { code: 'not-found', message: 'No hand-off.', retryable: false } })),
    'handoff.record': answer('handoff.record', () => ({ ok: false, problem: { code: 'not-found', message: 'No hand-off.', retryable: false } })),
    'handoff.saveRecord': answer('handoff.saveRecord', () => ok({ path: '/home/op/record.pdf', bytes: 2048 })),
    'diagnostics.export': answer('diagnostics.export', () => ok(null)),
    'script.save': answer('script.save', () => ok(null)),
    'azure.signIn': answer('azure.signIn', () => ok({ cloud: 'AzureCloud' as const, username: 'op@contoso.com', tenantId: 't', practice: true })),
    'azure.cancelSignIn': answer('azure.cancelSignIn', () => ok({ cancelled: true })),
    'azure.connection': answer('azure.connection', () =>
      ok({
        signInClient: { kind: 'default' as const, clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
        login: { host: 'login.microsoftonline.com', source: 'practice' as const },
        management: { host: 'management.azure.com', source: 'practice' as const },
      }),
    ),
    'azure.signOut': answer('azure.signOut', () => ok({})),
    'azure.subscriptions': answer('azure.subscriptions', () => ok([])),
    'azure.permissions': answer('azure.permissions', () => ok({ scope: '/subscriptions/x', granted: [], missing: [], ok: true, flows: [] })),
    'azure.warmUp': answer('azure.warmUp', () => ok({})),
    'azure.prepare': answer('azure.prepare', () => ok({ locations: [], permissions: { scope: '/subscriptions/x', granted: [], missing: [], ok: true, flows: [] } })),
    'azure.createRole': answer('azure.createRole', () => ok({ roleDefinitionId: 'r', roleName: 'Registration', assigned: false })),
    'azure.registrations': answer('azure.registrations', () => ok([])),
    'azure.registration': answer('azure.registration', () => ok(null)),
    'registration.findForRemoval': answer('registration.findForRemoval', () => fail('azure-not-found', 'not found')),
    'stampArm.signIn': answer('stampArm.signIn', () =>
      ok({ adminResourceManager: 'https://adminmanagement.local.azurestack.external', identitySystem: 'AzureAD', loginEndpoint: 'https://login.microsoftonline.com/', username: 'operator@contoso.onmicrosoft.com', tenantId: 't', defaultProviderSubscriptionId: 'd', practice: true }),
    ),
    'stampArm.cancelSignIn': answer('stampArm.cancelSignIn', () => ok({ cancelled: false })),
    'stampArm.signOut': answer('stampArm.signOut', () => ok({})),
    'status.read': answer('status.read', () => ok({ readAt: '2026-12-05T08:00:00.000Z' })),
    'status.prefill': answer('status.prefill', () => ok({ subscriptionId: 's', resourceGroup: 'azurestack', registrationName: 'r', usageReportingEnabled: false, marketplaceSyndicationEnabled: true, ask: [] })),
    'connected.records': answer('connected.records', () => ok([])),
    'connected.check': answer('connected.check', () => ok({})),
    'operation.start': answer('operation.start', () => ok({ operationId: 'op-1' })),
    'operation.cancel': answer('operation.cancel', () => ok(snapshot({ status: 'cancelling' }))),
    'operation.list': answer('operation.list', () => ok(operations)),
    on: <E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) => {
      const set = listeners.get(name) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(name, set);
      return () => void set.delete(listener as Listener);
    },
  } satisfies Api;
  return {
    api: api as Api,
    calls,
    setOperations: (list: OperationSnapshot[]) => {
      operations = list;
    },
    setHandoffs: (list: HandoffSummary[]) => {
      handoffs = list;
    },
    emit: <E extends EventName>(name: E, payload: EventPayloads[E]) =>
      listeners.get(name)?.forEach((l) => (l as (p: EventPayloads[E]) => void)(payload)),
  };
};

export const memoryStorage = (): StateStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
