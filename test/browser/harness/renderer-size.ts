import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_OUT } from './app-server';

// What the built renderer ships, gzipped (level 9), from Vite's manifest: the first screen's load per
// language (the entry chunk, its static imports, its CSS, and the catalogue of that language: main.tsx
// waits for it before the first render) and everything shipped (the screens chunk, the other catalogue,
// the French texts of main's sentences, loaded later). Issue 12's goal counts the first screen's load.

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; css?: string[] };
export type RendererSize = { firstScreen: Record<'en' | 'fr', number>; total: number; files: { file: string; gzip: number }[] };

const gzipOf = async (file: string) => gzipSync(await readFile(join(RENDERER_OUT, file)), { level: 9 }).length;

export const rendererSize = async (): Promise<RendererSize> => {
  const manifest = JSON.parse(await readFile(join(RENDERER_OUT, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  // The app window's entry (record.html, the printable record, is another page main prints on demand).
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key === 'index.html');
  if (!entry) throw new Error('The renderer manifest names no index.html entry chunk.');
  // The entry and what it imports statically: the browser loads these before any code runs.
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    chunk.css?.forEach((css) => initial.add(css));
    chunk.imports?.forEach(visit);
  };
  visit(entry[0]);
  const files = await Promise.all(
    (await readdir(join(RENDERER_OUT, 'assets'))).filter((f) => /\.(js|css)$/.test(f)).map(async (f) => ({ file: `assets/${f}`, gzip: await gzipOf(`assets/${f}`) })),
  );
  const size = (names: Iterable<string>) => [...names].reduce((sum, n) => sum + (files.find((f) => f.file === n)?.gzip ?? 0), 0);
  const catalogue = (lang: string) => {
    const chunk = manifest[`i18n/${lang}.ts`];
    if (!chunk) throw new Error(`No catalogue chunk for ${lang} in the renderer manifest.`);
    return chunk.file;
  };
  return {
    firstScreen: { en: size([...initial, catalogue('en')]), fr: size([...initial, catalogue('fr')]) },
    total: files.reduce((sum, f) => sum + f.gzip, 0),
    files: files.sort((a, b) => b.gzip - a.gzip),
  };
};
