import { describe, expect, it } from 'vitest';
import { signInPageUrl } from '../../../../electron/main/external-url';

describe('signInPageUrl (what the system browser may open)', () => {
  it('lets through the https sign-in pages of the three clouds', () => {
    for (const host of ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn']) {
      const url = `https://${host}/organizations/oauth2/v2.0/authorize?client_id=x&redirect_uri=http%3A%2F%2Flocalhost%3A5000`;
      expect(signInPageUrl(url)).toBe(url);
    }
  });

  it('refuses anything else without echoing credentials', () => {
    for (const url of ['http://login.microsoftonline.com/x', 'https://evil.example/login.microsoftonline.com', 'file:///etc/passwd', 'https://user:pw@login.microsoftonline.com/', 'not a url']) {
      expect(() => signInPageUrl(url), url).toThrow(/only the Azure sign-in pages are opened/);
    }
    expect(() => signInPageUrl('https://user:pw@login.microsoftonline.com/')).not.toThrow(/pw/);
  });
});
