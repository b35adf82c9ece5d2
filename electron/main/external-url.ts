// The cloud table alone (no SDK): the main bundle must not load the Azure SDKs before the window.
import { AZURE_CLOUDS } from '../azure/clouds';

// The allow-list for the system browser: the app opens only the sign-in pages of the clouds it supports.

const SIGN_IN_HOSTS = new Set(Object.values(AZURE_CLOUDS).map((c) => new URL(c.authorityHost).hostname));

/** The URL itself when it is an https page on a supported cloud's sign-in host; throws otherwise. */
export const signInPageUrl = (url: string): string => {
  const u = URL.parse(url);
  if (u?.protocol !== 'https:' || !SIGN_IN_HOSTS.has(u.hostname) || u.username || u.password) {
    throw new Error(`Refusing to open ${u ? `${u.protocol}//${u.host}` : 'a malformed URL'} in the browser: only the Azure sign-in pages are opened.`);
  }
  return u.href;
};
