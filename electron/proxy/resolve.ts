import type { ProxyRoute } from '../../shared/domain/types';
import type { Logger } from '../log';

// Which proxy, if any, a request to an Azure host goes through. Node's HTTPS ignores the operating system's
// settings, so the answer comes from Electron's session (the same resolver Chromium uses: Windows/macOS
// settings, PAC scripts, WPAD); when that says DIRECT, HTTPS_PROXY/NO_PROXY apply, as command-line tools do.

/** Electron's `session.resolveProxy(url)`: a PAC-style answer such as "PROXY proxy.corp:8080; DIRECT". */
export type SystemProxy = (url: string) => Promise<string>;

/** The proxy variables of the environment, read once by the composition root. */
export type ProxyEnv = { httpsProxy?: string; noProxy?: string };

/** A route plus the proxy URL to dial (may carry credentials from HTTPS_PROXY: never shown or logged). */
export type ResolvedRoute = ProxyRoute & { proxyUrl?: string };

export type ProxyResolver = (url: string) => Promise<ResolvedRoute>;

/** The proxy without user name or password, for the screen and the log. */
export const displayProxy = (proxyUrl: string): string => {
  const u = new URL(proxyUrl);
  return `${u.protocol}//${u.host}`;
};

/** The first usable entry of a PAC answer: a URL, 'direct', or undefined when nothing usable is listed. */
export const parsePacAnswer = (answer: string): string | 'direct' | undefined => {
  for (const entry of answer.split(';').map((e) => e.trim()).filter(Boolean)) {
    const [kind = '', hostPort] = entry.split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return 'direct';
    // SOCKS is not something the HTTPS client can tunnel through: skip it for the next entry.
    if ((type === 'PROXY' || type === 'HTTPS') && hostPort) return `${type === 'HTTPS' ? 'https' : 'http'}://${hostPort}`;
  }
  return undefined;
};

/** Whether NO_PROXY (comma or space separated; `*`, `.corp.com`, `*.corp.com`, `corp.com`, `host:port`) excludes this host. */
export const bypassed = (host: string, noProxy: string | undefined): boolean => {
  const h = host.toLowerCase();
  return (noProxy ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((e) => e.toLowerCase().replace(/:\d+$/, ''))
    .some((e) => {
      if (e === '*') return true;
      const name = e.replace(/^\*?\.?/, '');
      return h === name || h.endsWith(`.${name}`);
    });
};

const route = (host: string, source: ProxyRoute['source'], proxyUrl?: string): ResolvedRoute =>
  proxyUrl ? { host, source, proxy: displayProxy(proxyUrl), proxyUrl } : { host, source };

export const createProxyResolver =
  (deps: { system?: SystemProxy; env: ProxyEnv; log: Logger }): ProxyResolver =>
  async (url) => {
    const host = new URL(url).hostname;
    if (deps.system) {
      try {
        const pac = parsePacAnswer(await deps.system(url));
        if (pac && pac !== 'direct') return route(host, 'system', pac);
      } catch (err) {
        deps.log.warn('The system proxy settings could not be read; using HTTPS_PROXY if set', { host, error: err instanceof Error ? err.message : String(err) });
      }
    }
    const env = deps.env.httpsProxy?.trim();
    if (env && !bypassed(host, deps.env.noProxy)) {
      try {
        return route(host, 'environment', new URL(env.includes('://') ? env : `http://${env}`).href);
      } catch {
        deps.log.warn('HTTPS_PROXY is not a URL; connecting directly', { host });
      }
    }
    return route(host, 'direct');
  };

/** The practice Azure lives on loopback: never through a proxy. */
export const practiceRoutes: ProxyResolver = async (url) => ({ host: new URL(url).hostname, source: 'practice' });
