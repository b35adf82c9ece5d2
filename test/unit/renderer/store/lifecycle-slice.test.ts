import { describe, expect, it } from 'vitest';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { createFakeApi, memoryStorage } from './fake-api';

const setup = (storage = memoryStorage()) => {
  const fake = createFakeApi();
  const store = createAppStore(fake.api, storage);
  return { ...fake, store, storage };
};
const startRequests = (calls: { name: string; req: unknown }[]) => calls.filter((c) => c.name === 'operation.start').map((c) => c.req);

describe('lifecycle slice', () => {
  it('another screen can open Change the registration on a change', () => {
    const { store } = setup();
    store.getState().openChange('re-registration', 'connected');
    expect(store.getState()).toMatchObject({ screen: 'change', life: { change: 're-registration', connectivity: 'connected' } });
    store.getState().openChange('renewal');
    expect(store.getState().life).toMatchObject({ change: 'renewal', connectivity: 'connected' });
  });

  it('a change starts a new hand-off whose token carries the purpose; clearing it makes a first registration again', async () => {
    const { store, calls } = setup();
    await store.getState().connect();
    store.setState((s) => ({ exp: { ...s.exp, step: 'done', handoffId: 'old', operationId: 'op-old' } }));
    store.getState().setLife({ change: 'billing-change' });
    store.getState().startChangeHandoff();
    expect(store.getState()).toMatchObject({ screen: 'export', life: { exportPurpose: 'billing-change' }, exp: { step: 'billing' } });
    expect(store.getState().exp.handoffId).toBeUndefined();
    await store.getState().generateToken();
    expect(startRequests(calls).at(-1)).toMatchObject({ kind: 'stamp.createToken', purpose: 'billing-change' });

    store.getState().setLife({ exportPurpose: undefined });
    await store.getState().generateToken();
    expect(startRequests(calls).at(-1)).not.toHaveProperty('purpose');
  });

  it('runs the removal with what the operator typed, and only Azure\'s part once the stamp is recorded as deactivated', async () => {
    const { store, calls } = setup();
    await store.getState().connect();
    store.setState((s) => ({ reg: { ...s.reg, subscriptionId: 'dd8597b4-8739-4467-8b10-f8679f62bfbf' } }));
    store.getState().setLife({ registrationName: ' AzureStack-1 ', confirmName: 'AzureStack-1' });
    await store.getState().removeRegistration();
    store.getState().setLife({ stampDeactivated: true, confirmName: 'AzureStack-1' });
    await store.getState().removeRegistration();
    expect(startRequests(calls)).toEqual([
      { kind: 'registration.remove', sessionId: 'session-1', subscriptionId: 'dd8597b4-8739-4467-8b10-f8679f62bfbf', resourceGroup: 'azurestack', registrationName: 'AzureStack-1', confirmName: 'AzureStack-1', stampDeactivated: false },
      { kind: 'registration.remove', sessionId: 'session-1', subscriptionId: 'dd8597b4-8739-4467-8b10-f8679f62bfbf', resourceGroup: 'azurestack', registrationName: 'AzureStack-1', confirmName: 'AzureStack-1', stampDeactivated: true },
    ]);
    expect(store.getState().life.confirmName).toBe('');
  });

  it('keeps the partial-removal record and the pending purpose across a restart; older saved progress without them still loads', async () => {
    const storage = memoryStorage();
    const first = setup(storage).store;
    first.getState().setLife({ stampDeactivated: true, exportPurpose: 'renewal', registrationName: 'AzureStack-1' });
    first.getState().open('remove-registration');
    const again = setup(storage).store;
    await again.persist.rehydrate();
    expect(again.getState()).toMatchObject({ screen: 'remove-registration', life: { stampDeactivated: true, exportPurpose: 'renewal', registrationName: 'AzureStack-1' } });

    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}') as { state: Record<string, unknown> };
    delete saved.state['life'];
    saved.state['screen'] = 'export';
    storage.data.set(STORAGE_KEY, JSON.stringify(saved));
    const older = setup(storage).store;
    await older.persist.rehydrate();
    expect(older.getState()).toMatchObject({ screen: 'export', life: { stampDeactivated: false, change: 'renewal' } });
  });
});
