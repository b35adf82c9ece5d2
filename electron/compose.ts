import { spawn as nodeSpawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../shared/contract';
import type { EventSink, Handlers, PracticeScenario, Settings } from '../shared/contract';
import type { AppMode } from '../shared/domain/types';
import { createAzure, liveSignIn, AZURE_CLOUDS } from './azure';
import { createStampSessions } from './flows';
import { createHandoff, runCommand, systemDrives } from './handoff';
import { verifiedSpawn } from './integrity';
import { azureHandlers, handoffHandlers, operationHandlers, stampHandlers } from './handlers';
import { createJournal } from './journal';
import type { Logger } from './log';
import { createOperations } from './operations';
import type { Clock, Timers } from './operations';
import { createPepClient, hostForChoice, tcpProbe } from './pep';
import type { SpawnHost } from './pep/host-process';
import { practiceSettingsFor, startPractice } from './practice';
import type { PracticeSettings } from './practice';

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type ComposeConfig = {
  mode: AppMode;
  dataDir: string;
  /** Where pep-host.ps1 lives (process.resourcesPath when packaged). */
  resourcesDir: string;
  platform: NodeJS.Platform;
  systemRoot: string;
  /** The operator's temporary folder, for the PowerShell host's TEMP. */
  tempDir: string;
  /** SHA-256 of pep-host.ps1 recorded at build time (main/index.ts). Live mode refuses to start the host without a match. */
  pepHostSha256?: string;
  /** Operator settings: the PowerShell that runs pep-host.ps1 and the Microsoft.AzureStack api-version. */
  settings: Settings;
  /** The operator's practice scenario (practice mode only). */
  scenario: PracticeScenario;
  events: EventSink;
  log: Logger;
  pickFolder(): Promise<string | null>;
  newId(): string;
  clock?: Clock;
  timers?: Timers;
  sleep?: Sleep;
  /** Harness overrides (tests, bench) applied over the scenario: fast durations. */
  practice?: PracticeSettings;
  /** Practice mode: start the practice stamp afresh (the practice Azure always starts empty). */
  freshPractice?: boolean;
  appHandlers: Pick<Handlers, AppChannel>;
};

/** Channels served by the runtime around the composition (mode, settings and scenario changes recompose). */
export type AppChannel = 'app.info' | 'app.setMode' | 'settings.get' | 'settings.set' | 'practice.get' | 'practice.set' | 'practice.reset' | 'app.openHelp';

const systemClock: Clock = { now: () => new Date() };
const systemTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
const systemSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : {});

/** The composition root: the only place that knows practice from live. */
export const compose = async (cfg: ComposeConfig) => {
  const clock = cfg.clock ?? systemClock;
  const sleep = cfg.sleep ?? systemSleep;
  const log = cfg.log;
  const sim =
    cfg.mode === 'practice'
      ? await startPractice({
          dataDir: join(cfg.dataDir, 'practice'),
          clock,
          log,
          sleep,
          settings: practiceSettingsFor(cfg.scenario, cfg.practice),
          fresh: cfg.freshPractice === true,
        })
      : undefined;

  const script = join(cfg.resourcesDir, 'pep-host.ps1');
  const pep = createPepClient({
    spawn: sim?.spawn ?? verifiedSpawn(nodeSpawn as unknown as SpawnHost, { readFile: readFileSync, path: script, expected: cfg.pepHostSha256 }),
    host: sim?.host ?? hostForChoice(cfg.settings.powershell, { platform: cfg.platform, scriptPath: script, systemRoot: cfg.systemRoot, tempDir: cfg.tempDir }),
    clock,
    log,
    sleep,
    probePort: sim?.probePort ?? tcpProbe,
  });
  const azure = createAzure({
    signIn: sim?.signIn ?? liveSignIn({ log }),
    clouds: sim?.clouds ?? AZURE_CLOUDS,
    registrationApiVersion: cfg.settings.registrationApiVersion,
    ...(sim ? { tlsCa: sim.ca } : {}),
    clock,
    log,
    sleep,
    onDeviceCode: (prompt) => cfg.events('azure.deviceCode', prompt),
  });
  const journal = await createJournal({ file: join(cfg.dataDir, sim ? 'practice-journal.jsonl' : 'journal.jsonl'), fs, clock, log });
  const handoff = createHandoff({
    fs,
    clock,
    log,
    mode: cfg.mode,
    journal,
    listDrives:
      sim?.listDrives ??
      systemDrives({
        platform: cfg.platform,
        powershellPath: join(cfg.systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
        user: userInfo().username,
        run: runCommand,
        fs,
        log,
      }),
    pickFolder: cfg.pickFolder,
  });
  const operations = createOperations({ clock, timers: cfg.timers ?? systemTimers, events: cfg.events, journal, log, newId: cfg.newId });
  operations.restoreInterrupted(journal.unfinishedOperations());
  const sessions = createStampSessions();
  const practice = sim !== undefined;

  const handlers: Handlers = {
    ...cfg.appHandlers,
    ...stampHandlers(pep, sessions),
    ...handoffHandlers(handoff, sessions),
    ...azureHandlers(azure),
    ...operationHandlers(operations, { sessions, handoff, clock, practice }, { azure, handoff, clock }),
  };

  return {
    handlers,
    operations,
    /** For the bench and integration tests: counters of the real services. */
    services: { pep, azure, handoff, journal, practice: sim },
    describe: () => (sim ? { practiceDrivePath: sim.drivePath } : {}),
    refuseIfBusy: () => {
      if (operations.running() > 0) {
        throw new AppError('bad-request', 'An operation is still running.', { action: 'Wait for it to finish before switching mode or changing settings.' });
      }
    },
    dispose: async () => {
      operations.abortAll();
      await pep.closeAll();
      await journal.close();
      await sim?.stop();
    },
  };
};
export type Composition = Awaited<ReturnType<typeof compose>>;
