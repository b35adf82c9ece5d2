import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../electron/main/csp';

// Checklist §7.2-3 against electron/main/app-protocol.ts with a stand-in electron module: the UI is
// served from app://registrar/ only, from inside the renderer folder, with the CSP as a header.

type Handler = (request: Request) => Promise<Response>;
const schemes: unknown[] = [];
let handler: Handler | undefined;
const fetched: string[] = [];

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list),
    handle: (_scheme: string, fn: Handler) => (handler = fn),
  },
  net: {
    fetch: async (url: string) => {
      fetched.push(url);
      return new Response('<!doctype html>', { status: 200 });
    },
  },
}));

const rendererDir = join(import.meta.dirname, 'renderer-root');
const get = (url: string) => (handler ? handler(new Request(url)) : Promise.reject(new Error('no protocol handler')));

describe('app:// protocol', () => {
  beforeAll(async () => {
    const { registerAppScheme, serveRenderer } = await import('../../../electron/main/app-protocol');
    registerAppScheme();
    serveRenderer(rendererDir);
  });

  it('registers app: as a standard, secure scheme', () => {
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('serves the renderer with the CSP header and nosniff', async () => {
    const res = await get('app://registrar/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fetched.at(-1)).toMatch(/^file:\/\/.*\/renderer-root\/index\.html$/);
  });

  it.each(['app://other/index.html', 'app://registrar/%E0%A4%A', 'app://registrar/a%00.html'])('refuses %s without reading a file', async (url) => {
    const before = fetched.length;
    expect((await get(url)).status).toBe(404);
    expect(fetched.length).toBe(before);
  });

  // URL parsing folds "..", "%2e%2e" and (app: being standard) backslashes into the path; whatever
  // is left must resolve inside the renderer folder.
  it.each(['app://registrar/../../package.json', 'app://registrar/%2e%2e/%2e%2e/package.json', 'app://registrar/..%2f..%2fpackage.json', 'app://registrar/..\\..\\package.json'])('keeps %s inside the renderer folder', async (url) => {
    const before = fetched.length;
    const res = await get(url);
    const read = fetched.slice(before).map((u) => fileURLToPath(u));
    expect(res.status === 404 ? read : read.filter((f) => !f.startsWith(rendererDir + sep))).toEqual([]);
  });
});
