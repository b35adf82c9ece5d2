import { describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/contract';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { createFakeApi, handoff, memoryStorage, settle, snapshot, STAMP, TOKEN } from './fake-api';

const setup = (storage = memoryStorage()) => {
  const fake = createFakeApi();
  const store = createAppStore(fake.api, storage);
  return { ...fake, store, storage, stored: () => storage.data.get(STORAGE_KEY) ?? '' };
};

describe('persistence', () => {
  it('keeps the PEP password out of state and storage, keeps the non-secret inputs', async () => {
    const { store, stored, calls } = setup();
    const s = store.getState();
    s.setHosts(['10.0.0.224', '10.0.0.225']);
    s.setUser('AZS\\CloudAdmin');
    s.setPassword('Pa55-w0rd!');
    expect(stored()).not.toContain('Pa55-w0rd!');
    expect(await store.getState().connect()).toBe(true);
    expect(calls.find((c) => c.name === 'pep.connect')?.req).toMatchObject({ password: 'Pa55-w0rd!' });
    expect(store.getState().stamp.password).toBe('');
    expect(stored()).not.toContain('Pa55-w0rd!');
    expect(JSON.parse(stored()).state.stamp).toMatchObject({ hosts: ['10.0.0.224', '10.0.0.225'], user: 'AZS\\CloudAdmin', sessionId: 'session-1' });
  });

  it('sends the transcript share with the connection, then forgets its password', async () => {
    const { store, stored, calls } = setup();
    const s = store.getState();
    s.setHosts(['10.0.0.224']);
    s.setUser('AZS\\CloudAdmin');
    s.setPassword('pep-secret');
    s.setShare({ path: ' \\\\files\\pep ', user: 'CONTOSO\\svc-pep', password: 'share-secret' });
    expect(await store.getState().connect()).toBe(true);
    expect(calls.find((c) => c.name === 'pep.connect')?.req).toMatchObject({
      transcriptShare: { path: '\\\\files\\pep', user: 'CONTOSO\\svc-pep', password: 'share-secret' },
    });
    expect(store.getState().stamp.share).toEqual({ path: ' \\\\files\\pep ', user: 'CONTOSO\\svc-pep', password: '' });
    expect(stored()).not.toContain('share-secret');
  });

  it('sends no transcript share when none is given', async () => {
    const { store, calls } = setup();
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setUser('AZS\\CloudAdmin');
    store.getState().setPassword('pep-secret');
    await store.getState().connect();
    expect(calls.find((c) => c.name === 'pep.connect')?.req).not.toHaveProperty('transcriptShare');
  });

  it('clears the password when the connection fails too', async () => {
    const { store, api } = setup();
    api['pep.connect'] = async () => fail('pep-access-denied', 'Access is denied.');
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setUser('AZS\\CloudAdmin');
    store.getState().setPassword('wrong');
    expect(await store.getState().connect()).toBe(false);
    expect(store.getState().stamp.password).toBe('');
    expect(store.getState().problems.stamp?.code).toBe('pep-access-denied');
  });

  it('never stores pasted token text or the decoded token, only the hand-off id', async () => {
    const { store, stored } = setup();
    store.getState().setRegister({ pasted: 'eyJjbG91ZElkIjoi-PASTED-TOKEN' });
    expect(stored()).not.toContain('PASTED-TOKEN');
    await store.getState().readPastedToken();
    expect(store.getState().reg.token).toEqual(TOKEN);
    expect(store.getState().reg.pasted).toBe('');
    expect(stored()).not.toContain(TOKEN.summary.agreementNumber);
    expect(JSON.parse(stored()).state.reg.handoffId).toBe('handoff-host');
  });

  it('restores steps, inputs and hand-off ids in a new store (a reload)', async () => {
    const first = setup();
    first.store.getState().setHosts(['10.0.0.224']);
    first.store.getState().setChoices({ billingModel: 'Capacity', agreementNumber: 'EA-77' });
    first.store.getState().goExport('billing');
    first.store.getState().chooseSide('host');
    await first.store.getState().readPastedToken();
    const second = setup(first.storage);
    const s = second.store.getState();
    expect(s.side).toBe('host');
    expect(s.exp.step).toBe('billing');
    expect(s.exp.choices.agreementNumber).toBe('EA-77');
    expect(s.stamp.hosts).toEqual(['10.0.0.224']);
    expect(s.reg.handoffId).toBe('handoff-host');
    expect(s.reg.registrationName).toBe(`AzureStack-${STAMP.cloudId}`);
    expect(s.reg.token).toBeUndefined();
  });

  it('drops a stored blob that fails its schema, whole', () => {
    const storage = memoryStorage();
    const good = setup(storage);
    good.store.getState().goExport('billing');
    const blob = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}');
    blob.state.stamp.hosts = ['a', 'b', 'c', 'd'];
    storage.data.set(STORAGE_KEY, JSON.stringify(blob));
    const { store } = setup(storage);
    expect(store.getState().exp.step).toBe('preflight');
    expect(store.getState().stamp.hosts).toEqual(['']);
  });

  it('ignores a password smuggled into storage', () => {
    const storage = memoryStorage();
    setup(storage).store.getState().setUser('AZS\\CloudAdmin');
    const blob = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}');
    blob.state.stamp.password = 'from-disk';
    storage.data.set(STORAGE_KEY, JSON.stringify(blob));
    const { store } = setup(storage);
    expect(store.getState().stamp.user).toBe('AZS\\CloudAdmin');
    expect(store.getState().stamp.password).toBe('');
  });
});

describe('navigation', () => {
  it('keeps every input when the operator goes back and forth', async () => {
    const { store } = setup();
    const s = store.getState();
    s.goExport('billing');
    s.setChoices({ billingModel: 'Custom', msAssetTag: 'TAG-1' });
    s.goExport('stamp');
    s.goExport('billing');
    expect(store.getState().exp.choices).toMatchObject({ billingModel: 'Custom', msAssetTag: 'TAG-1' });

    await store.getState().readPastedToken();
    store.getState().setRegister({ registrationName: 'my-registration', resourceGroup: 'rg-azs', tokenConfirmed: true });
    store.getState().goRegister('token');
    store.getState().goRegister('permissions');
    expect(store.getState().reg).toMatchObject({ registrationName: 'my-registration', resourceGroup: 'rg-azs', tokenConfirmed: true });
  });

  it('keeps a typed registration name when the same token is read again, suggests one for another cloud', async () => {
    const { store, api } = setup();
    await store.getState().readPastedToken();
    store.getState().setRegister({ registrationName: 'custom-name' });
    await store.getState().readPastedToken();
    expect(store.getState().reg.registrationName).toBe('custom-name');
    const other = { ...TOKEN, summary: { ...TOKEN.summary, cloudId: '11111111-2222-3333-4444-555555555555' } };
    api['handoff.readTokenText'] = async () => ({ ok: true, value: { handoff: handoff({ id: 'h2' }), token: other } });
    await store.getState().readPastedToken();
    expect(store.getState().reg.registrationName).toBe('AzureStack-11111111-2222-3333-4444-555555555555');
  });
});

describe('operations mirror', () => {
  it('drops events whose seq is not newer than the snapshot', async () => {
    const { store, emit, setOperations } = setup();
    setOperations([snapshot({ seq: 5 })]);
    await store.getState().init();
    const progress = (seq: number) => ({ operationId: 'op-1', seq, at: '2026-11-25T10:00:01.000Z', level: 'progress' as const, phase: 'token', message: `step ${seq}` });
    emit('operation.progress', progress(4));
    emit('operation.progress', progress(5));
    expect(store.getState().ops['op-1']?.log).toEqual([]);
    emit('operation.progress', progress(6));
    emit('operation.progress', progress(6));
    expect(store.getState().ops['op-1']?.log.map((l) => l.seq)).toEqual([6]);
    expect(store.getState().ops['op-1']?.lastProgress?.message).toBe('step 6');
  });

  it('recovers the lines sent before it subscribed from the snapshot, without repeating any', async () => {
    const { store, emit, setOperations } = setup();
    const line = (seq: number) => ({ operationId: 'op-1', seq, at: '2026-11-25T10:00:01.000Z', level: 'info' as const, phase: 'plan', message: `line ${seq}` });
    setOperations([snapshot({ seq: 2, log: [line(1), line(2)], lastProgress: line(2) })]);
    await store.getState().init();
    emit('operation.progress', line(3));
    setOperations([snapshot({ seq: 3, log: [line(1), line(2), line(3)], lastProgress: line(3) })]);
    await store.getState().syncOperations();
    expect(store.getState().ops['op-1']?.log.map((l) => l.message)).toEqual(['line 1', 'line 2', 'line 3']);
  });

  it('keeps a newer local view when a stale snapshot arrives', async () => {
    const { store, emit, setOperations } = setup();
    setOperations([snapshot({ seq: 2 })]);
    await store.getState().init();
    emit('operation.progress', { operationId: 'op-1', seq: 3, at: 'x', level: 'progress', phase: 'p', message: 'm' });
    await store.getState().syncOperations();
    expect(store.getState().ops['op-1']?.seq).toBe(3);
  });

  it('re-syncs when an event names an operation it does not know yet', async () => {
    const { store, emit, setOperations } = setup();
    await store.getState().init();
    await store.getState().connect();
    await store.getState().generateToken();
    expect(store.getState().exp.operationId).toBe('op-1');
    expect(store.getState().ops['op-1']).toBeUndefined();
    // Practice operations can finish before the start call returns: the event arrives first.
    const finished = {
      operationId: 'op-1',
      seq: 9,
      status: 'succeeded' as const,
      outcome: { ok: true as const, value: { kind: 'stamp.createToken' as const, handoff: handoff({ id: 'h-token' }), token: TOKEN } },
    };
    setOperations([snapshot({ seq: 9, status: 'succeeded', finished })]);
    emit('operation.finished', finished);
    await settle();
    expect(store.getState().ops['op-1']?.status).toBe('succeeded');
    expect(store.getState().exp.handoffId).toBe('h-token');
  });

  it('settles an outcome found in operation.list after a reload', async () => {
    const { store, setOperations } = setup();
    await store.getState().connect();
    await store.getState().generateToken();
    setOperations([
      snapshot({
        seq: 9,
        status: 'succeeded',
        finished: {
          operationId: 'op-1',
          seq: 9,
          status: 'succeeded',
          outcome: { ok: true, value: { kind: 'stamp.createToken', handoff: handoff({ id: 'h-token' }), token: TOKEN } },
        },
      }),
    ]);
    await store.getState().syncOperations();
    expect(store.getState().exp.handoffId).toBe('h-token');
    expect(store.getState().ops['op-1']?.status).toBe('succeeded');
  });

  it('applies a finished event for a known operation', async () => {
    const { store, emit, setOperations } = setup();
    await store.getState().init();
    await store.getState().connect();
    setOperations([snapshot({ seq: 1 })]);
    await store.getState().generateToken();
    emit('operation.finished', {
      operationId: 'op-1',
      seq: 2,
      status: 'failed',
      outcome: { ok: false, problem: { code: 'pep-hardware-info', message: 'A node did not answer.', retryable: true } },
    });
    expect(store.getState().ops['op-1']?.status).toBe('failed');
    expect(store.getState().ops['op-1']?.cancellable).toBe(false);
    expect(store.getState().exp.handoffId).toBeUndefined();
  });
});

describe('sessions', () => {
  it('forgets a PEP session main no longer has', async () => {
    const { store, api } = setup();
    await store.getState().connect();
    api['operation.start'] = async () => fail('session-missing', 'The privileged endpoint session has closed.');
    await store.getState().generateToken();
    expect(store.getState().stamp.sessionId).toBeUndefined();
    expect(store.getState().problems.export?.code).toBe('session-missing');
  });

  it('forgets the Azure account when sign-in expired', async () => {
    const { store, api } = setup();
    await store.getState().signIn();
    expect(store.getState().reg.account?.username).toBe('op@contoso.com');
    api['azure.subscriptions'] = async () => fail('azure-credential-expired', 'Your Azure sign-in expired.');
    await store.getState().loadSubscriptions();
    expect(store.getState().reg.account).toBeUndefined();
  });
});

describe('modes', () => {
  it('starts over when saved progress belongs to the other mode', async () => {
    const storage = memoryStorage();
    const practice = setup(storage);
    await practice.store.getState().loadInfo();
    practice.store.getState().setHosts(['10.20.30.224']);
    practice.store.getState().goExport('billing');
    practice.store.getState().chooseSide('stamp');

    const live = setup(storage);
    live.api['app.info'] = async () => ({ ok: true, value: { mode: 'live', version: '1.0.0', locale: 'en-US' } });
    await live.store.getState().loadInfo();
    const s = live.store.getState();
    expect(s.progressMode).toBe('live');
    expect(s.exp.step).toBe('preflight');
    expect(s.stamp.hosts).toEqual(['']);
    expect(s.side).toBe('stamp');
  });

  it('keeps progress when the mode is unchanged', async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.store.getState().loadInfo();
    first.store.getState().goExport('billing');
    const second = setup(storage);
    await second.store.getState().loadInfo();
    expect(second.store.getState().exp.step).toBe('billing');
  });

  it('drops sessions and progress when the operator switches mode', async () => {
    const { store } = setup();
    await store.getState().loadInfo();
    await store.getState().connect();
    await store.getState().signIn();
    await store.getState().setMode('live');
    expect(store.getState().info?.mode).toBe('live');
    expect(store.getState().stamp.sessionId).toBeUndefined();
    expect(store.getState().reg.account).toBeUndefined();
  });
});

describe('stamp operations', () => {
  it('starts activation removal on the open session', async () => {
    const { store, calls } = setup();
    await store.getState().connect();
    await store.getState().removeActivation();
    expect(calls.find((c) => c.name === 'operation.start')?.req).toEqual({ kind: 'stamp.removeActivation', sessionId: 'session-1' });
    expect(store.getState().act.removeOpId).toBe('op-1');
  });

  it('sends only the applicable billing fields when generating a token', async () => {
    const { store, calls } = setup();
    await store.getState().connect();
    store.getState().setChoices({ billingModel: 'Development', agreementNumber: 'EA-LEFTOVER' });
    await store.getState().generateToken();
    expect(calls.find((c) => c.name === 'operation.start')?.req).toEqual({
      kind: 'stamp.createToken',
      sessionId: 'session-1',
      choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
    });
  });
});
