import type { Api, Settings } from '../../shared/contract';
import { makeCall } from './call';
import type { AppState, SettingsSlice, Slice } from './types';

const same = (a: Settings, b: Settings): boolean => JSON.stringify(a) === JSON.stringify(b);

export const settingsSlice =
  (api: Api): Slice<SettingsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    /** Main recomposed its services: the PEP session and the Azure sign-in are gone, progress stays. */
    const applied = (settings: Settings) => {
      const before = get().settings;
      const recomposed = before === null || !same(before, settings);
      set((s): Partial<AppState> => ({
        settings,
        ...(recomposed
          ? { stamp: { ...s.stamp, sessionId: undefined, host: undefined }, reg: { ...s.reg, account: undefined, deviceCode: undefined } }
          : {}),
      }));
      return recomposed;
    };
    const loadPowerShell = async () => {
      set({ powershell: null });
      const powershell = await call('settings', 'Checking PowerShell', () => api['settings.powershell']({}));
      if (powershell) set({ powershell });
    };
    return {
      settings: null,
      powershell: null,
      loadSettings: async () => {
        const settings = await call('settings', 'Reading settings', () => api['settings.get']({}));
        if (!settings) return;
        set({ settings });
        await loadPowerShell();
      },
      saveSettings: async (next) => {
        const settings = await call('settings', 'Saving settings', () => api['settings.set'](next));
        if (!settings) return false;
        if (applied(settings)) await loadPowerShell();
        return true;
      },
      choosePowerShell: async () => {
        const chosen = await call('settings', 'Waiting for the file dialog', () => api['settings.choosePowerShell']({}));
        if (!chosen) return false;
        applied(chosen.settings);
        set({ powershell: chosen.powershell });
        return true;
      },
    };
  };
