import type { Api, PracticeScenario } from '../../shared/contract';
import { makeCall } from './call';
import type { PracticeSlice, Slice } from './types';

const same = (a: PracticeScenario, b: PracticeScenario): boolean => JSON.stringify(a) === JSON.stringify(b);

export const practiceSlice =
  (api: Api): Slice<PracticeSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    return {
      scenario: null,
      loadScenario: async () => {
        const scenario = await call('practice', 'Reading the practice scenario', () => api['practice.get']({}));
        if (scenario) set({ scenario });
      },
      saveScenario: async (next) => {
        const before = get().scenario;
        const scenario = await call('practice', 'Saving the practice scenario', () => api['practice.set'](next));
        if (!scenario) return false;
        // A new scenario is a new simulated stamp and Azure: the PEP session and the sign-in are gone.
        const recomposed = before === null || !same(before, scenario);
        set((s) => ({
          scenario,
          ...(recomposed
            ? { stamp: { ...s.stamp, sessionId: undefined, host: undefined }, reg: { ...s.reg, account: undefined, deviceCode: undefined } }
            : {}),
        }));
        return true;
      },
    };
  };
