import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from '../ipc';
import { APP_CSP } from './csp';
import { contentTypeOf, resolveInside } from './renderer-path';

// Must run before app 'ready': app:// behaves like https (standard, secure origin), never file://.
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
};

export const serveRenderer = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const upstream = await net.fetch(pathToFileURL(file).toString());
    if (!upstream.ok) return new Response('Not found', { status: 404 });
    return new Response(upstream.body, {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
};
