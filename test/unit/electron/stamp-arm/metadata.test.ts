import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { parseMetadata } from '../../../../electron/stamp-arm/metadata';

// `{adminArm}/metadata/endpoints` as Azure AD and AD FS stamps publish it, and an endpoint that is not an admin ARM.

const HOST = 'adminmanagement.local.azurestack.external';

describe('admin Resource Manager metadata', () => {
  it('Azure AD: the login endpoint is the authority host, the first audience the token audience', () => {
    const m = parseMetadata(
      { authentication: { loginEndpoint: 'https://login.microsoftonline.us/', audiences: ['https://adminmanagement.contoso.onmicrosoft.com/4de154de-f8a8-4017-af41-df619da68155/'] } },
      HOST,
    );
    expect(m).toEqual({
      identitySystem: 'AzureAD',
      loginEndpoint: 'https://login.microsoftonline.us/',
      authorityHost: 'https://login.microsoftonline.us',
      audience: 'https://adminmanagement.contoso.onmicrosoft.com/4de154de-f8a8-4017-af41-df619da68155',
    });
  });

  it('AD FS: an authority ending in /adfs (with or without a slash) is AD FS, signed in at its host', () => {
    for (const login of ['https://adfs.local.azurestack.external/adfs', 'https://adfs.local.azurestack.external/adfs/']) {
      const m = parseMetadata({ authentication: { loginEndpoint: login, audiences: ['https://adminmanagement.adfs.azurestack.local/x'] } }, HOST);
      expect(m.identitySystem).toBe('ADFS');
      expect(m.authorityHost).toBe('https://adfs.local.azurestack.external');
    }
  });

  it('refuses a document without an https login endpoint or an audience: not an admin Resource Manager', () => {
    for (const body of [undefined, {}, { authentication: { loginEndpoint: 'http://login.example/', audiences: ['a'] } }, { authentication: { loginEndpoint: 'https://login.example/', audiences: [] } }]) {
      let caught: unknown;
      try {
        parseMetadata(body, HOST);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).problem.code).toBe('stamp-arm-not-admin-arm');
    }
  });
});
