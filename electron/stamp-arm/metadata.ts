import { AppError } from '../../shared/contract/problems';

// `{adminArm}/metadata/endpoints?api-version=2015-01-01`: where the stamp's operators sign in and for
// which audience (contract §2.1 CustomCloud, §2.10). AD FS stamps name an authority ending in /adfs.

export type StampArmMetadata = {
  identitySystem: 'AzureAD' | 'ADFS';
  /** `authentication.loginEndpoint` as given. */
  loginEndpoint: string;
  /** The authority host MSAL is given (AD FS: the host; the tenant segment is `adfs`). */
  authorityHost: string;
  /** `authentication.audiences[0]`: the token's audience; the scope is it + `/.default`. */
  audience: string;
};

export const METADATA_PATH = '/metadata/endpoints?api-version=2015-01-01';

const https = (value: unknown): URL | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

/** The metadata document, or a problem saying the endpoint is not an admin Resource Manager. */
export const parseMetadata = (body: unknown, host: string): StampArmMetadata => {
  const auth = (body as { authentication?: { loginEndpoint?: unknown; audiences?: unknown } } | undefined)?.authentication;
  const login = https(auth?.loginEndpoint);
  const audience = Array.isArray(auth?.audiences) ? auth.audiences.find((a): a is string => typeof a === 'string' && a !== '') : undefined;
  if (!login || !audience) {
    throw new AppError('stamp-arm-not-admin-arm', `${host} did not answer like an Azure Stack Hub admin Resource Manager: its metadata has no sign-in endpoint or audience.`, {
      action: 'Give the admin Resource Manager endpoint of the stamp (https://adminmanagement.<region>.<external FQDN>), not the portal or the user Resource Manager.',
    });
  }
  const adfs = /\/adfs\/?$/i.test(login.pathname);
  return {
    identitySystem: adfs ? 'ADFS' : 'AzureAD',
    loginEndpoint: auth?.loginEndpoint as string,
    authorityHost: adfs ? login.origin : `${login.origin}${login.pathname}`.replace(/\/+$/, ''),
    audience: audience.replace(/\/+$/, ''),
  };
};
