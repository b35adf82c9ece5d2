import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../../electron/main/menu';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

describe('application menu', () => {
  for (const platform of ['win32', 'darwin', 'linux'] as const) {
    it(`on ${platform}: no DevTools or reload, and help and About reachable`, () => {
      const calls: string[] = [];
      const items = flatten(appMenuTemplate(platform, 'AzS Registrar', { openDocumentation: () => calls.push('docs'), showAbout: () => calls.push('about') }));
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      for (const i of items.filter((x) => typeof x.click === 'function')) (i.click as () => void)();
      expect(calls.sort()).toEqual(['about', 'docs']);
    });
  }
});
