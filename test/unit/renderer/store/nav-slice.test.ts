import { describe, expect, it } from 'vitest';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { inProgress, keyExpected, keyFileFor } from '../../../../renderer/store/nav-slice';
import { createFakeApi, handoff, memoryStorage, snapshot, STAMP } from './fake-api';

const setup = () => {
  const fake = createFakeApi();
  const storage = memoryStorage();
  const store = createAppStore(fake.api, storage);
  return { ...fake, store, stored: () => storage.data.get(STORAGE_KEY) ?? '' };
};

describe('a new export or registration from anywhere', () => {
  it('starts at once when nothing is in progress, keeping the PEP session and the inputs', async () => {
    const { store } = setup();
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setPassword('x');
    await store.getState().connect();
    store.getState().setChoices({ agreementNumber: 'EA-1' });
    store.getState().goExport('billing');
    store.getState().open('settings');
    store.getState().startNew('export');
    const s = store.getState();
    expect(s.pendingNew).toBeNull();
    expect([s.side, s.screen, s.exp.step, s.exp.choices.agreementNumber, s.stamp.sessionId]).toEqual(['stamp', 'export', 'stamp', 'EA-1', 'session-1']);
  });

  it('asks first when the current leg holds a hand-off, and keeps it when the operator keeps working on it', async () => {
    const { store, setHandoffs } = setup();
    setHandoffs([handoff({ id: 'h-current', stage: 'token-saved' })]);
    await store.getState().refreshHandoffs();
    store.setState((s) => ({ exp: { ...s.exp, step: 'done', handoffId: 'h-current' } }));
    store.getState().startNew('export');
    expect(store.getState().pendingNew).toBe('export');
    expect(inProgress(store.getState(), 'export')?.handoff?.id).toBe('h-current');
    store.getState().cancelNew();
    expect(store.getState().exp).toMatchObject({ step: 'done', handoffId: 'h-current' });
    store.getState().startNew('export');
    store.getState().confirmNew();
    expect(store.getState().exp.step).toBe('preflight');
    expect(store.getState().exp.handoffId).toBeUndefined();
    expect(store.getState().pendingNew).toBeNull();
  });

  it('starts a new leg when the File menu asks for it (app.show), and shows About as before', async () => {
    const { store, emit } = setup();
    await store.getState().init();
    emit('app.show', { screen: 'new-registration' });
    expect([store.getState().side, store.getState().screen, store.getState().reg.step]).toEqual(['host', 'register', 'sign-in']);
    emit('app.show', { screen: 'about' });
    expect(store.getState().screen).toBe('about');
  });

  it('counts a token generation still running as in progress', async () => {
    const { store, setOperations } = setup();
    setOperations([snapshot({ operationId: 'op-token', status: 'running' })]);
    await store.getState().syncOperations();
    store.setState((s) => ({ exp: { ...s.exp, operationId: 'op-token' } }));
    expect(inProgress(store.getState(), 'export')).toEqual({ running: true });
    expect(inProgress(store.getState(), 'register')).toBeUndefined();
  });

  it('a new registration keeps the sign-in and subscription and starts at the token', async () => {
    const { store, setHandoffs } = setup();
    await store.getState().signIn();
    setHandoffs([handoff({ id: 'h-host', side: 'host', stage: 'registered' })]);
    await store.getState().refreshHandoffs();
    store.getState().setRegister({ subscriptionId: '8f9d2c11-5b7e-4c1a-9e3f-2a6b7c8d9e0f', registrationName: 'AzureStack-old' });
    store.setState((s) => ({ reg: { ...s.reg, step: 'register', handoffId: 'h-host', tokenConfirmed: true } }));
    store.getState().startNew('register');
    store.getState().confirmNew();
    expect(store.getState().reg).toMatchObject({ step: 'token', tokenConfirmed: false, registrationName: '', subscriptionId: '8f9d2c11-5b7e-4c1a-9e3f-2a6b7c8d9e0f' });
    expect(store.getState().reg.handoffId).toBeUndefined();
    expect(store.getState().reg.account).toBeDefined();
    expect(store.getState().side).toBe('host');
  });
});

describe('Activate offered when a key is expected', () => {
  it('knows which hand-offs wait for their key, and which key file on a drive is theirs', () => {
    expect(keyExpected(handoff({ stage: 'token-saved' }))).toBe(true);
    expect(keyExpected(handoff({ stage: 'token-created' }))).toBe(false);
    expect(keyExpected(handoff({ stage: 'archived' }))).toBe(false);
    expect(keyExpected(handoff({ side: 'host', stage: 'key-saved' }))).toBe(false);
    const file = (over: object) => ({ name: 'k.txt', kind: 'key' as const, bytes: 1, modifiedAt: '2026-11-25T10:00:00.000Z', ...over });
    const h = handoff();
    expect(keyFileFor(h, [file({ cloudId: STAMP.cloudId.toUpperCase() })])?.name).toBe('k.txt');
    expect(keyFileFor(h, [file({ cloudId: '00000000-0000-0000-0000-000000000000' })])).toBeUndefined();
    expect(keyFileFor(h, [file({ cloudId: STAMP.cloudId, problem: 'damaged' })])).toBeUndefined();
    expect(keyFileFor(h, [file({ kind: 'token', cloudId: STAMP.cloudId })])).toBeUndefined();
  });

  it('opens the activation leg on the hand-off, at the key when a session is open, and remembers it', async () => {
    const { store, stored } = setup();
    store.getState().activateHandoff('h-1');
    expect(store.getState()).toMatchObject({ side: 'stamp', screen: 'activate', act: { step: 'connect', awaiting: 'h-1' } });
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setPassword('x');
    await store.getState().connect();
    store.getState().activateHandoff('h-2');
    expect(store.getState().act).toMatchObject({ step: 'key', awaiting: 'h-2' });
    expect(JSON.parse(stored()).state.act.awaiting).toBe('h-2');
  });

  it('never drops an activation that is running', async () => {
    const { store, setOperations } = setup();
    setOperations([snapshot({ operationId: 'op-act', kind: 'stamp.activate', status: 'running' })]);
    await store.getState().syncOperations();
    store.setState((s) => ({ act: { ...s.act, step: 'activate', operationId: 'op-act', handoffId: 'h-1' } }));
    store.getState().activateHandoff('h-2');
    expect(store.getState().act).toMatchObject({ step: 'activate', operationId: 'op-act', handoffId: 'h-1' });
    expect(store.getState().screen).toBe('activate');
  });
});

describe('archive and remembered addresses', () => {
  it('archives through main with the reason and re-reads the list', async () => {
    const { store, calls, setHandoffs } = setup();
    setHandoffs([handoff({ id: 'h-1', stage: 'token-saved' })]);
    expect(await store.getState().archiveHandoff('h-1', 'superseded', '  newer token  ')).toBe(true);
    expect(calls.find((c) => c.name === 'handoff.archive')?.req).toEqual({ handoffId: 'h-1', reason: 'superseded', detail: 'newer token' });
    expect(store.getState().handoffs[0]?.stage).toBe('archived');
  });

  it('reads the remembered addresses and forgets them; they never reach the progress storage', async () => {
    const { store, stored } = setup();
    await store.getState().loadRecentErcs();
    expect(store.getState().recentErcs).toEqual([['10.0.0.224', '10.0.0.225']]);
    store.getState().setHosts(['10.9.9.9']);
    expect(stored()).not.toContain('10.0.0.225');
    await store.getState().forgetErcs(['10.0.0.224', '10.0.0.225']);
    expect(store.getState().recentErcs).toEqual([]);
  });
});
