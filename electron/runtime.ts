import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../shared/contract';
import type { AppInfo, EventSink, Handlers } from '../shared/contract';
import { compose, systemSleep } from './compose';
import type { AppChannel, ComposeConfig, Composition } from './compose';
import { createDispatcher } from './ipc';
import type { Dispatch } from './ipc';
import { systemSpawn } from './pep';
import { parseSavedState, serializeSavedState, settingsHandlers, systemLocationPorts } from './settings';
import type { SavedState } from './settings';

export type RuntimeConfig = Omit<ComposeConfig, 'mode' | 'settings' | 'scenario' | 'appHandlers'> & {
  appVersion: string;
  events: EventSink;
  /** Main's file dialog for the pwsh executable (Settings); tests pass a fake. */
  pickExecutable(): Promise<string | null>;
};

export type Runtime = {
  dispatch: Dispatch;
  info(): AppInfo;
  running(): number;
  abortAll(): number;
  /** Diagnostics counters of the current services (also what `npm run bench` reports). */
  stats(): { pep: ReturnType<Composition['services']['pep']['stats']>; azure: ReturnType<Composition['services']['azure']['stats']> };
  resetStats(): void;
  dispose(): Promise<void>;
};

// The mode, the operator settings and the practice scenario are kept across restarts (practice by default, so a first
// start can never touch a production stamp by accident). Changing any of them disposes everything and
// composes anew: no `if (practice)` lives below compose(), and no service reads settings itself.
export const createRuntime = async (cfg: RuntimeConfig): Promise<Runtime> => {
  const settingsFile = join(cfg.dataDir, 'settings.json');
  await mkdir(cfg.dataDir, { recursive: true });
  // A missing, unreadable or non-JSON file means defaults.
  const raw: unknown = await readFile(settingsFile, 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => undefined);
  let state: SavedState = parseSavedState(raw, cfg.platform);
  let current: Composition;
  let dispatch: Dispatch;

  const info = (): AppInfo => ({ mode: state.mode, version: cfg.appVersion, ...current.describe() });

  const composeFor = async (s: SavedState) => {
    current = await compose({ ...cfg, mode: s.mode, settings: s.settings, scenario: s.practice, appHandlers });
    dispatch = createDispatcher(current.handlers, cfg.log);
  };

  // One change at a time: two overlapping changes would both dispose the same composition and the
  // first new one (its practice servers, its PEP hosts) would be leaked.
  let switching = false;
  const recompose = async (next: SavedState) => {
    if (switching) {
      throw new AppError('bad-request', 'AzS Registrar is still applying the previous change.', { action: 'Wait a moment, then try again.', retryable: true });
    }
    current.refuseIfBusy();
    switching = true;
    try {
      await current.dispose();
      try {
        await composeFor(next);
      } catch (err) {
        // Keep a working app on the previous state rather than a disposed one; nothing is saved.
        await composeFor(state);
        throw err;
      }
      state = next;
      await writeFile(settingsFile, serializeSavedState(state), 'utf8');
    } finally {
      switching = false;
    }
  };

  const appHandlers: Pick<Handlers, AppChannel> = {
    'app.info': async () => info(),
    'app.setMode': async ({ mode }) => {
      if (mode === state.mode) return info();
      await recompose({ ...state, mode });
      cfg.events('app.modeChanged', { mode });
      return info();
    },
    ...settingsHandlers({
      current: () => state.settings,
      apply: async (settings) => {
        if (JSON.stringify(settings) === JSON.stringify(state.settings)) return;
        await recompose({ ...state, settings });
        cfg.log.info('Settings changed', {
          powershell: settings.powershell.kind,
          registrationApiVersion: settings.registrationApiVersion,
          signInClient: settings.signInClient?.clientId ?? 'Azure CLI (default)',
          signInTenant: settings.signInClient?.tenant ?? 'home directory',
        });
      },
      powershell: {
        ...systemLocationPorts(cfg.platform),
        systemRoot: cfg.systemRoot,
        tempDir: cfg.tempDir,
        env: cfg.env,
        pickExecutable: cfg.pickExecutable,
        spawn: cfg.spawnProcess ?? systemSpawn,
        sleep: cfg.sleep ?? systemSleep,
      },
    }),
    'practice.get': async () => state.practice,
    'practice.set': async (practice) => {
      if (state.mode !== 'practice') {
        throw new AppError('bad-request', 'Practice scenarios apply only in practice mode; nothing was changed.', {
          action: 'Switch to practice mode to rehearse a scenario.',
        });
      }
      if (JSON.stringify(practice) === JSON.stringify(state.practice)) return state.practice;
      await recompose({ ...state, practice });
      cfg.log.info('Practice scenario changed', { ...practice });
      return state.practice;
    },
  };

  await composeFor(state);

  return {
    dispatch: (name, raw) => dispatch(name, raw),
    info,
    running: () => current.operations.running(),
    abortAll: () => current.operations.abortAll(),
    stats: () => ({ pep: current.services.pep.stats(), azure: current.services.azure.stats() }),
    resetStats: () => current.services.azure.resetStats(),
    dispose: () => current.dispose(),
  };
};
