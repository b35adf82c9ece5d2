import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { liveSignIn, type SignInProvider } from '../../../../electron/azure';
import { AZURE_CLOUDS } from '../../../../electron/azure/clouds';
import { closedPort } from '../../../../electron/practice/sign-in';
import { memoryLogger } from '../../../../electron/log';
import { isAppError } from '../../../../shared/contract/problems';

// The live sign-in with MSAL up to the network, behind a proxy nobody answers at (so every request MSAL
// sends fails the same way, with or without internet access): a network failure names the proxy and
// is never a reason to fall back to a device code.

/** What the browser does after the operator signs in: post the code to the loopback redirect URI. */
const completingBrowser = async (url: string): Promise<void> => {
  const q = new URL(url).searchParams;
  expect(q.get('response_mode')).toBe('form_post');
  expect(q.get('code_challenge_method')).toBe('S256');
  await new Promise<void>((resolve, reject) => {
    const req = request(q.get('redirect_uri') ?? '', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(new URLSearchParams({ code: 'the-code', state: q.get('state') ?? '' }).toString());
  });
};

const attempt = async (method: 'browser' | 'device-code', openBrowser: (url: string) => Promise<void>) => {
  const proxy = `http://127.0.0.1:${await closedPort()}`;
  const opened: string[] = [];
  const codes: unknown[] = [];
  const log = memoryLogger();
  const signIn: SignInProvider = liveSignIn({ log, client: {}, openBrowser: async (url) => (opened.push(url), openBrowser(url)) });
  const err = await signIn({
    cloud: 'AzureCloud',
    endpoints: AZURE_CLOUDS.AzureCloud,
    method,
    onDeviceCode: (p) => codes.push(p),
    signal: new AbortController().signal,
    route: { host: 'login.microsoftonline.com', source: 'system', proxy, proxyUrl: proxy },
  }).catch((e: unknown) => e);
  return { proxy, opened, codes, log, problem: isAppError(err) ? err.problem : undefined };
};

const refusedBy = (proxy: string) =>
  `The Microsoft Entra sign-in service (login.microsoftonline.com) could not be reached through the proxy ${proxy} (this computer's proxy settings): the proxy refused the connection (ECONNREFUSED).`;

describe('liveSignIn behind an unreachable proxy', () => {
  it('device code: the network, naming the proxy, before any code is shown', async () => {
    const r = await attempt('device-code', async () => undefined);
    expect(r.problem).toMatchObject({ code: 'azure-network', message: refusedBy(r.proxy) });
    expect(r.codes).toEqual([]);
  });

  it('browser: the code exchange fails on the network, naming the proxy, without a device-code fallback', async () => {
    const r = await attempt('browser', completingBrowser);
    expect(r.opened).toHaveLength(1);
    expect(new URL(r.opened[0] ?? '').searchParams.get('client_id')).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
    expect(r.problem).toMatchObject({ code: 'azure-network', message: refusedBy(r.proxy) });
    expect(r.codes).toEqual([]);
    expect(r.log.lines.some((l) => /falling back to a device code/.test(l.message))).toBe(false);
  });

  it('browser that cannot be opened: falls back to a device code (which then meets the same network)', async () => {
    const r = await attempt('browser', async () => Promise.reject(new Error('spawn xdg-open ENOENT')));
    expect(r.log.lines.some((l) => /falling back to a device code/.test(l.message))).toBe(true);
    expect(r.problem).toMatchObject({ code: 'azure-network' });
  });
});
