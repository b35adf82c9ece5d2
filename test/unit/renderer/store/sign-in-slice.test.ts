import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-store';
import { createFakeApi, memoryStorage } from './fake-api';

describe('sign-in in the register slice', () => {
  it('asks main to cancel without touching the running sign-in’s busy state or problem', async () => {
    const { api, calls } = createFakeApi();
    const store = createAppStore(api, memoryStorage());
    await store.getState().cancelSignIn();
    expect(calls.filter((c) => c.name === 'azure.cancelSignIn')).toEqual([{ name: 'azure.cancelSignIn', req: {} }]);
    expect(store.getState().busy.register).toBeUndefined();
  });

  it('loads what the chosen cloud’s sign-in will use, and does not keep it across reloads', async () => {
    const storage = memoryStorage();
    const { api, calls } = createFakeApi();
    const store = createAppStore(api, storage);
    store.getState().setRegister({ cloud: 'AzureUSGovernment' });
    await store.getState().loadConnection();
    expect(calls.find((c) => c.name === 'azure.connection')?.req).toEqual({ cloud: 'AzureUSGovernment' });
    expect(store.getState().reg.connection?.signInClient.kind).toBe('default');
    const stored = [...storage.data.values()].join('');
    expect(stored).toContain('AzureUSGovernment');
    expect(stored).not.toContain('signInClient');
  });
});
