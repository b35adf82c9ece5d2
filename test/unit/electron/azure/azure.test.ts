import { describe, expect, it } from 'vitest';
import { AZURE_CLI_CLIENT_ID, createAzure, SIGN_IN_LIMIT_MS, type SignInProvider } from '../../../../electron/azure';
import type { ProxyResolver } from '../../../../electron/proxy';
import { AZURE_CLOUDS } from '../../../../electron/azure/clouds';
import { memoryLogger } from '../../../../electron/log';
import type { DeviceCodePrompt } from '../../../../shared/contract/events';
import { problemOf } from '../../../integration/azure/practice-harness';

/** Timers that fire only when the test says so: the sign-in time limit without waiting for it. */
const manualTimers = () => {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        pending.set(++next, { fn, ms });
        return next;
      },
      clearTimeout: (h: unknown) => void pending.delete(h as number),
    },
    pending: () => [...pending.values()].map((p) => p.ms),
    fireAll: () => [...pending.values()].forEach((p) => p.fn()),
  };
};

const direct: ProxyResolver = async (url) => ({ host: new URL(url).hostname, source: 'direct' });

const make = (signIn: SignInProvider, onDeviceCode?: (p: DeviceCodePrompt) => void, timers = manualTimers().timers, routes = direct) =>
  createAzure({
    signIn,
    clouds: AZURE_CLOUDS,
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    log: memoryLogger(),
    sleep: async () => undefined,
    ...(onDeviceCode ? { onDeviceCode } : {}),
    routes,
    timers,
    signInClient: { kind: 'default', clientId: AZURE_CLI_CLIENT_ID },
  });

/** A provider that waits, like an abandoned browser, until its signal is aborted. */
const abandoned: SignInProvider = (req) =>
  new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(new Error('listener closed')), { once: true }));

const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: 0 }) };

describe('createAzure sign-in', () => {
  it('hands the cloud endpoints to the provider and relays the device code prompt', async () => {
    const prompts: DeviceCodePrompt[] = [];
    const azure = make(async (req) => {
      req.onDeviceCode({ userCode: 'ABC-123', verificationUri: 'https://microsoft.com/devicelogin', message: 'Enter ABC-123' });
      expect(req.endpoints.resourceManager).toBe('https://management.usgovcloudapi.net');
      expect(req.tenantId).toBe('contoso.onmicrosoft.com');
      return { credential, account: { cloud: req.cloud, username: 'op@contoso.com', tenantId: 't1', practice: false } };
    }, (p) => prompts.push(p));
    const account = await azure.signIn({ cloud: 'AzureUSGovernment', tenantId: 'contoso.onmicrosoft.com', method: 'device-code' });
    expect(account).toEqual({ cloud: 'AzureUSGovernment', username: 'op@contoso.com', tenantId: 't1', practice: false });
    expect(azure.account()).toEqual(account);
    expect(prompts).toEqual([{ userCode: 'ABC-123', verificationUri: 'https://microsoft.com/devicelogin', message: 'Enter ABC-123' }]);
  });

  it('maps Entra ID errors to operator words, keeping the raw text as detail', async () => {
    const azure = make(async () => {
      throw new Error('AADSTS50055: The password is expired.');
    });
    const problem = await problemOf(azure.signIn({ cloud: 'AzureCloud', method: 'browser' }));
    expect(problem).toMatchObject({ code: 'azure-sign-in', message: expect.stringMatching(/password has expired/) });
    expect(problem.detail).toContain('AADSTS50055');
    expect(azure.account()).toBeUndefined();
  });

  it('tells a wrong cloud from other failures', async () => {
    const azure = make(async () => {
      throw new Error('unknown_user_type: Unknown User Type');
    });
    expect((await problemOf(azure.signIn({ cloud: 'AzureChinaCloud', method: 'browser' }))).message).toMatch(/not known in the chosen cloud/);
  });

  it('stops a browser sign-in the operator cancels, and says so', async () => {
    const azure = make(abandoned);
    const pending = azure.signIn({ cloud: 'AzureCloud', method: 'browser' });
    await Promise.resolve();
    expect(azure.cancelSignIn()).toBe(true);
    expect(await problemOf(pending)).toMatchObject({ code: 'cancelled', message: 'The sign-in was cancelled.' });
    expect(azure.cancelSignIn()).toBe(false);
    expect(azure.account()).toBeUndefined();
  });

  it('stops a sign-in at its time limit: 5 minutes for the browser, 15 for a device code', async () => {
    for (const method of ['browser', 'device-code'] as const) {
      const clock = manualTimers();
      const azure = make(abandoned, undefined, clock.timers);
      const pending = azure.signIn({ cloud: 'AzureCloud', method });
      await new Promise((resolve) => setImmediate(resolve));
      expect(clock.pending()).toEqual([SIGN_IN_LIMIT_MS[method]]);
      clock.fireAll();
      expect(await problemOf(pending)).toMatchObject({ code: 'azure-sign-in', message: expect.stringMatching(`within ${SIGN_IN_LIMIT_MS[method] / 60_000} minutes`) });
    }
    expect(SIGN_IN_LIMIT_MS).toEqual({ browser: 300_000, 'device-code': 900_000 });
  });

  it('clears the time limit once signed in', async () => {
    const clock = manualTimers();
    const azure = make(async (req) => ({ credential, account: { cloud: req.cloud, username: 'u', tenantId: 't', practice: false } }), undefined, clock.timers);
    await azure.signIn({ cloud: 'AzureCloud', method: 'browser' });
    expect(clock.pending()).toEqual([]);
  });

  it('tells a network failure from a missing browser, naming the proxy in use', async () => {
    const viaProxy: ProxyResolver = async (url) => ({ host: new URL(url).hostname, source: 'system', proxy: 'http://proxy.corp:8080', proxyUrl: 'http://proxy.corp:8080' });
    const azure = make(
      async () => {
        throw new Error('ClientAuthError: endpoints_resolution_error: Could not resolve endpoints. Please check network and try again.');
      },
      undefined,
      undefined,
      viaProxy,
    );
    const problem = await problemOf(azure.signIn({ cloud: 'AzureCloud', method: 'browser' }));
    expect(problem.code).toBe('azure-network');
    expect(problem.message).toContain('login.microsoftonline.com');
    expect(problem.message).toContain("through the proxy http://proxy.corp:8080 (this computer's proxy settings)");
    expect(problem.action).toMatch(/network, not your account/);
  });

  it('refuses every Azure call before sign-in', async () => {
    const azure = make(async () => {
      throw new Error('unused');
    });
    for (const call of [azure.subscriptions('connected'), azure.registrations('s'), azure.activationKey({ subscriptionId: 's', resourceGroup: 'r', registrationName: 'n' })]) {
      expect((await problemOf(call)).code).toBe('azure-not-signed-in');
    }
  });
});
