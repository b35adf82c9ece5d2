import type { Api, Settings } from '../../shared/contract';
import { makeCall } from './call';
import type { SettingsSlice, Slice } from './types';

const same = (a: Settings, b: Settings): boolean => JSON.stringify(a) === JSON.stringify(b);

export const settingsSlice =
  (api: Api): Slice<SettingsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    return {
      settings: null,
      loadSettings: async () => {
        const settings = await call('settings', 'Reading settings', () => api['settings.get']({}));
        if (settings) set({ settings });
      },
      saveSettings: async (next) => {
        const before = get().settings;
        const settings = await call('settings', 'Saving settings', () => api['settings.set'](next));
        if (!settings) return false;
        // Main recomposed its services: the PEP session and the Azure sign-in are gone, progress stays.
        const recomposed = before === null || !same(before, settings);
        set((s) => ({
          settings,
          ...(recomposed
            ? { stamp: { ...s.stamp, sessionId: undefined, host: undefined }, reg: { ...s.reg, account: undefined, deviceCode: undefined } }
            : {}),
        }));
        return true;
      },
    };
  };
