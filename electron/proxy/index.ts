// How the app reaches Azure: the proxy for each host (system settings or HTTPS_PROXY) and network failures naming it.
export { describeRoute, networkError, routePolicy } from './policy';
export { createProxyResolver, practiceRoutes } from './resolve';
export type { ProxyEnv, ProxyResolver, ResolvedRoute, SystemProxy } from './resolve';
