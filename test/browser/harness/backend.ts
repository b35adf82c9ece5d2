import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { AppInfo, EventName, EventPayloads, EventSink, Handlers, PracticeScenario } from '../../../shared/contract';
import { compose } from '../../../electron/compose';
import type { AppChannel } from '../../../electron/compose';
import { createDispatcher } from '../../../electron/ipc';
import type { Dispatch } from '../../../electron/ipc';
import { memoryLogger } from '../../../electron/log';
import type { PracticeAzure, PracticeAzureSettings } from '../../../electron/practice/azure';
import { systemSpawn } from '../../../electron/pep';
import { defaultSettings, settingsHandlers, systemLocationPorts } from '../../../electron/settings';

export type Backend = {
  dispatch: Dispatch;
  /** Where main's events go: the page bound last. */
  setTarget(target: ((name: EventName, payload: unknown) => Promise<void>) | undefined): void;
  /** The practice Azure behind this machine, for steering (permission profile) and inspection. */
  practiceAzure: PracticeAzure;
  dispose(): Promise<void>;
};

/**
 * One machine's main process in practice mode: the real services behind compose() and the same
 * dispatcher electron/main uses. `usbDir` stands for the USB stick and is what "Use a folder…" picks.
 */
export const startBackend = async (opts: {
  name: string;
  usbDir: string;
  /** Practice Azure settings over the harness defaults (a permission profile, for instance). */
  azure?: Partial<PracticeAzureSettings>;
  /** Stands for main's file dialog choosing pwsh (Settings); cancels by default. */
  pickExecutable?: () => Promise<string | null>;
  /** The practice scenario the composition starts with (sign-in outcome, for instance). */
  scenario?: Partial<PracticeScenario>;
}): Promise<Backend> => {
  const dataDir = await mkdtemp(join(tmpdir(), `azs-browser-${opts.name}-`));
  const log = memoryLogger();
  let target: ((name: EventName, payload: unknown) => Promise<void>) | undefined;
  const events: EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => {
    // A page mid-reload misses the event; it re-syncs through operation.list.
    void target?.(name, payload).catch(() => undefined);
  };
  // What compose() says of the practice machine (USB folder, practice sign-in), once it exists.
  let described: () => Partial<AppInfo> = () => ({});
  const info = (): AppInfo => ({ mode: 'practice', version: '0.0.0-test', ...described() });
  // Kept, not applied: the runtime's recomposition is covered by the integration tests.
  let settings = defaultSettings(process.platform);
  let scenario: PracticeScenario = { ...DEFAULT_PRACTICE_SCENARIO, ...opts.scenario };
  const appHandlers: Pick<Handlers, AppChannel> = {
    'app.info': async () => info(),
    'app.setMode': async () => info(),
    // The real Settings channels: the dialog is the fake, the chosen pwsh really runs (version probe).
    ...settingsHandlers({
      current: () => settings,
      apply: async (next) => void (settings = next),
      powershell: {
        ...systemLocationPorts(process.platform),
        systemRoot: 'C:\\Windows',
        tempDir: tmpdir(),
        env: { HOME: tmpdir() },
        pickExecutable: opts.pickExecutable ?? (async () => null),
        spawn: systemSpawn,
        sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
      },
    }),
    'practice.get': async () => scenario,
    'practice.set': async (next) => (scenario = next),
  };
  const composition = await compose({
    mode: 'practice',
    settings,
    scenario,
    dataDir,
    resourcesDir: join(import.meta.dirname, '../../../resources'),
    platform: process.platform,
    systemRoot: 'C:\\Windows',
    tempDir: tmpdir(),
    env: { HOME: tmpdir() },
    events,
    log,
    pickFolder: async () => opts.usbDir,
    newId: randomUUID,
    // Practice durations are seconds long so operators see progress; tests keep them short but real.
    practice: {
      stamp: {
        durations: {
          connectMs: 150,
          unreachableMs: 300,
          stampInfoMs: 100,
          keyPairMs: 150,
          tokenMs: 300,
          servicePrincipalMs: 150,
          activationMs: 600,
          removeActivationMs: 150,
        },
      },
      // The provider registers at once instead of after two polls several seconds apart.
      azure: { providerPollsUntilRegistered: 0, ...opts.azure },
    },
    appHandlers,
  });
  described = composition.describe;
  const practiceAzure = await composition.services.practice?.azure();
  if (!practiceAzure) throw new Error('compose() in practice mode started no practice Azure');
  return {
    dispatch: createDispatcher(composition.handlers, log),
    practiceAzure,
    setTarget: (t) => {
      target = t;
    },
    dispose: async () => {
      await composition.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
