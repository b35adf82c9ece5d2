import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../../electron/main/renderer-path';

const root = resolve('/opt/app/renderer');

describe('resolveInside', () => {
  it('maps / to index.html', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
  });

  it('serves files below the renderer folder', () => {
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it.each(['/%E0%A4%A', '/a%00.html', '/../secrets.txt', '/assets/../../main/index.js', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json'])(
    'refuses %s, which escapes the folder',
    (path) => {
      expect(resolveInside(root, path)).toBeNull();
    },
  );
});
