import type { MenuItemConstructorOptions } from 'electron';

// The app's own menu. Electron's default one (with Reload, Force Reload and Toggle Developer Tools)
// must not ship: nothing here reloads the page or opens DevTools.

export type MenuActions = {
  /** Opens the Microsoft Learn page on registering Azure Stack Hub. */
  openDocumentation(): void;
  /** Shows the About screen in the window. */
  showAbout(): void;
};

export const appMenuTemplate = (platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] => [
  ...(platform === 'darwin' ? [{ label: appName, submenu: [{ label: `About ${appName}`, click: actions.showAbout }, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'quit' as const }] }] : []),
  { label: '&File', submenu: [{ role: platform === 'darwin' ? 'close' : 'quit' }] },
  {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  },
  { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  { label: '&Window', submenu: [{ role: 'minimize' }, ...(platform === 'darwin' ? [] : [{ role: 'close' as const }])] },
  {
    label: '&Help',
    submenu: [
      { label: 'Registering Azure Stack Hub (Microsoft Learn)', click: actions.openDocumentation },
      ...(platform === 'darwin' ? [] : [{ type: 'separator' as const }, { label: `About ${appName}`, click: actions.showAbout }]),
    ],
  },
];
