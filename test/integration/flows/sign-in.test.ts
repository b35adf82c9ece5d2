import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMIT_MS } from '../../../electron/azure';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { PracticeScenario } from '../../../shared/contract';
import type { AzureConnection } from '../../../shared/domain/types';
import { startConnectProxy } from '../../fixtures/connect-proxy';
import { FAST_PRACTICE, startPracticeMachine, type PracticeMachine } from '../../fixtures/app/practice-app';

// Sign-in as the operator rehearses it through the runtime: an abandoned browser is stopped by Cancel or
// by the time limit (and its redirect listener closes), an unreachable login host is reported as the
// network, and practice Azure is never reached through a proxy whatever the system says.

const usb = () => mkdtemp(join(tmpdir(), 'azs-usb-'));
const scenario = (over: Partial<PracticeScenario>): PracticeScenario => ({ ...DEFAULT_PRACTICE_SCENARIO, ...over });

/** Timers the test fires itself. */
const manualTimers = () => {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => (pending.set(++next, { fn, ms }), next),
      clearTimeout: (h: unknown) => void pending.delete(h as number),
    },
    fire: (ms: number) => [...pending.values()].filter((p) => p.ms === ms).forEach((p) => p.fn()),
  };
};

/** The port the (practice) browser sign-in listens on, from the log (the Azure modules load on first use first). */
const listenerPort = async (m: PracticeMachine): Promise<number> => {
  for (let i = 0; i < 3000; i++) {
    const line = m.log.lines.find((l) => l.message === 'Waiting for the browser sign-in');
    const uri = (line?.data as { redirectUri?: string } | undefined)?.redirectUri;
    if (uri) return Number(new URL(uri).port);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the sign-in never waited for the browser');
};

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });

describe('sign-in, abandoned browser', () => {
  it('Cancel stops the wait and closes the redirect listener', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ signIn: 'browser-abandoned' }));
    const pending = m.runtime.dispatch('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const port = await listenerPort(m);
    expect(await refused(port)).toBe(false);
    expect(await m.call('azure.cancelSignIn', {})).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, problem: { code: 'cancelled', message: 'The sign-in was cancelled.' } });
    expect(await refused(port)).toBe(true);
    expect(await m.call('azure.cancelSignIn', {})).toEqual({ cancelled: false });
    await m.runtime.dispose();
  });

  it('the time limit stops it too, saying what to do', async () => {
    const clock = manualTimers();
    const m = await startPracticeMachine(await usb(), FAST_PRACTICE, { timers: clock.timers });
    await m.call('practice.set', scenario({ signIn: 'browser-abandoned' }));
    const pending = m.runtime.dispatch('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const port = await listenerPort(m);
    clock.fire(SIGN_IN_LIMIT_MS.browser);
    expect(await pending).toMatchObject({
      ok: false,
      problem: { code: 'azure-sign-in', message: 'The sign-in was not completed within 5 minutes, so it was stopped.', action: expect.stringMatching(/sign-in with a code/) },
    });
    expect(await refused(port)).toBe(true);
    await m.runtime.dispose();
  });

  it('a completed practice browser sign-in also closes its listener', async () => {
    const m = await startPracticeMachine(await usb());
    const account = await m.call<{ practice: boolean }>('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    expect(account.practice).toBe(true);
    expect(await refused(await listenerPort(m))).toBe(true);
    await m.runtime.dispose();
  });
});

describe('sign-in, unreachable login endpoint', () => {
  it('says it is the network, not the browser, and does not fall back to a device code', async () => {
    const m = await startPracticeMachine(await usb());
    await m.call('practice.set', scenario({ signIn: 'login-unreachable' }));
    const res = await m.runtime.dispatch('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    expect(res).toMatchObject({
      ok: false,
      problem: { code: 'azure-network', message: expect.stringMatching(/^The Microsoft Entra sign-in service \(127\.0\.0\.1\) could not be reached directly .*ECONNREFUSED/), retryable: true },
    });
    expect(m.events.filter((e) => e.name === 'azure.deviceCode')).toEqual([]);
    await m.runtime.dispose();
  });
});

describe('practice Azure and proxies', () => {
  it('never goes through a proxy, even when the system settings and HTTPS_PROXY name one', async () => {
    const proxy = await startConnectProxy();
    try {
      const m = await startPracticeMachine(await usb(), FAST_PRACTICE, {
        proxy: { system: async () => `PROXY ${new URL(proxy.url).host}`, env: { httpsProxy: proxy.url } },
      });
      const connection = await m.call<AzureConnection>('azure.connection', { cloud: 'AzureCloud' });
      expect(connection.management).toMatchObject({ source: 'practice' });
      expect(connection.management.proxy).toBeUndefined();
      await m.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
      await m.call('azure.subscriptions', { flow: 'connected' });
      expect(proxy.connects).toEqual([]);
      await m.runtime.dispose();
    } finally {
      await proxy.stop();
    }
  });

  it('in live mode shows the proxy the system settings chose for each host, and the default sign-in client', async () => {
    const m = await startPracticeMachine(await usb(), FAST_PRACTICE, {
      proxy: { system: async (url) => (url.includes('login') ? 'PROXY login-proxy.corp:3128; DIRECT' : 'DIRECT'), env: { httpsProxy: 'http://user:secret@env-proxy.corp:8080', noProxy: '.usgovcloudapi.net' } },
    });
    await m.call('app.setMode', { mode: 'live' });
    const connection = await m.call<AzureConnection>('azure.connection', { cloud: 'AzureCloud' });
    expect(connection).toEqual({
      signInClient: { kind: 'default', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
      login: { host: 'login.microsoftonline.com', source: 'system', proxy: 'http://login-proxy.corp:3128' },
      // The system says DIRECT: HTTPS_PROXY applies, shown without its credentials.
      management: { host: 'management.azure.com', source: 'environment', proxy: 'http://env-proxy.corp:8080' },
    });
    const gov = await m.call<AzureConnection>('azure.connection', { cloud: 'AzureUSGovernment' });
    expect(gov.management).toEqual({ host: 'management.usgovcloudapi.net', source: 'direct' });
    await m.runtime.dispose();
  });
});
