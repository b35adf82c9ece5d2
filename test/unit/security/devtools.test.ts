import { beforeEach, describe, expect, it, vi } from 'vitest';
import { literalProps, parseAt, descendants, dotted, ts } from './source';

// Issue 12, hardening: the packaged window has no DevTools. Checked twice: the literal setting in
// the source, and what createMainWindow actually passes to BrowserWindow when packaged or not.

const electron = vi.hoisted(() => ({
  app: { isPackaged: true },
  constructed: [] as Array<{ webPreferences?: Record<string, unknown> }>,
}));
vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: class {
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      electron.constructed.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('../../../electron/main/window');

describe('DevTools', () => {
  beforeEach(() => {
    electron.constructed.length = 0;
  });

  it('is written as `devTools: !app.isPackaged` in the window webPreferences', () => {
    const ctor = descendants(parseAt('electron/main/window.ts')).find((n): n is ts.NewExpression => ts.isNewExpression(n) && dotted(n.expression) === 'BrowserWindow');
    const options = ctor?.arguments?.[0];
    const web = options && ts.isObjectLiteralExpression(options) ? literalProps(options).get('webPreferences') : undefined;
    const devTools = web && ts.isObjectLiteralExpression(web) ? literalProps(web).get('devTools') : undefined;
    expect(devTools?.getText()).toBe('!app.isPackaged');
  });

  it('is off in the packaged app', () => {
    electron.app.isPackaged = true;
    createMainWindow('/app/preload/index.cjs');
    expect(electron.constructed[0]?.webPreferences?.['devTools']).toBe(false);
  });

  it('is on only in an unpackaged run', () => {
    electron.app.isPackaged = false;
    createMainWindow('/app/preload/index.cjs');
    expect(electron.constructed[0]?.webPreferences?.['devTools']).toBe(true);
  });
});
