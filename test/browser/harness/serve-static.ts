import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { contentTypeOf, resolveInside } from '../../../electron/main/renderer-path';

export type StaticServer = { url: string; close(): Promise<void> };

/** Serves the built renderer on loopback with the app's CSP header, as app:// does in Electron. */
export const serveStatic = async (root: string, opts: { csp: string }): Promise<StaticServer> => {
  const server = createServer((req, res) => {
    // The same path rule and content types as the app:// protocol handler.
    const file = resolveInside(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': contentTypeOf(file),
          'content-security-policy': opts.csp,
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};
