import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/contract';
import { createAppStore } from '../../../../renderer/store/create-store';
import { connectedPrefillOf } from '../../../../renderer/store/status-slice';
import { createFakeApi, memoryStorage, STAMP } from './fake-api';

// The status screen's state: sign-in then both sides read, the stamp's cloud ID passed when a PEP
// session knows it, and a sign-in main no longer holds dropped from the screen.

const setup = () => {
  const fake = createFakeApi();
  const store = createAppStore(fake.api, memoryStorage());
  return { ...fake, store };
};

describe('status slice', () => {
  it('signs in with the trimmed endpoint and directory, then reads both sides with the connected stamp\'s cloud ID', async () => {
    const { store, calls } = setup();
    store.setState((s) => ({ stamp: { ...s.stamp, info: STAMP } }));
    store.getState().setStatus({ endpoint: ' https://adminmanagement.local.azurestack.external ', tenant: ' contoso.onmicrosoft.com ' });
    await store.getState().signInStampArm('browser');
    expect(calls.filter((c) => c.name.startsWith('stampArm.') || c.name.startsWith('status.'))).toEqual([
      { name: 'stampArm.signIn', req: { endpoint: 'https://adminmanagement.local.azurestack.external', tenant: 'contoso.onmicrosoft.com', method: 'browser' } },
      { name: 'status.read', req: { cloudId: STAMP.cloudId } },
    ]);
    expect(store.getState().status.account?.identitySystem).toBe('AzureAD');
    expect(store.getState().status.view?.readAt).toBe('2026-12-05T08:00:00.000Z');
  });

  it('forgets the sign-in when main says it no longer holds one (after a mode or scenario change)', async () => {
    const { store, api } = setup();
    await store.getState().signInStampArm('device-code');
    expect(store.getState().status.account).toBeDefined();
    api['status.read'] = async () =>
      ok({ readAt: '2026-12-05T08:01:00.000Z', stampProblem: { code: 'stamp-arm-not-signed-in', message: 'not signed in', retryable: false } });
    await store.getState().readStatus();
    expect(store.getState().status.account).toBeUndefined();
    expect(store.getState().status.view?.stampProblem?.code).toBe('stamp-arm-not-signed-in');
  });

  it('keeps the recovered details until the next read, and sign-out clears them', async () => {
    const { store } = setup();
    await store.getState().signInStampArm('browser');
    await store.getState().recoverDetails();
    expect(store.getState().status.prefill?.resourceGroup).toBe('azurestack');
    await store.getState().signOutStampArm();
    expect(store.getState().status).toMatchObject({ account: undefined, view: undefined, prefill: undefined });
  });

  it('opens the connected flow with the recovered details: same name and group, the model and flags as they are', async () => {
    const { store, api } = setup();
    api['status.prefill'] = async () =>
      ok({ subscriptionId: 'sub', resourceGroup: 'azurestack', registrationName: 'AzureStack-x', location: 'westcentralus', billingModel: 'capacity', usageReportingEnabled: false, marketplaceSyndicationEnabled: true, ask: ['agreementNumber' as const] });
    await store.getState().signInStampArm('browser');
    await store.getState().recoverDetails();
    store.getState().reregisterConnected();
    const { screen, con } = store.getState();
    expect(screen).toBe('connected');
    expect(con).toMatchObject({
      purpose: 'change',
      subscriptionId: 'sub',
      resourceGroup: 'azurestack',
      registrationName: 'AzureStack-x',
      location: 'westcentralus',
      choices: { billingModel: 'Capacity', usageReportingEnabled: false, marketplaceSyndicationEnabled: true },
      previous: { registrationName: 'AzureStack-x', resourceGroup: 'azurestack' },
    });
  });

  it('an expired Capacity activation becomes a renewal; another model stays a change, an unknown model is not guessed', () => {
    const prefill = { subscriptionId: 's', resourceGroup: 'g', registrationName: 'n', usageReportingEnabled: true, marketplaceSyndicationEnabled: false, ask: [] };
    expect(connectedPrefillOf({ ...prefill, billingModel: 'Capacity' }, true)).toMatchObject({ purpose: 'renew', previous: { expired: true } });
    expect(connectedPrefillOf({ ...prefill, billingModel: 'PayAsYouUse' }, true).purpose).toBe('change');
    expect(connectedPrefillOf({ ...prefill, billingModel: 'Unheard' }, false).choices).not.toHaveProperty('billingModel');
  });
});
