import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO, fail } from '../../../../shared/contract';
import type { PracticeScenario } from '../../../../shared/contract';
import { createAppStore, STORAGE_KEY } from '../../../../renderer/store/create-store';
import { createFakeApi, memoryStorage } from './fake-api';

const setup = () => {
  const fake = createFakeApi();
  const storage = memoryStorage();
  const store = createAppStore(fake.api, storage);
  return { ...fake, store, stored: () => storage.data.get(STORAGE_KEY) ?? '' };
};
const OLD_STAMP: PracticeScenario = { ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.1910.0.58', lockForbidden: true };

describe('practice slice', () => {
  it('loads the scenario main simulates', async () => {
    const { store, calls } = setup();
    expect(store.getState().scenario).toBeNull();
    await store.getState().loadScenario();
    expect(store.getState().scenario).toEqual(DEFAULT_PRACTICE_SCENARIO);
    expect(calls.at(-1)).toEqual({ name: 'practice.get', req: {} });
  });

  it('saves a change and forgets the PEP session and Azure account main closed, keeping progress and not storing the scenario', async () => {
    const { store, calls, stored } = setup();
    await store.getState().init();
    await store.getState().loadScenario();
    store.getState().setHosts(['10.0.0.224']);
    store.getState().setPassword('x');
    await store.getState().connect();
    await store.getState().signIn();
    store.getState().setRegister({ registrationName: 'AzureStack-keep' });

    expect(await store.getState().saveScenario(OLD_STAMP)).toBe(true);
    expect(calls).toContainEqual({ name: 'practice.set', req: OLD_STAMP });
    // Main announces the recomposition; the store re-reads and lets go of the sessions main closed.
    await vi.waitFor(() => expect(store.getState().stamp.sessionId).toBeUndefined());
    const s = store.getState();
    expect(s.scenario).toEqual(OLD_STAMP);
    expect(s.stamp.sessionId).toBeUndefined();
    expect(s.reg.account).toBeUndefined();
    expect(s.stamp.hosts).toEqual(['10.0.0.224']);
    expect(s.reg.registrationName).toBe('AzureStack-keep');
    expect(stored()).not.toContain('1.1910.0.58');
  });

  it('keeps the sessions when nothing changed', async () => {
    const { store } = setup();
    await store.getState().loadScenario();
    store.getState().setPassword('x');
    await store.getState().connect();
    expect(await store.getState().saveScenario(DEFAULT_PRACTICE_SCENARIO)).toBe(true);
    expect(store.getState().stamp.sessionId).toBe('session-1');
  });

  it('shows a refusal in the practice scope and keeps what main has', async () => {
    const { store, api } = setup();
    await store.getState().loadScenario();
    api['practice.set'] = async () => fail('bad-request', 'Practice scenarios apply only in practice mode; nothing was changed.', { action: 'Switch to practice mode to rehearse a scenario.' });
    expect(await store.getState().saveScenario(OLD_STAMP)).toBe(false);
    expect(store.getState().problems.practice).toMatchObject({ code: 'bad-request', action: 'Switch to practice mode to rehearse a scenario.' });
    expect(store.getState().scenario).toEqual(DEFAULT_PRACTICE_SCENARIO);
    expect(store.getState().busy.practice).toBeUndefined();
  });

  it('remembers the practice screen across a reload', async () => {
    const fake = createFakeApi();
    const storage = memoryStorage();
    createAppStore(fake.api, storage).getState().open('practice');
    const reloaded = createAppStore(fake.api, storage);
    await reloaded.persist.rehydrate();
    expect(reloaded.getState().screen).toBe('practice');
  });
});
