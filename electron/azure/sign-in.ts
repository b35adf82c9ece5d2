import { randomUUID } from 'node:crypto';
import { CryptoProvider, PublicClientApplication, type AccountInfo, type AuthenticationResult } from '@azure/msal-node';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { SignInClient } from '../../shared/contract';
import type { CloudName } from '../../shared/domain/types';
import type { Logger } from '../log';
import { listenForAuthCode } from './redirect-listener';
import { createSignInNetwork } from './sign-in-network';
import type { SignInProvider } from './types';

// Live Entra ID sign-in for the Electron main process, with MSAL directly so that the sign-in can be
// cancelled: the system browser with a loopback redirect we own (closed on cancel or time limit), or a
// device code shown in the app. Tokens stay in MSAL's in-memory cache (no persistence).

/** The Azure CLI's first-party public client: pre-authorised for Azure Resource Manager in every tenant. */
export const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/**
 * Azure PowerShell's first-party public client: the client whose refresh token RegisterWithAzure.psm1
 * hands the stamp (az branch: Export-AzRefreshToken reads Az.Accounts' MSAL cache, client 1950a258-…;
 * master: the AzureRM/ADAL cache item for the ActiveDirectoryServiceEndpointResourceId resource).
 */
export const AZURE_POWERSHELL_CLIENT_ID = '1950a258-227b-4e31-a9cf-717495945fc2';

/** ActiveDirectoryServiceEndpointResourceId per cloud: the resource the master branch's token is for. */
const SERVICE_MANAGEMENT_RESOURCE: Record<CloudName, string> = {
  AzureCloud: 'https://management.core.windows.net/',
  AzureUSGovernment: 'https://management.core.usgovcloudapi.net/',
  AzureChinaCloud: 'https://management.core.chinacloudapi.cn/',
};

type CachedRefreshToken = { home_account_id?: string; client_id?: string; secret?: string };

/** The account's refresh token in an MSAL in-memory cache (its serialized form is the only public way to it). */
export const refreshTokenIn = (serializedCache: string, homeAccountId: string): string | undefined => {
  const cache = JSON.parse(serializedCache) as { RefreshToken?: Record<string, CachedRefreshToken> };
  return Object.values(cache.RefreshToken ?? {}).find((t) => t.home_account_id === homeAccountId && typeof t.secret === 'string' && t.secret !== '')?.secret;
};

/**
 * A refresh token of the Azure PowerShell client, as the official module gives the stamp. The Azure CLI
 * and Azure PowerShell are both in Microsoft's family of client IDs (FOCI): the sign-in's family refresh
 * token is redeemed once by the Azure PowerShell client for the service-management resource, and the
 * refresh token Entra ID issues to it is what the stamp gets. Both caches are in memory and dropped here.
 */
const stampRefreshToken = async (signIn: PublicClientApplication, account: AccountInfo, authority: string, cloud: CloudName, network: ReturnType<typeof createSignInNetwork>): Promise<string> => {
  const family = refreshTokenIn(signIn.getTokenCache().serialize(), account.homeAccountId);
  if (!family) throw new Error('The sign-in cache holds no refresh token for this account.');
  const powershell = new PublicClientApplication({ auth: { clientId: AZURE_POWERSHELL_CLIENT_ID, authority }, system: { networkClient: network.client } });
  const result = await powershell.acquireTokenByRefreshToken({ refreshToken: family, scopes: [`${SERVICE_MANAGEMENT_RESOURCE[cloud]}/.default`] /* resource + "/.default": a double slash, as Az asks */ });
  const own = result?.account ? refreshTokenIn(powershell.getTokenCache().serialize(), result.account.homeAccountId) : undefined;
  if (!own) throw new Error('Entra ID issued no refresh token to the Azure PowerShell client.');
  return own;
};

/** Opening the system browser failed: the one failure that falls back to a device code. */
class BrowserUnavailable extends Error {
  override name = 'BrowserUnavailable';
}

/** The sign-in's tokens as a credential for the ARM pipeline; renewal is silent (refresh token in memory). */
const msalCredential = (app: PublicClientApplication, account: AccountInfo): TokenCredential => ({
  async getToken(scopes): Promise<AccessToken> {
    let result: AuthenticationResult | null;
    try {
      result = await app.acquireTokenSilent({ account, scopes: Array.isArray(scopes) ? scopes : [scopes] });
    } catch (err) {
      const e = new Error(err instanceof Error ? err.message : String(err));
      // arm-error reads this name as "sign in again".
      e.name = 'AuthenticationRequiredError';
      throw e;
    }
    if (!result?.accessToken) throw Object.assign(new Error('Azure returned no token.'), { name: 'AuthenticationRequiredError' });
    return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? 0, tokenType: 'Bearer' };
  },
});

export const liveSignIn =
  (deps: {
    log: Logger;
    client: SignInClient;
    /** Opens the system browser on an https URL (Electron's shell.openExternal); rejects when it cannot. */
    openBrowser(url: string): Promise<void>;
  }): SignInProvider =>
  async (req) => {
    const clientId = deps.client.clientId ?? AZURE_CLI_CLIENT_ID;
    const tenant = req.tenantId ?? deps.client.tenant ?? 'organizations';
    const network = createSignInNetwork(req.route);
    const app = new PublicClientApplication({
      auth: { clientId, authority: `${req.endpoints.authorityHost.replace(/\/$/, '')}/${tenant}` },
      system: { networkClient: network.client },
    });
    const scopes = [req.endpoints.scope];

    const viaDeviceCode = async (): Promise<AuthenticationResult | null> => {
      const request = {
        scopes,
        cancel: false,
        deviceCodeCallback: (info: { userCode: string; verificationUri: string; message: string }) =>
          req.onDeviceCode({ userCode: info.userCode, verificationUri: info.verificationUri, message: info.message }),
      };
      // MSAL checks `cancel` between polls.
      const stop = () => (request.cancel = true);
      req.signal.addEventListener('abort', stop, { once: true });
      try {
        return await app.acquireTokenByDeviceCode(request);
      } finally {
        req.signal.removeEventListener('abort', stop);
      }
    };

    const viaBrowser = async (): Promise<AuthenticationResult | null> => {
      const state = randomUUID();
      const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
      const listener = await listenForAuthCode(state, req.signal);
      deps.log.info('Waiting for the browser sign-in', { redirectUri: listener.redirectUri });
      try {
        const url = await app.getAuthCodeUrl({
          scopes,
          redirectUri: listener.redirectUri,
          codeChallenge: challenge,
          codeChallengeMethod: 'S256',
          state,
          responseMode: 'form_post',
          prompt: 'select_account',
        });
        try {
          await deps.openBrowser(url);
        } catch (err) {
          throw new BrowserUnavailable(err instanceof Error ? err.message : String(err));
        }
        const code = await listener.code;
        return await app.acquireTokenByCode({ code, codeVerifier: verifier, redirectUri: listener.redirectUri, scopes });
      } finally {
        listener.close();
      }
    };

    const run = async (): Promise<AuthenticationResult | null> => {
      if (req.method === 'device-code') return viaDeviceCode();
      try {
        return await viaBrowser();
      } catch (err) {
        if (!(err instanceof BrowserUnavailable) || req.signal.aborted) throw err;
        deps.log.warn('The system browser could not be opened; falling back to a device code', { reason: err.message });
        return viaDeviceCode();
      }
    };

    let result: AuthenticationResult | null;
    try {
      result = await run();
    } catch (err) {
      if (req.signal.aborted) throw req.signal.reason;
      // MSAL reports a failed discovery as its own error; the network failure underneath says more.
      throw network.lastFailure() ?? err;
    }
    if (!result?.account) throw new Error('Sign-in returned no account.');
    deps.log.info('Signed in with the public client', { clientId, client: deps.client.clientId ? 'organisation' : 'Azure CLI (default)' });
    const account = result.account;
    const tenantId = result.tenantId || account.tenantId;
    return {
      credential: msalCredential(app, account),
      refreshToken: () => stampRefreshToken(app, account, `${req.endpoints.authorityHost.replace(/\/$/, '')}/${tenantId}`, req.cloud, network),
      account: { cloud: req.cloud, username: result.account.username, tenantId: result.tenantId || result.account.tenantId, practice: false },
    };
  };
