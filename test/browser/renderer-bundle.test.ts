import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../electron/main/csp';
import { RECORD_PAGE } from '../../shared/domain/handoff-record';
import { RENDERER_OUT } from './harness/app-server';
import { rendererSize } from './harness/renderer-size';

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

  // Issue 12, goal 4: the first screen loads at most 120 KiB gzipped in either language (npm run bench
  // prints the figures and the total). The screens and the other catalogue come later, on demand.
  it('loads at most 120 KiB gzipped before the first screen, in each language', async () => {
    const size = await rendererSize();
    expect(size.firstScreen.en).toBeLessThanOrEqual(120 * 1024);
    expect(size.firstScreen.fr).toBeLessThanOrEqual(120 * 1024);
    // The split is real: later chunks exist and are not part of the first load.
    expect(size.total - size.firstScreen.fr).toBeGreaterThan(10 * 1024);
  });

  it('ships zod/mini, never classic zod (whose every schema carries every method)', async () => {
    const assets = join(RENDERER_OUT, 'assets');
    const js = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    const texts = await Promise.all(js.map((f) => readFile(join(assets, f), 'utf8')));
    // zod names each schema class: `ZodString` in classic zod, `ZodMiniString` in zod/mini.
    expect(texts.filter((t) => /[`'"]ZodString[`'"]/.test(t))).toEqual([]);
    expect(texts.some((t) => /[`'"]ZodMiniString[`'"]/.test(t))).toBe(true);
  });
});
