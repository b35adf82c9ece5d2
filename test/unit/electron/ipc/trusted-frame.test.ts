import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedFrame } from '../../../../electron/ipc/trusted-frame';

describe('isTrustedFrame', () => {
  it('trusts the app page in the top frame', () => {
    expect(isTrustedFrame({ url: 'app://registrar/index.html', parent: null })).toBe(true);
  });

  it.each([
    ['https://registrar/index.html', 'another scheme'],
    ['app://evil/index.html', 'another host'],
    ['app://registrar.evil.com/', 'a look-alike host'],
    ['app://user:pw@registrar/', 'credentials in the URL'],
    ['file:///C:/app/index.html', 'file://'],
    ['http://127.0.0.1:5173/', 'a dev server'],
    ['about:blank', 'about:blank'],
    ['javascript:alert(1)', 'javascript:'],
    ['not a url', 'garbage'],
  ])('refuses %s (%s)', (url) => {
    expect(isTrustedFrame({ url, parent: null })).toBe(false);
  });

  it('refuses an app page inside a frame', () => {
    expect(isTrustedFrame({ url: 'app://registrar/index.html', parent: {} })).toBe(false);
  });

  it('refuses a missing frame (destroyed before the call arrived)', () => {
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });

  it('recognises app URLs for navigation checks', () => {
    expect(isAppUrl('app://registrar/#/stamp')).toBe(true);
    expect(isAppUrl('https://login.microsoftonline.com/')).toBe(false);
  });
});
