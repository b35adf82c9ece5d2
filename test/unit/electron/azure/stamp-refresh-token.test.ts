import { describe, expect, it } from 'vitest';
import { AZURE_POWERSHELL_CLIENT_ID, refreshTokenIn } from '../../../../electron/azure/sign-in';

// The refresh token handed to the stamp is read from MSAL's in-memory cache in its serialized form
// (msal-node has no other public way to it): the account's own entry, never another account's.

const cache = (entries: Record<string, object>) => JSON.stringify({ Account: {}, IdToken: {}, AccessToken: {}, RefreshToken: entries, AppMetadata: {} });

describe('refresh token from the MSAL cache', () => {
  it("finds the account's refresh token, whatever other accounts the cache holds", () => {
    const serialized = cache({
      'other.tenant-login.microsoftonline.com-refreshtoken-04b07795-8ddb-461a-bbee-02f9e1bf7b46--': { home_account_id: 'other.tenant', client_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', secret: 'rt-other', family_id: '1' },
      'uid.utid-login.microsoftonline.com-refreshtoken-1--': { home_account_id: 'uid.utid', client_id: AZURE_POWERSHELL_CLIENT_ID, secret: 'rt-mine', family_id: '1' },
    });
    expect(refreshTokenIn(serialized, 'uid.utid')).toBe('rt-mine');
    expect(refreshTokenIn(serialized, 'nobody.here')).toBeUndefined();
  });

  it('ignores an empty secret and a cache without refresh tokens', () => {
    expect(refreshTokenIn(cache({ k: { home_account_id: 'uid.utid', secret: '' } }), 'uid.utid')).toBeUndefined();
    expect(refreshTokenIn(JSON.stringify({ Account: {} }), 'uid.utid')).toBeUndefined();
  });

  it("names Azure PowerShell's public client, the one the official module's token belongs to", () => {
    expect(AZURE_POWERSHELL_CLIENT_ID).toBe('1950a258-227b-4e31-a9cf-717495945fc2');
  });
});
