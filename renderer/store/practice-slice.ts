import type { Api } from '../../shared/contract';
import { makeCall } from './call';
import type { PracticeSlice, Slice } from './types';

export const practiceSlice =
  (api: Api): Slice<PracticeSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    return {
      scenario: null,
      loadScenario: async () => {
        if (get().info?.mode === 'live') return;
        const scenario = await call('practice', 'busy.readScenario', () => api['practice.get']({}));
        if (scenario) set({ scenario });
      },
      // A new scenario recomposes main; its `app.stateChanged` event makes every screen re-read.
      saveScenario: async (next) => {
        const scenario = await call('practice', 'busy.saveScenario', () => api['practice.set'](next));
        if (!scenario) return false;
        set({ scenario });
        return true;
      },
      resetPractice: async () => {
        const scenario = await call('practice', 'busy.resetPractice', () => api['practice.reset']({}));
        if (!scenario) return false;
        set({ scenario });
        return true;
      },
    };
  };
