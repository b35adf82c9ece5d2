import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../../shared/contract';
import type { SettingsRequest } from '../../../../shared/contract';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { createFakeApi, memoryStorage, PWSH_PATH } from './fake-api';

const setup = (storage = memoryStorage()) => {
  const fake = createFakeApi();
  const store = createAppStore(fake.api, storage);
  return { ...fake, store, storage, stored: () => storage.data.get(STORAGE_KEY) ?? '' };
};
const API_2022: SettingsRequest = { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2022-06-01' };

describe('settings slice', () => {
  it('loads the settings main keeps', async () => {
    const { store } = setup();
    expect(store.getState().settings).toBeNull();
    await store.getState().loadSettings();
    expect(store.getState().settings).toEqual({ powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' });
    // And what it will run, as main found it.
    expect(store.getState().powershell).toMatchObject({ path: expect.stringContaining('powershell.exe'), version: '5.1.19041.5247' });
  });

  it('chooses pwsh through main (no path leaves the renderer) and shows what will run', async () => {
    const { store, calls } = setup();
    await store.getState().loadSettings();
    expect(await store.getState().choosePowerShell()).toBe(true);
    expect(calls.at(-1)).toEqual({ name: 'settings.choosePowerShell', req: {} });
    expect(store.getState().settings?.powershell).toEqual({ kind: 'pwsh', path: PWSH_PATH });
    expect(store.getState().powershell).toEqual({ path: PWSH_PATH, version: '7.4.6', edition: 'Core' });
    expect(await store.getState().saveSettings({ powershell: { kind: 'pwsh' }, registrationApiVersion: '2022-06-01' })).toBe(true);
    expect(JSON.stringify(calls.filter((c) => c.name.startsWith('settings.')))).not.toContain(`"path"`);
  });

  it('saves a change and forgets the PEP session and Azure account that main closed, keeping progress', async () => {
    const { store, calls } = setup();
    await store.getState().init();
    await store.getState().loadSettings();
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setPassword('x');
    await store.getState().connect();
    await store.getState().signIn();
    store.getState().setRegister({ registrationName: 'AzureStack-keep' });
    expect(store.getState().stamp.sessionId).toBe('session-1');
    expect(store.getState().reg.account).toBeDefined();

    expect(await store.getState().saveSettings(API_2022)).toBe(true);
    expect(calls.find((c) => c.name === 'settings.set')).toEqual({ name: 'settings.set', req: API_2022 });
    // Main announces the recomposition; the store re-reads and lets go of the sessions main closed.
    await vi.waitFor(() => expect(store.getState().stamp.sessionId).toBeUndefined());
    const s = store.getState();
    expect(s.settings).toEqual(API_2022);
    expect(s.stamp.sessionId).toBeUndefined();
    expect(s.reg.account).toBeUndefined();
    expect(s.stamp.hosts).toEqual(['10.0.0.224']);
    expect(s.reg.registrationName).toBe('AzureStack-keep');
  });

  it('keeps the sessions when nothing changed', async () => {
    const { store } = setup();
    await store.getState().loadSettings();
    store.getState().setPassword('x');
    await store.getState().connect();
    expect(await store.getState().saveSettings({ powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' })).toBe(true);
    expect(store.getState().stamp.sessionId).toBe('session-1');
  });

  it('shows a refusal in the settings scope and keeps what main has', async () => {
    const { store, api } = setup();
    await store.getState().loadSettings();
    api['settings.set'] = async () => fail('bad-request', 'An operation is still running.', { action: 'Wait for it to finish.' });
    expect(await store.getState().saveSettings(API_2022)).toBe(false);
    expect(store.getState().problems.settings).toMatchObject({ code: 'bad-request', action: 'Wait for it to finish.' });
    expect(store.getState().settings?.registrationApiVersion).toBe('2017-06-01');
    expect(store.getState().busy.settings).toBeUndefined();
  });
});

describe('sign-in tenant', () => {
  it('passes a trimmed tenant to azure.signIn, and none when empty', async () => {
    const { store, calls } = setup();
    await store.getState().signIn();
    expect(calls.find((c) => c.name === 'azure.signIn')?.req).toEqual({ cloud: 'AzureCloud', method: 'browser' });
    store.getState().setRegister({ tenant: ' contoso.onmicrosoft.com ' });
    await store.getState().signIn();
    expect(calls.filter((c) => c.name === 'azure.signIn').at(-1)?.req).toEqual({ cloud: 'AzureCloud', method: 'browser', tenantId: 'contoso.onmicrosoft.com' });
  });

  it('keeps the tenant as progress, and restores progress saved before the field existed', () => {
    const first = setup();
    first.store.getState().setRegister({ tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    first.store.getState().open('settings');
    expect(JSON.parse(first.stored()).state.reg.tenant).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    const second = setup(first.storage);
    expect(second.store.getState().reg.tenant).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(second.store.getState().screen).toBe('settings');

    const old = JSON.parse(first.stored()) as { state: { reg: Record<string, unknown> } };
    delete old.state.reg['tenant'];
    const storage = memoryStorage();
    storage.data.set(STORAGE_KEY, JSON.stringify(old));
    const third = setup(storage);
    expect(third.store.getState().reg.tenant).toBe('');
    expect(third.store.getState().screen).toBe('settings');
  });
});
