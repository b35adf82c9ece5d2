import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { StateStorage } from 'zustand/middleware';
import type { Api } from '../../shared/contract';
import { activateSlice } from './activate-slice';
import { connectedSlice } from './connected-slice';
import { exportSlice } from './export-slice';
import { lifecycleSlice } from './lifecycle-slice';
import { manageSlice } from './manage-slice';
import { navSlice } from './nav-slice';
import { operationsSlice } from './operations-slice';
import { mergePersisted, partialize } from './persisted';
import { practiceSlice } from './practice-slice';
import { recordsSlice } from './records-slice';
import type { Persisted } from './persisted';
import { registerSlice } from './register-slice';
import { settingsSlice } from './settings-slice';
import { shellSlice } from './shell-slice';
import { stampSlice } from './stamp-slice';
import { statusSlice } from './status-slice';
import type { AppState } from './types';

export const STORAGE_KEY = 'azs-registrar.progress';

export const createAppStore = (api: Api, storage: StateStorage) =>
  createStore<AppState>()(
    persist<AppState, [], [], Persisted>(
      (...a) => ({
        ...shellSlice(api)(...a),
        ...stampSlice(api)(...a),
        ...exportSlice(api)(...a),
        ...registerSlice(api)(...a),
        ...activateSlice(api)(...a),
        ...manageSlice(api)(...a),
        ...operationsSlice(api)(...a),
        ...settingsSlice(api)(...a),
        ...practiceSlice(api)(...a),
        ...navSlice(api)(...a),
        ...lifecycleSlice(api)(...a),
        ...statusSlice(api)(...a),
        ...connectedSlice(api)(...a),
        ...recordsSlice(api)(...a),
      }),
      {
        name: STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize,
        merge: mergePersisted,
      },
    ),
  );
