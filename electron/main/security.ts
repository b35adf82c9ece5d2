import { app, session } from 'electron';
import type { WebContents } from 'electron';
import { isAppUrl } from '../ipc';

// Every web contents the app ever creates: no new windows, no navigation away from app://registrar,
// no webviews. Every permission request (camera, notifications, clipboard …) is denied.
export const hardenWebContents = (): void => {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
};

export const denyPermissions = (): void => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
};
