import * as fs from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../shared/contract';
import type { EventSink, Handlers, PracticeScenario, Settings } from '../shared/contract';
import type { AppMode } from '../shared/domain/types';
import type { AzureService } from './azure';
import { createStampSessions } from './flows';
import { createHandoff, runCommand, systemDrives } from './handoff';
import type { HandoffFs } from './handoff';
import { systemCopyFs, verifiedSpawn } from './integrity';
import { createConnectedRecords } from './connected';
import { azureHandlers, connectedHandlers, handoffHandlers, operationHandlers, stampHandlers, statusHandlers } from './handlers';
import { createJournal } from './journal';
import { lazyService } from './lazy';
import type { Logger } from './log';
import { createOperations } from './operations';
import type { Clock, Timers } from './operations';
import { createPepClient, hostForChoice, systemSpawn, tcpProbe } from './pep';
import type { SpawnHost } from './pep/host-process';
import type { ProxyEnv, SystemProxy } from './proxy';
import type { PracticeSettings } from './practice';
import type { RecordChannel } from './records';
import type { SettingsChannel } from './settings';
import type { StampArmService } from './stamp-arm';

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type ComposeConfig = {
  mode: AppMode;
  dataDir: string;
  /** Where pep-host.ps1 lives (process.resourcesPath when packaged). */
  resourcesDir: string;
  platform: NodeJS.Platform;
  systemRoot: string;
  /** The operator's temporary folder, for the PowerShell host's TEMP and its private copy of the script. */
  tempDir: string;
  /** The operator's environment; the PowerShell host gets a short allow-list of it (electron/pep/hosts.ts). */
  env: Readonly<Record<string, string | undefined>>;
  /** SHA-256 of pep-host.ps1 recorded at build time (main/index.ts). Live mode refuses to start the host without a match. */
  pepHostSha256?: string;
  /** Operator settings: the PowerShell that runs pep-host.ps1 and the Microsoft.AzureStack api-version. */
  settings: Settings;
  /** The operator's practice scenario (practice mode only). */
  scenario: PracticeScenario;
  events: EventSink;
  log: Logger;
  pickFolder(): Promise<string | null>;
  /** Opens the system browser for sign-in (Electron's shell.openExternal); without it browser sign-in falls back to a device code. */
  openBrowser?(url: string): Promise<void>;
  /** Electron's session.resolveProxy and the proxy variables of the environment; without them, no proxy. */
  proxy?: { system?: SystemProxy; env: ProxyEnv };
  newId(): string;
  clock?: Clock;
  timers?: Timers;
  sleep?: Sleep;
  /** Harness override: what starts processes (tests record what the live composition would run). */
  spawnProcess?: SpawnHost;
  /** Harness override: the file system the hand-off service writes and reads USB files with (fault tests: full, read-only, pulled stick). */
  handoffFs?: HandoffFs;
  /** Harness overrides (tests, bench) applied over the scenario: fast durations. */
  practice?: PracticeSettings;
  /** Practice mode: start the practice stamp afresh (the practice Azure always starts empty). */
  freshPractice?: boolean;
  appHandlers: Pick<Handlers, AppChannel>;
};

/** Channels served by the runtime around the composition (mode, settings and scenario changes recompose). */
export type AppChannel = 'app.info' | 'app.setMode' | SettingsChannel | 'practice.get' | 'practice.set' | 'practice.reset' | 'app.openHelp' | 'app.setLanguage' | RecordChannel;

const systemClock: Clock = { now: () => new Date() };
const systemTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
export const systemSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : {});

/** Before the Azure module has loaded: nobody is signed in and nothing was sent. */
const idleAzure = { account: () => undefined, cancelSignIn: () => false, stats: () => ({ requests: 0, roundTripsByPhase: {} }), resetStats: () => undefined };

/**
 * The composition root: the only place that knows practice from live. The Azure SDKs and the
 * practice-only modules (simulated stamp and Azure, selfsigned, jose) are dynamic imports: their
 * own chunks, read when first needed (the practice stamp when practice mode is composed; the Azure
 * SDKs, the practice Azure, selfsigned and jose on the first Azure call), never before the window.
 */
export const compose = async (cfg: ComposeConfig) => {
  const clock = cfg.clock ?? systemClock;
  const sleep = cfg.sleep ?? systemSleep;
  const log = cfg.log;
  const sim =
    cfg.mode === 'practice'
      ? await import('./practice').then(({ practiceSettingsFor, startPractice }) =>
          startPractice({
            dataDir: join(cfg.dataDir, 'practice'),
            clock,
            log,
            sleep,
            settings: practiceSettingsFor(cfg.scenario, cfg.practice),
            fresh: cfg.freshPractice === true,
          }),
        )
      : undefined;

  const script = join(cfg.resourcesDir, 'pep-host.ps1');
  const pep = createPepClient({
    // Live: every host start runs a private copy of the script, verified against the build's digest twice.
    spawn:
      sim?.spawn ??
      verifiedSpawn(cfg.spawnProcess ?? systemSpawn, {
        fs: systemCopyFs,
        script,
        expected: cfg.pepHostSha256,
        tempDir: cfg.tempDir,
        onCleanupError: (dir, err) => log.warn('Could not remove the private copy of the PowerShell host script', { dir, error: String(err) }),
      }),
    host: sim?.host ?? hostForChoice(cfg.settings.powershell, { platform: cfg.platform, scriptPath: script, systemRoot: cfg.systemRoot, tempDir: cfg.tempDir, env: cfg.env }),
    clock,
    log,
    sleep,
    probePort: sim?.probePort ?? tcpProbe,
  });
  const signInClient = cfg.settings.signInClient ?? {};
  const azure = lazyService<AzureService>(async () => {
    const [{ AZURE_CLI_CLIENT_ID, createAzure, liveSignIn, AZURE_CLOUDS }, { createProxyResolver, practiceRoutes }] = await Promise.all([import('./azure'), import('./proxy')]);
    const practiceAzure = await sim?.azure();
    const { clientId, tenant } = signInClient;
    return createAzure({
      signIn:
        sim?.signIn ??
        liveSignIn({
          log,
          client: signInClient,
          openBrowser: cfg.openBrowser ?? (async () => Promise.reject(new Error('No system browser is available to this process.'))),
        }),
      signInClient: { kind: clientId ? 'organisation' : 'default', clientId: clientId ?? AZURE_CLI_CLIENT_ID, ...(tenant ? { tenant } : {}) },
      routes: sim ? practiceRoutes : createProxyResolver({ ...(cfg.proxy?.system ? { system: cfg.proxy.system } : {}), env: cfg.proxy?.env ?? {}, log }),
      timers: cfg.timers ?? systemTimers,
      clouds: practiceAzure?.clouds ?? AZURE_CLOUDS,
      registrationApiVersion: cfg.settings.registrationApiVersion,
      ...(practiceAzure ? { tlsCa: practiceAzure.ca } : {}),
      clock,
      log,
      sleep,
      onDeviceCode: (prompt) => cfg.events('azure.deviceCode', prompt),
    });
  }, idleAzure);
  // The stamp's admin Resource Manager (status, re-registration details): its own sign-in, in the stamp's directory.
  const stampArm = lazyService<StampArmService>(async () => {
    const [{ createStampArm, systemTrust }, { liveSignIn }, { createProxyResolver, practiceRoutes }] = await Promise.all([import('./stamp-arm'), import('./azure'), import('./proxy')]);
    return createStampArm({
      signIn:
        sim?.stampArmSignIn ??
        liveSignIn({
          log,
          // The Azure CLI's client, which Azure Stack Hub's Azure AD and AD FS accept; an organisation's own client lives in the Azure directory.
          client: {},
          openBrowser: cfg.openBrowser ?? (async () => Promise.reject(new Error('No system browser is available to this process.'))),
        }),
      routes: sim ? practiceRoutes : createProxyResolver({ ...(cfg.proxy?.system ? { system: cfg.proxy.system } : {}), env: cfg.proxy?.env ?? {}, log }),
      dial: sim?.dialStampArm ?? (async (endpoint) => endpoint),
      // Live: what Windows trusts (the stamp's internal CA once imported); practice: its CA, or none to rehearse an untrusted one.
      ...(await (sim ? sim.stampArmCa() : Promise.resolve(systemTrust())).then((ca) => (ca ? { tlsCa: ca } : {}))),
      practice: sim !== undefined,
      timers: cfg.timers ?? systemTimers,
      log,
      onDeviceCode: (prompt) => cfg.events('azure.deviceCode', prompt),
    });
  }, { account: () => undefined, cancelSignIn: () => false, signOut: () => undefined });
  const journal = await createJournal({ file: join(cfg.dataDir, sim ? 'practice-journal.jsonl' : 'journal.jsonl'), fs, clock, log, sleep });
  const handoff = createHandoff({
    fs: cfg.handoffFs ?? fs,
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
  const connectedRecords = await createConnectedRecords({ file: join(cfg.dataDir, sim ? 'practice-connected.json' : 'connected.json'), fs, log });

  const handlers: Handlers = {
    ...cfg.appHandlers,
    ...stampHandlers(pep, sessions),
    ...handoffHandlers(handoff, sessions),
    ...azureHandlers(azure),
    ...statusHandlers({ stampArm, azure, clock }),
    ...connectedHandlers(azure, connectedRecords),
    ...operationHandlers(operations, { sessions, handoff, clock, practice }, { azure, handoff, clock, interrupted: journal }, { sessions, azure, records: connectedRecords, clock, practice }, { sessions, azure, records: connectedRecords, clock }),
  };

  return {
    handlers,
    operations,
    /** For the bench and integration tests: counters of the real services. */
    services: { pep, azure, handoff, journal, practice: sim },
    describe: () => {
      if (!sim) return {};
      const s = sim.stamp.settings;
      return {
        practiceDrivePath: sim.drivePath,
        practiceStamp: { ercsAddresses: [...s.ercsAddresses], user: `${s.domain}\\CloudAdmin`, password: s.cloudAdminPassword, ...sim.stampArmHint },
      };
    },
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
