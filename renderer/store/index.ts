import { useStore } from 'zustand';
import { createAppStore } from './create-store';
import type { AppState } from './types';

export const appStore = createAppStore(window.api, window.localStorage);

/** Atomic selectors; use `useShallow` for multi-field picks. */
export const useApp = <T>(selector: (s: AppState) => T): T => useStore(appStore, selector);

export type { OperationView, Scope, Screen } from './types';
export type { ConnectedPrefill } from './connected-slice';
