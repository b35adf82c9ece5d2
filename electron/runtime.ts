import { arch, hostname, release, type as osType } from 'node:os';
import { join } from 'node:path';
import * as fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError, PepHosts } from '../shared/contract';
import type { AppInfo, ChannelName, EventSink, Handlers, StateChangeCause } from '../shared/contract';
import { HELP_TOPICS } from '../shared/domain/help';
import type { HelpTopic } from '../shared/domain/help';
import { languageFor } from '../shared/domain/languages';
import type { Language } from '../shared/domain/languages';
import { compose, systemSleep } from './compose';
import type { AppChannel, ComposeConfig, Composition } from './compose';
import { createDispatcher } from './ipc';
import type { Dispatch } from './ipc';
import { systemSpawn } from './pep';
import { parseSavedState, rememberErcs, serializeSavedState, settingsHandlers, systemLocationPorts } from './settings';
import type { SavedState } from './settings';
import type { PracticeAzure } from './practice/azure';
import { recentLog, recordHandlers } from './records';
import type { ChooseSavePath, DiagnosticsInput, PrintRecord } from './records';
import { MAIN_WORDS } from './words';
import type { MainWords } from './words';

export type RuntimeConfig = Omit<ComposeConfig, 'mode' | 'settings' | 'scenario' | 'appHandlers' | 'freshPractice'> & {
  appVersion: string;
  events: EventSink;
  /** Main's file dialog for the pwsh executable (Settings); tests pass a fake. */
  pickExecutable(): Promise<string | null>;
  /** The OS locale (electron `app.getLocale()`); English when unknown. */
  locale?: string;
  /** Main hears the UI language the window shows (`app.setLanguage`): its menu follows it. */
  languageChanged?: (language: Language) => void;
  /** Opens a help topic's Microsoft Learn page in the operator's browser (electron shell); absent in the bench. */
  openHelp?: (topic: HelpTopic) => Promise<void>;
  /** Main's save dialog (printable records, diagnostics); without it nothing can be saved. */
  chooseSavePath?: ChooseSavePath;
  /** Prints a hand-off's record page to PDF (Electron's printToPDF; the browser tests: Chromium's page.pdf). */
  printRecord?: PrintRecord;
  /** This machine as records name it; the operating system's host name and version by default. */
  machine?: { name: string; os: string };
};

export type Runtime = {
  dispatch: Dispatch;
  info(): AppInfo;
  /** The words of main's own dialogs and menu, in the UI language (the OS locale's until the window says). */
  words(): MainWords;
  running(): number;
  abortAll(): number;
  /** Diagnostics counters of the current services (also what `npm run bench` reports). */
  stats(): { pep: ReturnType<Composition['services']['pep']['stats']>; azure: ReturnType<Composition['services']['azure']['stats']> };
  resetStats(): void;
  /** The practice Azure of a practice composition, started if needed (tests and the bench drive it beside the app). */
  practiceAzure(): Promise<PracticeAzure> | undefined;
  /** The current services (tests steer the practice Azure through them). */
  services(): Composition['services'];
  dispose(): Promise<void>;
};

/** Calls that change what screens show, beyond the call's own result: main says so to the renderer. */
const CHANGES: Partial<Record<ChannelName, StateChangeCause>> = {
  'handoff.readToken': 'handoff',
  'handoff.readTokenText': 'handoff',
  'handoff.saveToken': 'handoff',
  'handoff.readKey': 'handoff',
  'handoff.saveKey': 'handoff',
  'handoff.confirmActivated': 'handoff',
  'handoff.archive': 'handoff',
  'handoff.restore': 'handoff',
  'pep.connect': 'session',
  'pep.disconnect': 'session',
  'azure.signIn': 'session',
  'azure.signOut': 'session',
  'operation.start': 'operation',
  'operation.cancel': 'operation',
};

// The mode, the operator settings and the practice scenario are kept across restarts (practice by default, so a first
// start can never touch a production stamp by accident). Changing any of them disposes everything and
// composes anew: no `if (practice)` lives below compose(), and no service reads settings itself.
export const createRuntime = async (cfg: RuntimeConfig): Promise<Runtime> => {
  const settingsFile = join(cfg.dataDir, 'settings.json');
  await fs.mkdir(cfg.dataDir, { recursive: true });
  // A missing, unreadable or non-JSON file means defaults.
  const raw: unknown = await fs.readFile(settingsFile, 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => undefined);
  let state: SavedState = parseSavedState(raw, cfg.platform);
  const clock = cfg.clock ?? { now: () => new Date() };
  // Every service logs through this: Export diagnostics includes the most recent lines.
  const recent = recentLog(cfg.log, clock, 1000);
  const log = recent.log;
  const machine = cfg.machine ?? { name: hostname(), os: `${osType()} ${release()} (${arch()})` };
  /** The privileged-endpoint pre-flights run since the app started (Export diagnostics). */
  const preflights: DiagnosticsInput['preflights'] = [];
  let current: Composition;
  let dispatch: Dispatch;

  let language = languageFor(cfg.locale);
  const words = (): MainWords => MAIN_WORDS[language];
  const info = (): AppInfo => ({ mode: state.mode, version: cfg.appVersion, locale: cfg.locale ?? 'en-US', ...current.describe() });

  // Every change the renderer did not ask for itself (a recomposition, a hand-off or an operation
  // moving on) is announced with a generation number; the renderer re-reads what it shows.
  let generation = 0;
  const changed = (cause: StateChangeCause) => cfg.events('app.stateChanged', { generation: ++generation, cause });
  const events: EventSink = (name, payload) => {
    cfg.events(name, payload);
    if (name === 'operation.finished') changed('operation');
  };

  const composeFor = async (s: SavedState, freshPractice = false) => {
    current = await compose({ ...cfg, log, events, mode: s.mode, settings: s.settings, scenario: s.practice, freshPractice, appHandlers });
    const preflight = current.handlers['pep.preflight'];
    dispatch = createDispatcher(
      {
        ...current.handlers,
        'pep.preflight': async (req) => {
          const report = await preflight(req);
          preflights.push({ at: clock.now().toISOString(), hosts: [...req.hosts], report });
          if (preflights.length > 20) preflights.shift();
          return report;
        },
      },
      log,
    );
  };

  // One change at a time: two overlapping changes would both dispose the same composition and the
  // first new one (its practice servers, its PEP hosts) would be leaked.
  let switching = false;
  const recompose = async (next: SavedState, cause: StateChangeCause, freshPractice = false) => {
    if (switching) {
      throw new AppError('bad-request', 'AzS Registrar is still applying the previous change.', { action: 'Wait a moment, then try again.', retryable: true });
    }
    current.refuseIfBusy();
    switching = true;
    try {
      await current.dispose();
      try {
        await composeFor(next, freshPractice);
      } catch (err) {
        // Keep a working app on the previous state rather than a disposed one; nothing is saved.
        await composeFor(state);
        throw err;
      }
      state = next;
      await fs.writeFile(settingsFile, serializeSavedState(state), 'utf8');
    } finally {
      switching = false;
      // Disposed either way: sessions and sign-ins are gone, even when the previous state came back.
      changed(cause);
    }
  };

  const diagnostics = (): DiagnosticsInput => {
    const journal = current.services.journal;
    return {
      app: { version: cfg.appVersion, mode: state.mode, locale: cfg.locale ?? 'en-US' },
      machine,
      system: {
        platform: cfg.platform,
        release: release(),
        arch: arch(),
        versions: { node: process.versions.node, electron: process.versions['electron'], chrome: process.versions['chrome'] },
      },
      settings: state.settings,
      ...(state.mode === 'practice' ? { scenario: state.practice } : {}),
      handoffs: journal.list().map((summary) => ({ summary, entry: journal.details(summary.id) })),
      operations: current.operations.list(),
      preflights: [...preflights],
      log: recent.lines(),
      generatedAt: clock.now().toISOString(),
    };
  };

  // Remembered ERCS addresses change settings.json without recomposing: the session just opened stays.
  let saving: Promise<unknown> = Promise.resolve();
  const replaceErcs = (list: string[][]): Promise<void> => {
    state = { ...state, recentErcs: { ...state.recentErcs, [state.mode]: list } };
    const write = saving.then(() => fs.writeFile(settingsFile, serializeSavedState(state), 'utf8'));
    saving = write.catch(() => undefined);
    return write;
  };
  const ercsList = (): string[][] => state.recentErcs?.[state.mode] ?? [];
  const ConnectedHosts = z.object({ hosts: PepHosts });

  const appHandlers: Pick<Handlers, AppChannel> = {
    'app.info': async () => info(),
    'app.setMode': async ({ mode }) => {
      if (mode === state.mode) return info();
      await recompose({ ...state, mode }, 'mode');
      cfg.events('app.modeChanged', { mode });
      return info();
    },
    ...settingsHandlers({
      current: () => state.settings,
      apply: async (settings) => {
        if (JSON.stringify(settings) === JSON.stringify(state.settings)) return;
        await recompose({ ...state, settings }, 'settings');
        log.info('Settings changed', {
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
      ercs: { list: ercsList, replace: replaceErcs },
    }),
    'practice.get': async () => state.practice,
    'practice.set': async (practice) => {
      if (state.mode !== 'practice') {
        throw new AppError('bad-request', 'Practice scenarios apply only in practice mode; nothing was changed.', {
          action: 'Switch to practice mode to rehearse a scenario.',
        });
      }
      if (JSON.stringify(practice) === JSON.stringify(state.practice)) return state.practice;
      await recompose({ ...state, practice }, 'scenario');
      log.info('Practice scenario changed', { ...practice });
      return state.practice;
    },
    'app.openHelp': async ({ topic }) => {
      if (!cfg.openHelp) throw new AppError('bad-request', 'This build cannot open a browser.', { action: `Open ${HELP_TOPICS[topic]} yourself.` });
      await cfg.openHelp(topic);
      return {};
    },
    'app.setLanguage': async (req) => {
      if (req.language !== language) {
        language = req.language;
        cfg.languageChanged?.(language);
      }
      return {};
    },
    ...recordHandlers({
      words,
      source: () => ({ journal: current.services.journal, app: { version: cfg.appVersion, mode: state.mode }, machine, clock }),
      diagnostics,
      chooseSavePath:
        cfg.chooseSavePath ??
        (async () => Promise.reject(new AppError('bad-request', 'This build has no save dialog.', { action: 'Use the app itself to save files.' }))),
      ...(cfg.printRecord ? { printRecord: cfg.printRecord } : {}),
      fs,
      log,
    }),
    'practice.reset': async () => {
      if (state.mode !== 'practice') {
        throw new AppError('bad-request', 'Only the practice stamp and the practice Azure can be reset; nothing was changed.', {
          action: 'Switch to practice mode to reset the practice stamp and Azure.',
        });
      }
      await recompose(state, 'practice-reset', true);
      log.info('Practice stamp and Azure reset');
      return state.practice;
    },
  };

  await composeFor(state);

  return {
    dispatch: async (name, raw) => {
      const result = await dispatch(name, raw);
      const cause = CHANGES[name as ChannelName];
      if (result.ok && cause) changed(cause);
      if (result.ok && name === 'pep.connect') {
        const connected = ConnectedHosts.safeParse(raw);
        if (connected.success) {
          await replaceErcs(rememberErcs(ercsList(), connected.data.hosts)).catch((err: unknown) =>
            cfg.log.warn('The ERCS addresses could not be remembered.', { error: String(err) }),
          );
        }
      }
      return result;
    },
    info,
    words,
    running: () => current.operations.running(),
    abortAll: () => current.operations.abortAll(),
    stats: () => ({ pep: current.services.pep.stats(), azure: current.services.azure.stats() }),
    practiceAzure: () => current.services.practice?.azure(),
    resetStats: () => current.services.azure.resetStats(),
    services: () => current.services,
    dispose: () => current.dispose(),
  };
};
