import { app, session } from 'electron';
import type { WebContents } from 'electron';
import { isAppUrl } from '../ipc';

// Every web contents the app ever creates: no new windows, no navigation away from app://registrar,
// no webviews. Every permission request (camera, microphone, geolocation …) is denied, except writing to
// the clipboard (copy buttons) and desktop notifications (a long operation ended), for the app's own page.
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

const ALLOWED: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

export const denyPermissions = (): void => {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(ALLOWED.has(permission) && isAppUrl(details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED.has(permission) && isAppUrl(requestingOrigin));
};
