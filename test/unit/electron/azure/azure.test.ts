import { describe, expect, it } from 'vitest';
import { createAzure, type SignInProvider } from '../../../../electron/azure';
import { AZURE_CLOUDS } from '../../../../electron/azure/clouds';
import { memoryLogger } from '../../../../electron/log';
import { isAppError, type Problem } from '../../../../shared/contract/problems';
import type { DeviceCodePrompt } from '../../../../shared/contract/events';

const problemOf = async (p: Promise<unknown>): Promise<Problem> => {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.problem;
    throw err;
  }
  throw new Error('expected a failure');
};

const make = (signIn: SignInProvider, onDeviceCode?: (p: DeviceCodePrompt) => void) =>
  createAzure({
    signIn,
    clouds: AZURE_CLOUDS,
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    log: memoryLogger(),
    sleep: async () => undefined,
    ...(onDeviceCode ? { onDeviceCode } : {}),
  });

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

  it('refuses every Azure call before sign-in', async () => {
    const azure = make(async () => {
      throw new Error('unused');
    });
    for (const call of [azure.subscriptions('connected'), azure.registrations('s'), azure.activationKey({ subscriptionId: 's', resourceGroup: 'r', registrationName: 'n' })]) {
      expect((await problemOf(call)).code).toBe('azure-not-signed-in');
    }
  });
});
