import { DeviceCodeCredential, InteractiveBrowserCredential, type TokenCredential } from '@azure/identity';
import type { Logger } from '../log';
import type { SignInProvider } from './types';

// Live Entra ID sign-in for the Electron main process: the system browser with a loopback redirect,
// or a device code shown in the app. Tokens stay in the credential's memory cache (no persistence).

const BROWSER_UNAVAILABLE = /(open|launch|spawn|xdg|browser|ENOENT)/i;

type Authenticating = TokenCredential & { authenticate(scopes: string | string[]): Promise<{ username: string; tenantId: string } | undefined> };

export const liveSignIn = (deps: { log: Logger }): SignInProvider => async (req) => {
  const common = {
    authorityHost: req.endpoints.authorityHost,
    ...(req.tenantId ? { tenantId: req.tenantId } : {}),
  };
  const deviceCode = (): Authenticating =>
    new DeviceCodeCredential({
      ...common,
      userPromptCallback: (info) => req.onDeviceCode({ userCode: info.userCode, verificationUri: info.verificationUri, message: info.message }),
    });
  const attempt = async (credential: Authenticating) => {
    const record = await credential.authenticate(req.endpoints.scope);
    if (!record) throw new Error('Sign-in returned no account.');
    return {
      credential,
      account: { cloud: req.cloud, username: record.username, tenantId: record.tenantId, practice: false },
    };
  };
  if (req.method === 'device-code') return attempt(deviceCode());
  try {
    return await attempt(new InteractiveBrowserCredential({ ...common, redirectUri: 'http://localhost' }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/AADSTS|cancel/i.test(message) || !BROWSER_UNAVAILABLE.test(message)) throw err;
    deps.log.warn('The system browser could not be opened; falling back to a device code', { reason: message });
    return attempt(deviceCode());
  }
};
