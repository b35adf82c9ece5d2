import { existsSync, readFileSync } from 'node:fs';
import { link, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import type { Browser, ElectronApplication, Page } from 'playwright-core';
import type { ChannelName, Result } from '../../../shared/contract';
import { serveRenderer } from './app-server';
import { startBackend } from './backend';
import type { Backend, BackendOptions } from './backend';
import { collectErrors, launchChromium, openApp } from './browser';
import { chooseElectron } from './find-electron';
import type { ElectronChoice } from './find-electron';
import type { StaticServer } from './serve-static';

// Two ways to run the app for a flow test, behind one shape: the bridge harness (the built renderer
// in Chromium, main's real services and dispatcher in the test process) and the real Electron app
// (out/main/index.js with its preload, app:// protocol and security hooks). A flow test only sees
// AppMachine, so it is written once and runs on both.

export type LauncherKind = 'bridge' | 'electron';

/** One machine running the app: its own main process, data folder and window. */
export type AppMachine = {
  page: Page;
  /** Page errors, console errors and CSP violations seen so far. */
  errors: string[];
  /** A contract call made from the page, exactly as the renderer makes it (window.api). */
  call(name: ChannelName, req: unknown): Promise<Result<unknown>>;
  /** The real Electron app behind this machine (electron launcher only). */
  electron?: ElectronApplication;
  /** The harness backend behind this machine, for dispatch and steering the practice Azure (bridge launcher only). */
  backend?: Backend;
  /** The data folder (electron launcher only: the bridge keeps its own). */
  userDataDir?: string;
  close(): Promise<void>;
};

export type MachineOptions = {
  name: string;
  /** What the folder picker answers: the folder that stands for the USB stick. */
  usbDir: string;
  /** Electron only: start on this data folder (a restart) instead of a new one. */
  userDataDir?: string;
  /** Electron only: start as a packaged build (see find-electron.ts, packagedName). */
  packaged?: boolean;
  /** Bridge only: what the harness backend starts with (locale, scenario, practice Azure, pwsh picker). */
  backend?: Omit<BackendOptions, 'name' | 'usbDir'>;
};

export type Launcher = {
  start(opts: MachineOptions): Promise<AppMachine>;
  close(): Promise<void>;
};

const callThroughPage = (page: Page) => (name: ChannelName, req: unknown) =>
  page.evaluate(
    ([n, r]) => {
      const call = (window as unknown as { api: Partial<Record<string, (r: unknown) => Promise<Result<unknown>>>> }).api[n];
      if (!call) throw new Error(`window.api has no ${n}`);
      return call(r);
    },
    [name, req] as const,
  );

/** The built renderer in Chromium, main's services and dispatcher in this process. */
export const bridgeLauncher = async (): Promise<Launcher> => {
  const server: StaticServer = await serveRenderer();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    start: async ({ name, usbDir, backend: options }) => {
      const backend: Backend = await startBackend({ ...options, name, usbDir });
      const app = await openApp(browser, backend, server.url);
      return {
        page: app.page,
        errors: app.errors,
        call: callThroughPage(app.page),
        backend,
        close: async () => {
          await app.page.context().close();
          await backend.dispose();
        },
      };
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
};

/** The harness backend of a bridge machine (dispatch, practice Azure, opened help pages). */
export const bridgeBackend = (m: AppMachine): Backend => {
  if (!m.backend) throw new Error('this test needs the bridge launcher: describe it with kinds: [\'bridge\']');
  return m.backend;
};

const ROOT = join(import.meta.dirname, '../../..');

/** Whether the real-Electron launcher can run on this machine, and how. */
export const electronChoice = (): ElectronChoice =>
  chooseElectron({
    platform: process.platform,
    env: process.env,
    electronDir: join(ROOT, 'node_modules', 'electron'),
    appMain: join(ROOT, 'out', 'main', 'index.js'),
    exists: existsSync,
    readText: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
  });

/** The packaged-like executable: a hard link beside Electron's own, made again when Electron was reinstalled. */
export const packagedExecutable = async (choice: Extract<ElectronChoice, { kind: 'run' }>): Promise<string> => {
  const current = existsSync(choice.packagedPath) && (await stat(choice.packagedPath)).ino === (await stat(choice.executablePath)).ino;
  if (!current) {
    await rm(choice.packagedPath, { force: true });
    await link(choice.executablePath, choice.packagedPath);
  }
  return choice.packagedPath;
};

/** The real app: out/main/index.js in Electron, practice mode on a temporary data folder. */
export const electronLauncher = (choice: Extract<ElectronChoice, { kind: 'run' }>): Launcher => {
  const made: string[] = [];
  return {
    start: async ({ name, usbDir, userDataDir, packaged, backend }) => {
      if (backend) throw new Error('backend options are for the bridge launcher only: describe this test with kinds: [\'bridge\']');
      const dataDir = userDataDir ?? (await mkdtemp(join(tmpdir(), `azs-electron-${name}-`)));
      if (!userDataDir) made.push(dataDir);
      const electron = await _electron.launch({
        executablePath: packaged ? await packagedExecutable(choice) : choice.executablePath,
        // A fresh data folder starts in practice mode (saved state defaults to it).
        args: [...choice.args, `--user-data-dir=${dataDir}`],
        timeout: 60_000,
      });
      // The folder dialog answers the USB folder, as the bridge's pickFolder does; closing the app
      // at the end of a test answers "Quit anyway" should an operation still run.
      // The save dialog (records, diagnostics) answers the name main suggests, in the USB folder.
      await electron.evaluate(({ dialog }, dir) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [dir] })) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async (...args: unknown[]) => {
          const options = args.at(-1) as { defaultPath?: string };
          const name = (options.defaultPath ?? 'saved').split(/[\\/]/).at(-1) ?? 'saved';
          return { canceled: false, filePath: `${dir}/${name}` };
        }) as typeof dialog.showSaveDialog;
        dialog.showMessageBoxSync = (() => 1) as typeof dialog.showMessageBoxSync;
      }, usbDir);
      const page = await electron.firstWindow();
      const errors = collectErrors(page);
      await page.waitForLoadState('domcontentloaded');
      return {
        page,
        errors,
        call: callThroughPage(page),
        electron,
        userDataDir: dataDir,
        close: async () => {
          // A machine killed by its test has already gone.
          if (electron.process().exitCode === null && electron.process().signalCode === null) await electron.close();
        },
      };
    },
    close: async () => {
      await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
};
