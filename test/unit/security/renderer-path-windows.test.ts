import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../electron/main/renderer-path';

// Issue 12, hardening: the app:// path check with Windows path rules (the installed app runs on
// Windows): backslashes, drive letters, UNC prefixes, NTFS streams and encoded separators. Each
// request must resolve inside the renderer folder or be refused.

const WIN_ROOT = 'C:\\Program Files\\AzS Registrar\\resources\\app.asar\\out\\renderer';
const POSIX_ROOT = '/opt/azs-registrar/resources/app.asar/out/renderer';

const ESCAPES = [
  '/..\\..\\..\\package.json',
  '/%5c..%5c..%5cpackage.json',
  '/assets/..%5c..%5c..%5cpackage.json',
  '/C:/Windows/win.ini',
  '/C:%5cWindows%5cwin.ini',
  '/c%3a/Windows/win.ini',
  '/\\\\evil-server\\share\\x.js',
  '/%5c%5cevil-server%5cshare%5cx.js',
  '/%5c%5c%3f%5cC:%5cWindows%5cwin.ini',
  '/index.html:Zone.Identifier',
  '/index.html%3a%3a$DATA',
  '/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/package.json',
  '/assets/%2e%2e%5c%2e%2e%5c..%5cpackage.json',
  '/a%00.html',
];

describe('resolveInside with Windows path rules', () => {
  it('serves the renderer files from inside the folder', () => {
    expect(resolveInside(WIN_ROOT, '/', win32)).toBe(`${WIN_ROOT}\\index.html`);
    expect(resolveInside(WIN_ROOT, '/assets/index-abc.js', win32)).toBe(`${WIN_ROOT}\\assets\\index-abc.js`);
  });

  it.each(ESCAPES)('refuses %s (Windows rules)', (path) => {
    expect(resolveInside(WIN_ROOT, path, win32)).toBeNull();
  });

  it.each(ESCAPES)('refuses %s (POSIX rules)', (path) => {
    expect(resolveInside(POSIX_ROOT, path, posix)).toBeNull();
  });

  it('whatever it returns under Windows rules stays under the renderer folder', () => {
    const tries = ['/x/../index.html', '/assets//a.js', '/assets/./b.css', '/%61ssets/c.js'];
    for (const t of tries) {
      const got = resolveInside(WIN_ROOT, t, win32);
      expect(got?.startsWith(`${WIN_ROOT}\\`), t).toBe(true);
      expect(win32.relative(WIN_ROOT, got ?? '').split('\\')).not.toContain('..');
    }
  });
});
