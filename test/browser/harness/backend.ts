import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { EventName, EventPayloads, EventSink, PracticeScenario } from '../../../shared/contract';
import type { Journal } from '../../../electron/journal';
import type { Dispatch } from '../../../electron/ipc';
import { memoryLogger } from '../../../electron/log';
import type { PracticeAzure, PracticeAzureSettings } from '../../../electron/practice/azure';
import { createRuntime } from '../../../electron/runtime';
import { HELP_TOPICS } from '../../../shared/domain/help';
import type { PrintRecord } from '../../../electron/records';

export type Backend = {
  dispatch: Dispatch;
  /** Where main's events go: the page bound last. */
  setTarget(target: ((name: EventName, payload: unknown) => Promise<void>) | undefined): void;
  /** The practice Azure this machine started with, for steering (permission profile) and inspection. */
  practiceAzure: PracticeAzure;
  /** Addresses main was asked to open in the operator's browser. */
  opened: string[];
  /** Where main's save dialog saves (records, diagnostics): the name main suggests, in this folder. */
  savesDir: string;
  /** The titles main gave its save dialogs, in order (they follow the UI language). */
  dialogTitles: string[];
  /** What prints records (the launcher sets Chromium's page.pdf on the record page). */
  setPrinter(printer: PrintRecord | undefined): void;
  /** The current journal (a test records there what a run the app was closed on left). */
  journal(): Journal;
  dispose(): Promise<void>;
};

/** What one machine's main process starts with. */
export type BackendOptions = {
  name: string;
  usbDir: string;
  /** Practice Azure settings over the harness defaults (a permission profile, for instance). */
  azure?: Partial<PracticeAzureSettings>;
  /** The OS locale main reports (en-US unless a test says otherwise). */
  locale?: string;
  /** Stands for main's file dialog choosing pwsh (Settings); cancels by default. */
  pickExecutable?: () => Promise<string | null>;
  /** The practice scenario the machine starts with (sign-in outcome, for instance). */
  scenario?: Partial<PracticeScenario>;
  /** Writes into main's data folder before main starts (a practice journal of years of hand-offs, for instance). */
  prepare?: (dataDir: string) => Promise<void>;
  /** How long the practice stamp's activation runs (600 ms unless a test needs time to cancel it). */
  activationMs?: number;
};

/**
 * One machine's main process in practice mode: the real runtime (mode, settings and scenario changes
 * recompose the services as in the app) with the same dispatcher electron/main uses. `usbDir` stands
 * for the USB stick and is what "Use a folder…" picks.
 */
export const startBackend = async (opts: BackendOptions): Promise<Backend> => {
  const dataDir = await mkdtemp(join(tmpdir(), `azs-browser-${opts.name}-`));
  const savesDir = join(dataDir, 'saved');
  await mkdir(savesDir);
  await opts.prepare?.(dataDir);
  let printer: PrintRecord | undefined;
  const log = memoryLogger();
  let target: ((name: EventName, payload: unknown) => Promise<void>) | undefined;
  const opened: string[] = [];
  const dialogTitles: string[] = [];
  const events: EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => {
    // A page mid-reload misses the event; it re-syncs through operation.list.
    void target?.(name, payload).catch(() => undefined);
  };
  const runtime = await createRuntime({
    dataDir,
    resourcesDir: join(import.meta.dirname, '../../../resources'),
    appVersion: '0.0.0-test',
    locale: opts.locale ?? 'en-US',
    openHelp: async (topic) => void opened.push(HELP_TOPICS[topic]),
    platform: process.platform,
    systemRoot: 'C:\\Windows',
    tempDir: tmpdir(),
    env: { HOME: tmpdir() },
    events,
    log,
    pickFolder: async () => opts.usbDir,
    pickExecutable: opts.pickExecutable ?? (async () => null),
    // Main's save dialog, answered with the name main suggests.
    chooseSavePath: async ({ title, defaultName }) => {
      dialogTitles.push(title);
      return join(savesDir, defaultName);
    },
    printRecord: async (req) => {
      if (!printer) throw new Error('no page prints records for this backend');
      return printer(req);
    },
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
          activationMs: opts.activationMs ?? 600,
          removeActivationMs: 150,
        },
      },
      // The provider registers at once instead of after two polls several seconds apart.
      azure: { providerPollsUntilRegistered: 0, ...opts.azure },
    },
  });
  if (opts.scenario) {
    const set = await runtime.dispatch('practice.set', { ...DEFAULT_PRACTICE_SCENARIO, ...opts.scenario });
    if (!set.ok) throw new Error(`practice.set: ${set.problem.message}`);
  }
  const practiceAzure = await runtime.services().practice?.azure();
  if (!practiceAzure) throw new Error('the runtime started no practice Azure');
  return {
    dispatch: runtime.dispatch,
    practiceAzure,
    opened,
    savesDir,
    dialogTitles,
    setPrinter: (p) => {
      printer = p;
    },
    setTarget: (t) => {
      target = t;
    },
    journal: () => runtime.services().journal,
    dispose: async () => {
      await runtime.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
