import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../../electron/main/menu';
import { MAIN_WORDS } from '../../../../electron/words';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('application menu', () => {
  it('has no reload and no DevTools in a packaged build, on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const r = roles(appMenuTemplate({ platform, packaged: true }));
      expect(r).not.toContain('toggleDevTools');
      expect(r).not.toContain('reload');
      expect(r).not.toContain('forceReload');
      // Copy and paste in the fields (macOS needs the Edit menu's items for its shortcuts).
      expect(r).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('offers reload and DevTools to developers running from the source', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', packaged: false }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the app menu on macOS only', () => {
    expect(roles(appMenuTemplate({ platform: 'darwin', packaged: true }))[0]).toBe('appMenu');
    expect(roles(appMenuTemplate({ platform: 'win32', packaged: true }))).not.toContain('appMenu');
  });
});

describe('application menu: Help', () => {
  it('opens Microsoft Learn, the About screen and Export diagnostics', () => {
    const calls: string[] = [];
    const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
    const items = flatten(
      appMenuTemplate({
        platform: 'win32',
        packaged: true,
        appName: 'AzS Registrar',
        actions: {
          openDocumentation: () => calls.push('docs'),
          showAbout: () => calls.push('about'),
          exportDiagnostics: () => calls.push('diagnostics'),
          startNew: (leg) => calls.push(`new ${leg}`),
        },
      }),
    );
    for (const i of items.filter((x) => typeof x.click === 'function')) (i.click as () => void)();
    expect(calls.sort()).toEqual(['about', 'diagnostics', 'docs', 'new export', 'new registration']);
    // The window handles the keys itself (the same without the menu): the menu only shows them.
    const news = items.filter((i) => i.label?.startsWith('New '));
    expect(news.map((i) => [i.accelerator, i.registerAccelerator])).toEqual([
      ['CmdOrCtrl+Shift+E', false],
      ['CmdOrCtrl+Shift+R', false],
    ]);
    expect(items.map((i) => i.role)).toContain('quit');
    expect(items.map((i) => i.role)).not.toContain('toggleDevTools');
  });
});

describe('application menu: language', () => {
  it('speaks the UI language it is given, English by default', () => {
    const labels = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
    const actions = { openDocumentation: () => undefined, showAbout: () => undefined, exportDiagnostics: () => undefined, startNew: () => undefined };
    const en = labels(appMenuTemplate({ platform: 'win32', packaged: true, appName: 'AzS Registrar', actions }));
    const fr = labels(appMenuTemplate({ platform: 'win32', packaged: true, appName: 'AzS Registrar', actions, words: MAIN_WORDS.fr }));
    expect(en).toContain('Export diagnostics…');
    expect(fr).toEqual(expect.arrayContaining(['Fichier', 'Affichage', 'Aide', 'Exporter les diagnostics…', 'À propos de AzS Registrar']));
    // Every label of ours changes with the language.
    expect(fr.filter((l) => en.includes(l))).toEqual([]);
    expect(fr).toHaveLength(en.length);
    // No item is left to Electron's own words (English whatever the UI language), roles included.
    const unlabelled = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [...(i.type !== 'separator' && !i.label ? [i.role ?? '?'] : []), ...(Array.isArray(i.submenu) ? unlabelled(i.submenu) : [])]);
    expect(unlabelled(appMenuTemplate({ platform: 'win32', packaged: true, appName: 'AzS Registrar', actions, words: MAIN_WORDS.fr }))).toEqual([]);
    expect(fr).toEqual(expect.arrayContaining(['Copier', 'Coller', 'Quitter', 'Réduire']));
  });
});
