import { app, dialog, Menu, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { HELP_TOPICS } from '../../shared/domain/help';
import type { Dispatch } from '../ipc';
import { createRuntime } from '../runtime';
import type { Runtime } from '../runtime';
import { createLogger } from '../log';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createEmitter } from './emit';
import { registerIpc } from './ipc';
import { appMenuTemplate } from './menu';
import { denyPermissions, hardenWebContents } from './security';
import { signInPageUrl } from './external-url';
import { printRecordWith } from './print-record';
import type { ChooseSavePath } from '../records';
import { createMainWindow } from './window';
import { languageFor } from '../../shared/domain/languages';
import { MAIN_WORDS } from '../words';
import type { MainWords } from '../words';

// The thin Electron layer: windows, protocol, security hooks, IPC. Everything else is plain Node
// below electron/runtime.ts and electron/compose.ts.

// Chromium's --user-data-dir also moves the app's own data (settings, journal, practice files), so
// a second data folder (the end-to-end tests' temporary one) never mixes with the default one.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', resolve(userDataDir));

registerAppScheme();
app.enableSandbox();
hardenWebContents();

// One instance only: two would write the same journal and could drive the same PEP twice.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();
app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

const outDir = join(import.meta.dirname, '..');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '..', '..', 'resources');

let window: BrowserWindow | undefined;
let runtime: Runtime | undefined;
let quitting = false;
/** Builds the application menu in the given words (again when the UI language changes). */
let menuFor: ((w: MainWords) => void) | undefined;
const events = createEmitter(() => window?.webContents);

const log = createLogger((line) => {
  const out = line.level === 'error' ? console.error : line.level === 'warn' ? console.warn : console.log;
  out(`[${line.level}] ${line.message}`, line.data ?? '');
});

/** Main's own words (dialogs, menu) in the UI language: the OS locale's until the window has said. */
const words = (): MainWords => runtime?.words() ?? MAIN_WORDS[languageFor(app.getLocale())];

const pickFolder = async (): Promise<string | null> => {
  const options = { title: words().pickFolderTitle, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const res = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return res.canceled ? null : (res.filePaths[0] ?? null);
};

// The pwsh that will receive the CloudAdmin password is chosen here, never typed or sent by the renderer.
const pickExecutable = async (): Promise<string | null> => {
  const options = {
    title: words().pickPowerShellTitle,
    properties: ['openFile' as const, 'dontAddToRecent' as const],
    ...(process.platform === 'win32' ? { filters: [{ name: 'pwsh.exe', extensions: ['exe'] }] } : {}),
  };
  const res = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return res.canceled ? null : (res.filePaths[0] ?? null);
};

// Records and diagnostics are saved where the operator chooses here; the renderer never sends a path.
const chooseSavePath: ChooseSavePath = async ({ title, defaultName, filter }) => {
  const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: [filter], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const res = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return res.canceled || !res.filePath ? null : res.filePath;
};

/** Sign-in pages only (allow-listed hosts, https), opened in the operator's default browser. */
const openBrowser = async (url: string): Promise<void> => {
  await shell.openExternal(signInPageUrl(url), { activate: true });
};

void app.whenReady().then(async () => {
  if (!primaryInstance) return;
  denyPermissions();
  serveRenderer(join(outDir, 'renderer'));
  // The window first: the services, and the modules they load, come up while it paints; calls
  // that arrive before they are ready wait for them.
  const starting = createRuntime({
    dataDir: app.getPath('userData'),
    resourcesDir,
    appVersion: app.getVersion(),
    locale: app.getLocale(),
    languageChanged: (language) => menuFor?.(MAIN_WORDS[language]),
    // Only the Microsoft Learn addresses of the allowlist in shared/domain/help.ts.
    openHelp: (topic) => shell.openExternal(HELP_TOPICS[topic]),
    platform: process.platform,
    systemRoot: process.env['SystemRoot'] ?? 'C:\\Windows',
    tempDir: app.getPath('temp'),
    env: process.env,
    pepHostSha256: __PEP_HOST_SHA256__,
    events,
    log,
    pickFolder,
    pickExecutable,
    chooseSavePath,
    printRecord: printRecordWith(join(outDir, 'preload', 'index.cjs')),
    openBrowser,
    // Chromium's resolver: Windows/macOS/Linux proxy settings, PAC and WPAD, which Node's HTTPS ignores.
    proxy: {
      system: (url) => session.defaultSession.resolveProxy(url),
      env: { httpsProxy: process.env['HTTPS_PROXY'] ?? process.env['https_proxy'], noProxy: process.env['NO_PROXY'] ?? process.env['no_proxy'] },
    },
    newId: randomUUID,
  });
  const dispatch: Dispatch = (name, raw) => starting.then((r) => r.dispatch(name, raw));
  registerIpc(() => dispatch);
  menuFor = (w: MainWords) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          platform: process.platform,
          packaged: app.isPackaged,
          appName: app.getName(),
          words: w,
          actions: {
            openDocumentation: () => void dispatch('app.openHelp', { topic: 'registration' }),
            showAbout: () => events('app.show', { screen: 'about' }),
            // The About screen runs the export, so it shows its progress and where the file went.
            exportDiagnostics: () => events('app.show', { screen: 'about', action: 'exportDiagnostics' }),
            startNew: (leg) => events('app.show', { screen: leg === 'export' ? 'new-export' : 'new-registration' }),
          },
        }),
      ),
    );
  menuFor(words());
  window = createMainWindow(join(outDir, 'preload', 'index.cjs'));
  window.on('closed', () => (window = undefined));
  runtime = await starting;
}).catch((err: unknown) => {
  // Without a runtime the window can do nothing: say why and exit instead of leaving it (or an
  // invisible process) behind.
  log.error('AzS Registrar could not start', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  dialog.showErrorBox(words().startFailed, err instanceof Error ? err.message : String(err));
  app.exit(1);
});

// A running activation must not be dropped silently: ask, then abort and journal it as interrupted.
// Either way the PEP sessions are closed before the process ends.
const confirmQuit = (): boolean => {
  const { quit } = words();
  return (
    dialog.showMessageBoxSync({
      type: 'warning',
      buttons: [quit.keepWorking, quit.quitAnyway],
      defaultId: 0,
      cancelId: 0,
      title: quit.title,
      message: quit.message,
      detail: quit.detail,
    }) === 1
  );
};

app.on('before-quit', (event) => {
  if (quitting || !runtime) return;
  event.preventDefault();
  if (runtime.running() > 0 && !confirmQuit()) return;
  quitting = true;
  runtime.abortAll();
  void runtime.dispose().finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
