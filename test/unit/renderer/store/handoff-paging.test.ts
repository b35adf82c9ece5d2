import { expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/store/create-store';
import { HANDOFF_PAGE_SIZE } from '../../../../shared/domain';
import { createFakeApi, handoff, memoryStorage } from './fake-api';

// The store asks main for the newest finished hand-offs only (issue 12), plus the ones its flows
// hold whatever their age; "Show older" asks for a page more, and a later re-read keeps asking for as many.

it('asks for a page of finished hand-offs and the flows\' own, then a page more on "Show older", and keeps the counts', async () => {
  const fake = createFakeApi();
  const store = createAppStore(fake.api, memoryStorage());
  fake.setHandoffs([handoff({ id: 'h-open' }), handoff({ id: 'h-done', stage: 'activation-confirmed', complete: true })]);
  store.setState((s) => ({ reg: { ...s.reg, handoffId: 'h-reg' }, act: { ...s.act, handoffId: 'h-act' } }));
  await store.getState().refreshHandoffs();
  await store.getState().showOlderHandoffs();
  await store.getState().refreshHandoffs();
  const asked = fake.calls.filter((c) => c.name === 'handoff.list').map((c) => c.req);
  expect(asked).toEqual([
    { finished: HANDOFF_PAGE_SIZE, also: ['h-reg', 'h-act'] },
    { finished: 2 * HANDOFF_PAGE_SIZE, also: ['h-reg', 'h-act'] },
    { finished: 2 * HANDOFF_PAGE_SIZE, also: ['h-reg', 'h-act'] },
  ]);
  expect(store.getState().finishedHandoffs).toEqual({ total: 1, shown: 1, wanted: 2 * HANDOFF_PAGE_SIZE });
  expect(store.getState().handoffs.map((h) => h.id)).toEqual(['h-open', 'h-done']);
});
