import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../../shared/contract';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { createFakeApi, memoryStorage, settle } from './fake-api';

const SUB = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';
const setup = () => {
  const fake = createFakeApi();
  return { ...fake, store: createAppStore(fake.api, memoryStorage()) };
};

describe('connected slice', () => {
  it('opens prefilled by another flow (a change of a recovered registration), keeping what it is not given', () => {
    const { store } = setup();
    store.getState().setConnectedChoices({ agreementNumber: 'EA-1' });
    store.getState().openConnected({
      purpose: 'change',
      subscriptionId: SUB,
      resourceGroup: 'rg-prod',
      registrationName: 'AzureStack-prod',
      choices: { billingModel: 'Development' },
      previous: { registrationName: 'AzureStack-prod', resourceGroup: 'rg-prod' },
    });
    const s = store.getState();
    expect(s.screen).toBe('connected');
    expect(s.side).toBe('host');
    expect(s.con).toMatchObject({ purpose: 'change', subscriptionId: SUB, resourceGroup: 'rg-prod', registrationName: 'AzureStack-prod', choices: { billingModel: 'Development', agreementNumber: 'EA-1' } });
  });

  it('starts the operation with the names, the signed-in cloud, and the previous registration only for a re-run', async () => {
    const { store, calls } = setup();
    store.setState((s) => ({ stamp: { ...s.stamp, sessionId: 'session-1' }, reg: { ...s.reg, account: { cloud: 'AzureUSGovernment', username: 'op', tenantId: 't', practice: true } } }));
    store.getState().openConnected({ subscriptionId: SUB, registrationName: ' AzureStack-x ', previous: { registrationName: 'AzureStack-x', resourceGroup: 'azurestack' } });
    await store.getState().startConnected();
    const first = calls.filter((c) => c.name === 'operation.start').at(-1)?.req as Record<string, unknown>;
    expect(first).toMatchObject({ kind: 'connected.register', sessionId: 'session-1', purpose: 'register', subscriptionId: SUB, registrationName: 'AzureStack-x', choices: { billingModel: 'PayAsYouUse', targetCloud: 'AzureUSGovernment' } });
    expect(first.previous).toBeUndefined();
    store.getState().setConnected({ purpose: 'scale' });
    await store.getState().startConnected();
    expect(calls.filter((c) => c.name === 'operation.start').at(-1)?.req).toMatchObject({ purpose: 'scale', previous: { registrationName: 'AzureStack-x', resourceGroup: 'azurestack' } });
    expect(store.getState().con.operationId).toBe('op-1');
  });

  it('re-reads the records after a recomposition and forgets what the old Azure said', async () => {
    const { store, calls } = setup();
    await store.getState().init();
    store.setState((s) => ({ con: { ...s.con, subscriptionId: SUB, registrationName: 'r', check: { locked: true, at: 'then' } } }));
    const before = calls.filter((c) => c.name === 'connected.records').length;
    expect(await store.getState().saveScenario({ ...DEFAULT_PRACTICE_SCENARIO, roleAssignmentForbidden: true })).toBe(true);
    await settle();
    await settle();
    expect(calls.filter((c) => c.name === 'connected.records').length).toBeGreaterThan(before);
    expect(store.getState().con.check).toBeUndefined();
  });

  it('keeps its inputs and run across a reload (none of them secret)', async () => {
    const storage = memoryStorage();
    const fake = createFakeApi();
    const first = createAppStore(fake.api, storage);
    first.getState().openConnected({ purpose: 'renew', subscriptionId: SUB, registrationName: 'AzureStack-x-renewed', previous: { registrationName: 'AzureStack-x', resourceGroup: 'azurestack', expired: true } });
    first.getState().setConnectedChoices({ billingModel: 'Capacity', agreementNumber: 'EA-42' });
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}').state.con).toMatchObject({ purpose: 'renew', subscriptionId: SUB, choices: { agreementNumber: 'EA-42' } });
    const again = createAppStore(createFakeApi().api, storage);
    expect(again.getState().con).toMatchObject({ purpose: 'renew', subscriptionId: SUB, registrationName: 'AzureStack-x-renewed', previous: { expired: true }, choices: { billingModel: 'Capacity', agreementNumber: 'EA-42' } });
    expect(again.getState().screen).toBe('connected');
  });
});
