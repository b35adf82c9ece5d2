import type { MenuItemConstructorOptions } from 'electron';
import { MAIN_WORDS } from '../words';
import type { MainWords } from '../words';

export type MenuActions = {
  /** Opens the Microsoft Learn page on registering Azure Stack Hub. */
  openDocumentation(): void;
  /** Shows the About screen in the window. */
  showAbout(): void;
  /** Shows the About screen and starts Export diagnostics there. */
  exportDiagnostics(): void;
  /** Starts a new export (stamp side) or registration (connected host); the window asks about one in progress. */
  startNew(leg: 'export' | 'registration'): void;
};

/**
 * The window's own shortcuts for a new leg (renderer/app/new-leg.tsx handles the keys, so they work
 * the same without this menu): shown here, not registered, or the menu would take the keys first.
 */
export const NEW_LEG_SHORTCUTS = { export: 'CmdOrCtrl+Shift+E', registration: 'CmdOrCtrl+Shift+R' } as const;

/**
 * The application menu: editing (copy and paste in the fields; macOS needs the Edit menu for its
 * shortcuts), zoom, the window, and Help (Microsoft Learn, About). Reload and DevTools only outside a
 * packaged build: with no menu item there is no keyboard shortcut to them either.
 */
export const appMenuTemplate = (opts: {
  platform: NodeJS.Platform;
  packaged: boolean;
  appName?: string;
  actions?: MenuActions;
  /** In the UI language (English by default), the roles' items too (Electron would write them in English). */
  words?: MainWords;
}): MenuItemConstructorOptions[] => {
  const w = (opts.words ?? MAIN_WORDS.en).menu;
  return [
    ...(opts.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    opts.actions
      ? {
          label: w.file,
          submenu: [
            { label: w.newExport, accelerator: NEW_LEG_SHORTCUTS.export, registerAccelerator: false, click: () => opts.actions?.startNew('export') },
            {
              label: w.newRegistration,
              accelerator: NEW_LEG_SHORTCUTS.registration,
              registerAccelerator: false,
              click: () => opts.actions?.startNew('registration'),
            },
            { type: 'separator' as const },
            opts.platform === 'darwin' ? { role: 'close' as const, label: w.close } : { role: 'quit' as const, label: w.quit },
          ],
        }
      : { role: 'fileMenu' as const },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        { type: 'separator' },
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'resetZoom', label: w.resetZoom },
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: w.fullScreen },
        ...(opts.packaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'windowMenu',
      label: w.window,
      submenu: [
        { role: 'minimize', label: w.minimize },
        { role: 'close', label: w.close },
      ],
    },
    ...(opts.actions
      ? [
          {
            role: 'help' as const,
            label: w.help,
            submenu: [
              { label: w.documentation, click: opts.actions.openDocumentation },
              { label: w.exportDiagnostics, click: opts.actions.exportDiagnostics },
              { type: 'separator' as const },
              { label: w.about(opts.appName ?? 'AzS Registrar'), click: opts.actions.showAbout },
            ],
          },
        ]
      : []),
  ];
};
