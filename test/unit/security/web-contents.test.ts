import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callsNamed, parseAt } from './source';

// Checklist §7.4-5, run against electron/main/security.ts with a stand-in for the electron module:
// the hooks are registered for every web contents and refuse what they must.

type Listener = (...args: unknown[]) => unknown;
const appListeners = new Map<string, Listener>();
const handlers: { request?: Listener; check?: Listener } = {};

vi.mock('electron', () => ({
  app: { on: (name: string, fn: Listener) => appListeners.set(name, fn) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (handlers.check = fn),
    },
  },
}));

const fakeContents = () => {
  const on = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  return {
    contents: { on: (name: string, fn: Listener) => on.set(name, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) },
    on,
    open: (url: string) => openHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }),
  };
};

/** Runs a navigation-style hook and says whether it prevented the default. */
const prevented = (hook: Listener | undefined, url: string): boolean => {
  const event = { preventDefault: vi.fn() };
  hook?.(event, url);
  return event.preventDefault.mock.calls.length > 0;
};

const OUTSIDE = ['https://evil.example/', 'file:///C:/Windows/System32/', 'app://other/index.html', 'app://user@registrar/index.html', 'javascript:alert(1)', 'not a url'];

describe('web contents hardening', () => {
  const wc = fakeContents();
  beforeAll(async () => {
    const security = await import('../../../electron/main/security');
    security.hardenWebContents();
    security.denyPermissions();
    appListeners.get('web-contents-created')?.({}, wc.contents);
  });

  it('denies every window.open', () => {
    expect(wc.open('app://registrar/index.html')).toEqual({ action: 'deny' });
    expect(wc.open('https://portal.azure.com/')).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'])('%s stays inside app://registrar', (name) => {
    const hook = wc.on.get(name);
    expect(hook).toBeTypeOf('function');
    expect(prevented(hook, 'app://registrar/index.html')).toBe(false);
    for (const url of OUTSIDE) expect({ url, prevented: prevented(hook, url) }).toEqual({ url, prevented: true });
  });

  it('prevents attaching a webview', () => {
    expect(prevented(wc.on.get('will-attach-webview'), 'app://registrar/index.html')).toBe(true);
  });

  it('denies every permission request and check but clipboard writes and notifications from the app page', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'openExternal']) {
      const allowedHere = permission === 'notifications' || permission === 'clipboard-sanitized-write';
      const fromApp = vi.fn();
      handlers.request?.({}, permission, fromApp, { requestingUrl: 'app://registrar/index.html' });
      expect(fromApp).toHaveBeenCalledWith(allowedHere);
      expect(handlers.check?.({}, permission, 'app://registrar', {})).toBe(allowedHere);
      const elsewhere = vi.fn();
      handlers.request?.({}, permission, elsewhere, { requestingUrl: 'https://evil.example/' });
      expect(elsewhere).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'https://evil.example', {})).toBe(false);
    }
  });

  it('is installed by the main entry: hooks at load, permission handlers once ready', () => {
    const calls = callsNamed(parseAt('electron/main/index.ts'), (c) => c === 'hardenWebContents' || c === 'denyPermissions');
    expect(calls.map((c) => c.expression.getText()).sort()).toEqual(['denyPermissions', 'hardenWebContents']);
  });
});
