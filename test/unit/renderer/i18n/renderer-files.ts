import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const RENDERER = join(import.meta.dirname, '../../../../renderer');

/** Every TypeScript source of the renderer except the catalogues themselves. */
export const rendererFiles = (): string[] =>
  readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/^i18n[\\/](en|fr)(-main|-screens)?\.ts$/.test(f))
    .map((f) => join(RENDERER, f));
