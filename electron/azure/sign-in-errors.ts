import { AppError, isAppError } from '../../shared/contract/problems';
import type { ProxyRoute } from '../../shared/domain/types';
import { networkError } from '../proxy';

// Sign-in failures in operator words (pain point C5; contract §5).

const KNOWN: [RegExp, string, string][] = [
  [/AADSTS50055/, 'Your password has expired or must be changed before you can sign in.', 'Sign in once in a browser, change the password, then try again.'],
  [/AADSTS50079|AADSTS50076/, 'Your organisation requires multi-factor authentication for this sign-in.', 'Use browser or device-code sign-in and complete the MFA prompt.'],
  [/unknown_user_type/i, 'This account is not known in the chosen cloud.', 'Pick the cloud your subscription lives in (global Azure, Azure Government or Azure China).'],
  [/AADSTS90002|AADSTS900023/, 'The directory (tenant) was not found.', 'Check the tenant ID or domain, or leave it empty to use your home directory.'],
  [/AADSTS50126/, 'The user name or password is wrong.', 'Enter the account and password again.'],
  [/cancel|AADSTS50058|user_cancelled/i, 'The sign-in was cancelled.', 'Start the sign-in again when ready.'],
  [/AADSTS70016|authorization_pending|expired_token|code_expired/i, 'The device code expired before the sign-in was completed.', 'Start device-code sign-in again and enter the new code within 15 minutes.'],
];

/** MSAL's words for "the login host could not be reached" (discovery or token request), and the socket codes under them. */
const NETWORK =
  /(endpoints_resolution_error|openid_config_error|network_error|network_request_failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|tunneling socket|proxy)/i;

export const signInError = (err: unknown, login: ProxyRoute): AppError => {
  if (isAppError(err)) return err;
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const network = NETWORK.exec(text);
  if (network?.[1] && !/AADSTS/.test(text)) return networkError('The Microsoft Entra sign-in service', login, network[1]);
  const known = KNOWN.find(([re]) => re.test(text));
  return new AppError('azure-sign-in', known?.[1] ?? 'Signing in to Azure failed.', {
    action: known?.[2] ?? 'Check the cloud and tenant, then try again; use device-code sign-in if the browser does not open.',
    detail: text.slice(0, 2000),
    retryable: true,
  });
};
