import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The loopback redirect of browser sign-in (`http://localhost:<port>`): waits for Entra ID to post the
// authorisation code back (response_mode=form_post), and closes as soon as it has it, fails, or the
// sign-in is cancelled or runs out of time. A browser that is never used can no longer keep it open.

const MAX_BODY = 64 * 1024;
const DONE_PAGE = '<!doctype html><meta charset="utf-8"><title>AzS Registrar</title><p>Sign-in finished. You can close this tab and return to AzS Registrar.</p>';

export type AuthCodeListener = {
  /** The redirect URI to send to Entra ID: `http://localhost:<port>` (any port is accepted for localhost). */
  redirectUri: string;
  /** The authorisation code; rejects with Entra's error, or with the abort reason. */
  code: Promise<string>;
  /** Whether the listener still accepts connections (for tests and the log). */
  listening(): boolean;
  /** Stops waiting (the sign-in failed before the browser answered) and closes the listener. */
  close(): void;
};

const readForm = (req: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy(new Error('The sign-in answer is too large.'));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });

export const listenForAuthCode = async (state: string, signal: AbortSignal): Promise<AuthCodeListener> => {
  signal.throwIfAborted();
  let settle: { resolve(code: string): void; reject(err: unknown): void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Handled by whoever awaits it; never an unhandled rejection if the sign-in stops before that.
  code.catch(() => undefined);

  const answer = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') {
      answer(res, req.method === 'GET' ? 200 : 405, DONE_PAGE);
      return;
    }
    void readForm(req).then(
      (form) => {
        if (form.get('state') !== state) {
          answer(res, 400, 'This sign-in answer is not for the sign-in AzS Registrar is waiting for.');
          return;
        }
        answer(res, 200, DONE_PAGE);
        const error = form.get('error');
        const got = form.get('code');
        if (error) settle?.reject(new Error(`${error}: ${form.get('error_description') ?? ''}`));
        else if (got) settle?.resolve(got);
        else settle?.reject(new Error('The sign-in answer carried no authorisation code.'));
      },
      (err: unknown) => settle?.reject(err),
    );
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const onAbort = () => settle?.reject(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  void code.then(close, close).finally(() => signal.removeEventListener('abort', onAbort));
  return {
    redirectUri: `http://localhost:${(server.address() as AddressInfo).port}`,
    code,
    listening: () => server.listening,
    close: () => settle?.reject(new Error('The sign-in stopped before the browser answered.')),
  };
};
