import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: editing (copy and paste in the fields; macOS needs the Edit menu for its
 * shortcuts), zoom and the window. Reload and DevTools only outside a packaged build: with no menu
 * item there is no keyboard shortcut to them either.
 */
export const appMenuTemplate = (opts: { platform: NodeJS.Platform; packaged: boolean }): MenuItemConstructorOptions[] => [
  ...(opts.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
  { role: 'fileMenu' },
  { role: 'editMenu' },
  {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(opts.packaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
    ],
  },
  { role: 'windowMenu' },
];
