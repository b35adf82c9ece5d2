import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AppInfo, EventSink, Handlers } from '../shared/contract';
import type { AppMode } from '../shared/domain/types';
import { compose } from './compose';
import type { ComposeConfig, Composition } from './compose';
import { createDispatcher } from './ipc';
import type { Dispatch } from './ipc';

export type RuntimeConfig = Omit<ComposeConfig, 'mode' | 'appHandlers'> & { appVersion: string; events: EventSink };

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

const Settings = z.object({ mode: z.enum(['practice', 'live']) });

// The mode is the one setting kept across restarts (practice by default, so a first start can never
// touch a production stamp by accident). Switching disposes everything and composes anew: no
// `if (practice)` lives below compose().
export const createRuntime = async (cfg: RuntimeConfig): Promise<Runtime> => {
  const settingsFile = join(cfg.dataDir, 'settings.json');
  await mkdir(cfg.dataDir, { recursive: true });
  const saved = Settings.safeParse(await readFile(settingsFile, 'utf8').then(JSON.parse, () => undefined));
  let mode: AppMode = saved.success ? saved.data.mode : 'practice';
  let current: Composition;

  const info = (): AppInfo => ({ mode, version: cfg.appVersion, ...current.describe() });

  const appHandlers: Pick<Handlers, 'app.info' | 'app.setMode'> = {
    'app.info': async () => info(),
    'app.setMode': async ({ mode: next }) => {
      if (next === mode) return info();
      current.refuseIfBusy();
      await current.dispose();
      mode = next;
      await writeFile(settingsFile, JSON.stringify({ mode }), 'utf8');
      current = await compose({ ...cfg, mode, appHandlers });
      dispatch = createDispatcher(current.handlers, cfg.log);
      cfg.events('app.modeChanged', { mode });
      return info();
    },
  };

  current = await compose({ ...cfg, mode, appHandlers });
  let dispatch = createDispatcher(current.handlers, cfg.log);

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
