import type { Api, Settings } from '../../shared/contract';
import { makeCall } from './call';
import type { SettingsSlice, Slice } from './types';

const same = (a: Settings, b: Settings): boolean => JSON.stringify(a) === JSON.stringify(b);

export const settingsSlice =
  (api: Api): Slice<SettingsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    /** Whether main recomposed; its `app.stateChanged` event makes every screen re-read (sessions are gone). */
    const applied = (settings: Settings) => {
      const before = get().settings;
      set({ settings });
      return before === null || !same(before, settings);
    };
    const loadPowerShell = async () => {
      set({ powershell: null });
      const powershell = await call('settings', 'busy.checkPowerShell', () => api['settings.powershell']({}));
      if (powershell) set({ powershell });
    };
    return {
      settings: null,
      powershell: null,
      loadSettings: async () => {
        const settings = await call('settings', 'busy.readSettings', () => api['settings.get']({}));
        if (!settings) return;
        set({ settings });
        await loadPowerShell();
      },
      saveSettings: async (next) => {
        const settings = await call('settings', 'busy.saveSettings', () => api['settings.set'](next));
        if (!settings) return false;
        if (applied(settings)) await loadPowerShell();
        return true;
      },
      choosePowerShell: async () => {
        const chosen = await call('settings', 'busy.fileDialog', () => api['settings.choosePowerShell']({}));
        if (!chosen) return false;
        applied(chosen.settings);
        set({ powershell: chosen.powershell });
        return true;
      },
    };
  };
