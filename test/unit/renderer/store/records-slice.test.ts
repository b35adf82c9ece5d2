import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../shared/contract';
import { createAppStore } from '../../../../renderer/store/create-store';
import { i18n } from '../../../../renderer/i18n';
import { createFakeApi, memoryStorage } from './fake-api';

const setup = () => {
  const fake = createFakeApi();
  return { ...fake, store: createAppStore(fake.api, memoryStorage()) };
};
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('records slice', () => {
  it('asks main for the record in the UI language and shows where it went', async () => {
    const { store, calls } = setup();
    await i18n.changeLanguage('fr');
    await store.getState().saveRecord('handoff-1');
    expect(calls.at(-1)).toEqual({ name: 'handoff.saveRecord', req: { handoffId: 'handoff-1', language: 'fr' } });
    expect(store.getState().records).toEqual({ handoffId: 'handoff-1', saved: { path: '/home/op/record.pdf', bytes: 2048 } });
    expect(store.getState().busy.records).toBeUndefined();
  });

  it('shows nothing when the operator cancels the dialog, and the problem when main refuses', async () => {
    const { store, api } = setup();
    api['handoff.saveRecord'] = async () => ok(null);
    await store.getState().saveRecord('handoff-2');
    expect(store.getState().records).toEqual({ handoffId: 'handoff-2' });
    api['handoff.saveRecord'] = async () => fail('not-found', 'This hand-off is not in the journal of this machine.');
    await store.getState().saveRecord('handoff-3');
    expect(store.getState().problems.records?.code).toBe('not-found');
  });

  it('exports diagnostics when the app menu asks, on the About screen', async () => {
    const { store, api, emit, calls } = setup();
    api['diagnostics.export'] = async () => ok({ path: '/home/op/diag.zip', bytes: 900 });
    await store.getState().init();
    emit('app.show', { screen: 'about', action: 'exportDiagnostics' });
    await expect.poll(() => store.getState().records.diagnostics).toEqual({ path: '/home/op/diag.zip', bytes: 900 });
    expect(store.getState().screen).toBe('about');
    // The About entry alone only opens the screen.
    const before = calls.length;
    emit('app.show', { screen: 'about' });
    expect(calls.slice(before).some((c) => c.name === 'diagnostics.export')).toBe(false);
  });
});
