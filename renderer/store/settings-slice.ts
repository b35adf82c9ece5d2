import type { Api } from '../../shared/contract';
import { makeCall } from './call';
import type { SettingsSlice, Slice } from './types';

export const settingsSlice =
  (api: Api): Slice<SettingsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    return {
      settings: null,
      loadSettings: async () => {
        const settings = await call('settings', 'busy.readSettings', () => api['settings.get']({}));
        if (settings) set({ settings });
      },
      // Changed settings recompose main; its `app.stateChanged` event makes every screen re-read.
      saveSettings: async (next) => {
        const settings = await call('settings', 'busy.saveSettings', () => api['settings.set'](next));
        if (!settings) return false;
        set({ settings });
        return true;
      },
    };
  };
