import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../electron/main/csp';
import { RECORD_PAGE } from '../../shared/domain/handoff-record';
import { RENDERER_OUT } from './harness/app-server';

// The built renderer must stay self-contained and free of test plumbing.
describe('renderer build', () => {
  it.each(['index.html', RECORD_PAGE])('carries the CSP in %s and loads nothing inline or remote', async (page) => {
    const html = await readFile(join(RENDERER_OUT, page), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // The header adds frame-ancestors, which a <meta> policy cannot express.
    expect(APP_CSP.startsWith(meta ?? '<missing>')).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('contains no test bridge', async () => {
    const assets = join(RENDERER_OUT, 'assets');
    for (const file of await readdir(assets)) {
      expect(await readFile(join(assets, file), 'utf8'), file).not.toContain('__azs');
    }
  });
});
