import { HttpsProxyAgent } from 'https-proxy-agent';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { AppError } from '../../shared/contract/problems';
import type { ProxyRoute } from '../../shared/domain/types';
import type { ResolvedRoute } from './resolve';

// The resolved route applied to every request of one pipeline (sign-in or ARM), and network failures
// told as network failures naming the proxy in use, whatever client sent the request.

const NETWORK = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|EPIPE|ERR_SOCKET_CLOSED)\b/;
/** What a proxy answers to a CONNECT it refuses; Azure's own answers always carry x-ms-request-id. */
const PROXY_REFUSALS = new Set([403, 407, 502, 503, 504]);

/** The route in words: "through the proxy http://proxy.corp:8080 (system settings)" or "directly (no proxy)". */
export const describeRoute = (r: ProxyRoute): string => {
  if (!r.proxy) return r.source === 'practice' ? 'directly (practice Azure, on this computer)' : 'directly (no proxy applies)';
  return `through the proxy ${r.proxy} (${r.source === 'system' ? "this computer's proxy settings" : 'HTTPS_PROXY'})`;
};

/** `host`: the one that failed (sign-in also calls Microsoft's instance discovery besides the cloud's login host). */
export const networkError = (service: string, r: ProxyRoute, reason: string, host = r.host): AppError =>
  new AppError('azure-network', `${service} (${host}) could not be reached ${describeRoute(r)}: ${reason}.`, {
    action: r.proxy
      ? `This is the network, not your account: check that ${r.proxy} is the right proxy and lets this computer reach ${host} (ask your network team), then try again.`
      : `This is the network, not your account: check that this computer can reach ${host} (DNS, firewall; set the proxy in Windows settings or HTTPS_PROXY if one is required), then try again.`,
    retryable: true,
    detail: reason,
  });

const networkCode = (err: unknown): string | undefined => {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (e.name === 'AbortError') return undefined;
  const text = `${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : ''}`;
  return NETWORK.exec(text)?.[1];
};

/** A tunnel that also trusts a private CA for the server behind it (https-proxy-agent drops agent-level `ca`). */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxyUrl: string,
    private readonly ca?: string,
  ) {
    super(proxyUrl);
  }
  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    return super.connect(req, this.ca && opts.secureEndpoint ? { ...opts, ca: this.ca } : opts);
  }
}

/** Sends through the route's proxy (keeping the private CA of practice, which core's proxy policy would drop). */
export const routePolicy = (r: ResolvedRoute, service: string, tlsCa?: string): PipelinePolicy => {
  const agent = r.proxyUrl ? new TunnelAgent(r.proxyUrl, tlsCa) : undefined;
  return {
    name: 'azsRoute',
    async sendRequest(request, next) {
      if (agent && new URL(request.url).protocol === 'https:') request.agent = agent;
      let response;
      try {
        response = await next(request);
      } catch (err) {
        const code = networkCode(err);
        const host = new URL(request.url).hostname;
        if (code) throw networkError(service, r, code === 'ECONNREFUSED' && r.proxy ? `the proxy refused the connection (${code})` : code, host);
        throw err;
      }
      if (agent && PROXY_REFUSALS.has(response.status) && !response.headers.get('x-ms-request-id')) {
        throw networkError(service, r, `the proxy answered HTTP ${response.status} instead of connecting`, new URL(request.url).hostname);
      }
      return response;
    },
  };
};
