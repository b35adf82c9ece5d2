import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInNetwork } from '../../../electron/azure';
import type { ProxyResolver } from '../../../electron/proxy';
import { startConnectProxy, type ConnectProxy } from '../../fixtures/connect-proxy';
import { EA_SUB, problemOf, startHarness, type Harness } from './practice-harness';

// The real SDK clients and the sign-in network client behind a real CONNECT proxy on loopback: every
// request goes through it when a proxy is resolved, none when the route is direct, and a proxy that
// refuses gives a network error naming it.

const through = (proxy: ConnectProxy): ProxyResolver => async (url) => ({ host: new URL(url).hostname, source: 'system', proxy: proxy.url, proxyUrl: proxy.url });

let proxy: ConnectProxy;
beforeAll(async () => {
  proxy = await startConnectProxy();
});
afterAll(async () => proxy.stop());

describe('ARM through a proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { routes: through(proxy) });
  });
  afterAll(async () => h.stop());

  it('sends the SDK clients’ and the hand-built requests through the resolved proxy', async () => {
    proxy.connects.length = 0;
    proxy.refuseWith(undefined);
    const before = h.practice.stats().requests;
    const subs = await h.azure.subscriptions('disconnected');
    expect(subs.map((s) => s.id)).toContain(EA_SUB);
    await h.azure.registrations(EA_SUB);
    const port = new URL(h.practice.clouds.AzureCloud.resourceManager).port;
    // Keep-alive reuses a tunnel, so there are at least one and at most as many CONNECTs as requests, all to ARM.
    const served = h.practice.stats().requests - before;
    expect(served).toBeGreaterThan(1);
    expect(proxy.connects.length).toBeGreaterThanOrEqual(1);
    expect(proxy.connects.length).toBeLessThanOrEqual(served);
    expect(new Set(proxy.connects)).toEqual(new Set([`127.0.0.1:${port}`]));
  });

  it('says the proxy refused, naming it, instead of blaming Azure or the account', async () => {
    // A fresh session: the refusal applies to new tunnels, not to one kept alive.
    const fh = await startHarness({}, { routes: through(proxy) });
    proxy.refuseWith(403);
    try {
      const problem = await problemOf(fh.azure.subscriptions('connected'));
      expect(problem.code).toBe('azure-network');
      expect(problem.message).toContain(`through the proxy ${proxy.url}`);
      expect(problem.message).toMatch(/Azure Resource Manager \(127\.0\.0\.1\) could not be reached .* HTTP 403/);
      expect(problem.action).toMatch(/network, not your account/);
    } finally {
      proxy.refuseWith(undefined);
      await fh.stop();
    }
  });

  it('names the proxy when nothing listens where it should be', async () => {
    const gone = await startConnectProxy();
    await gone.stop();
    const fh = await startHarness({}, { routes: through(gone) });
    try {
      const problem = await problemOf(fh.azure.subscriptions('connected'));
      expect(problem.code).toBe('azure-network');
      expect(problem.message).toContain(`through the proxy ${gone.url}`);
      expect(problem.message).toContain('the proxy refused the connection (ECONNREFUSED)');
    } finally {
      await fh.stop();
    }
  });

  it('never uses a proxy for a direct route, not even the SDK’s own reading of HTTPS_PROXY', async () => {
    proxy.connects.length = 0;
    const saved = process.env['HTTPS_PROXY'];
    process.env['HTTPS_PROXY'] = proxy.url;
    try {
      const direct = await startHarness();
      try {
        await direct.azure.subscriptions('connected');
        expect(proxy.connects).toEqual([]);
      } finally {
        await direct.stop();
      }
    } finally {
      if (saved === undefined) delete process.env['HTTPS_PROXY'];
      else process.env['HTTPS_PROXY'] = saved;
    }
  });
});

describe('sign-in requests through a proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());

  it('tunnels the sign-in client’s requests through the login host’s proxy', async () => {
    proxy.connects.length = 0;
    const endpoint = h.practice.clouds.AzureCloud.authorityHost;
    const network = createSignInNetwork(await through(proxy)(endpoint), h.practice.ca);
    const res = await network.client.sendGetRequestAsync<{ error?: { code?: string } }>(`${endpoint}/subscriptions?api-version=2022-12-01`);
    // The practice ARM answered (401: no token), through the tunnel.
    expect(res.status).toBe(401);
    expect(proxy.connects).toEqual([new URL(endpoint).host]);
  });

  it('keeps the refusal for the sign-in to report, naming the proxy', async () => {
    proxy.refuseWith(407);
    try {
      const endpoint = h.practice.clouds.AzureCloud.authorityHost;
      const network = createSignInNetwork(await through(proxy)(endpoint), h.practice.ca);
      await expect(network.client.sendGetRequestAsync(`${endpoint}/organizations/v2.0/.well-known/openid-configuration`)).rejects.toThrow(/proxy/);
      expect(network.lastFailure()?.problem).toMatchObject({
        code: 'azure-network',
        message: expect.stringMatching(new RegExp(`^The Microsoft Entra sign-in service \\(127\\.0\\.0\\.1\\) could not be reached through the proxy ${proxy.url.replace(/\./g, '\\.')} .*HTTP 407`)),
      });
    } finally {
      proxy.refuseWith(undefined);
    }
  });
});
