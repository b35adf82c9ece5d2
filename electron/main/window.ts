import { app, BrowserWindow } from 'electron';
import { APP_URL } from '../ipc';

/**
 * Every window of the app, hidden until its caller shows it: the main window, and the one that
 * prints records (never shown). Written literally, so a review (and electronegativity) sees every
 * setting at once.
 */
export const createAppWindow = (preloadPath: string): BrowserWindow =>
  new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'AzS Registrar',
    webPreferences: {
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
    },
  });

export const createMainWindow = (preloadPath: string): BrowserWindow => {
  const win = createAppWindow(preloadPath);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_URL}index.html`);
  return win;
};
