import { app, BrowserWindow } from 'electron';
import { APP_URL } from '../ipc';

/**
 * The web preferences of every window of the app (the main window and the hidden one that prints
 * records). Written literally, so a review (and electronegativity) sees every setting at once.
 */
export const secureWebPreferences = (preloadPath: string) =>
  ({
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    // Only an unpackaged run (`npm start`) can open DevTools; the installed app cannot.
    devTools: !app.isPackaged,
  }) as const;

export const createMainWindow = (preloadPath: string): BrowserWindow => {
  const win = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'AzS Registrar',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_URL}index.html`);
  return win;
};
