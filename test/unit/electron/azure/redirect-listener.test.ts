import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenForAuthCode } from '../../../../electron/azure/redirect-listener';

const post = (uri: string, form: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(uri, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });

describe('listenForAuthCode', () => {
  it('takes the code Entra ID posts for this sign-in, ignores another state, then closes', async () => {
    const listener = await listenForAuthCode('state-1', new AbortController().signal);
    expect(listener.redirectUri).toMatch(/^http:\/\/localhost:\d+$/);
    expect(await post(listener.redirectUri, { code: 'other', state: 'state-2' })).toBe(400);
    expect(await post(listener.redirectUri, { code: 'abc', state: 'state-1' })).toBe(200);
    expect(await listener.code).toBe('abc');
    await new Promise((resolve) => setImmediate(resolve));
    expect(listener.listening()).toBe(false);
  });

  it('rejects with Entra’s error (e.g. the operator declined consent)', async () => {
    const listener = await listenForAuthCode('s', new AbortController().signal);
    await post(listener.redirectUri, { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent', state: 's' });
    await expect(listener.code).rejects.toThrow(/access_denied: AADSTS65004/);
  });

  it('stops waiting and closes when the sign-in is cancelled', async () => {
    const controller = new AbortController();
    const listener = await listenForAuthCode('s', controller.signal);
    expect(listener.listening()).toBe(true);
    controller.abort(new Error('cancelled by the operator'));
    await expect(listener.code).rejects.toThrow('cancelled by the operator');
    await new Promise((resolve) => setImmediate(resolve));
    expect(listener.listening()).toBe(false);
    await expect(post(listener.redirectUri, { code: 'late', state: 's' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses to start for a sign-in already cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(listenForAuthCode('s', controller.signal)).rejects.toThrow('gone');
  });
});
