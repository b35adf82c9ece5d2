import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CSP } from '../../../electron/main/csp';
import { serveStatic } from './serve-static';
import type { StaticServer } from './serve-static';

export const RENDERER_OUT = join(import.meta.dirname, '../../../out/renderer');

/** The built renderer (`npx electron-vite build`), served as the app serves it. */
export const serveRenderer = (): Promise<StaticServer> => {
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    throw new Error(`No renderer build in ${RENDERER_OUT}: run \`npx electron-vite build\` first.`);
  }
  return serveStatic(RENDERER_OUT, { csp: APP_CSP });
};
