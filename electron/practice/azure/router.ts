import { ArmError } from './arm-error';

export type ArmResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type RouteContext = {
  method: string;
  /** Request path, `//` collapsed, segments decoded. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  apiVersion: string;
  body: unknown;
};

/** API versions each family of routes accepts, and how ARM words a refusal. */
export type ApiFamily = 'subscriptions' | 'resources' | 'locks' | 'authorization' | 'azurestack';

export type Route = {
  /** Stats key, e.g. `registrations.put`. */
  id: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD' | 'PATCH';
  /** Literal segments match case-insensitively; `:name` captures one segment, `*name` one or more. */
  pattern: string;
  api: ApiFamily;
  /** RBAC action the practice identity needs. */
  action?: string;
  /** Resource provider the subscription must be registered for. */
  provider?: 'Microsoft.AzureStack';
  handle(ctx: RouteContext): ArmResponse | Promise<ArmResponse>;
};

type RouteMatch = { route: Route; params: Record<string, string> };

const matchSegments = (
  pattern: string[],
  segments: string[],
  p: number,
  s: number,
  params: Record<string, string>,
): boolean => {
  if (p === pattern.length) return s === segments.length;
  const part = pattern[p] ?? '';
  if (part.startsWith('*')) {
    // Greedy from the longest capture down, so `{scope}/providers/…` binds the last `providers`.
    for (let end = segments.length; end > s; end--) {
      // An encoded `/` inside a segment never widens a scope (ARM does not unescape it either).
      if (segments.slice(s, end).some((x) => x.includes('/'))) continue;
      if (matchSegments(pattern, segments, p + 1, end, params)) {
        params[part.slice(1)] = '/' + segments.slice(s, end).join('/');
        return true;
      }
    }
    return false;
  }
  const segment = segments[s];
  if (segment === undefined) return false;
  if (part.startsWith(':')) {
    if (!matchSegments(pattern, segments, p + 1, s + 1, params)) return false;
    params[part.slice(1)] = segment;
    return true;
  }
  return part.toLowerCase() === segment.toLowerCase() && matchSegments(pattern, segments, p + 1, s + 1, params);
};

const split = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

/** Splits and decodes a raw request path; an encoded `/` stays inside its segment (and matches nothing). */
export const decodePath = (rawPath: string): string[] =>
  split(rawPath).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new ArmError(400, 'InvalidRequestUri', `The request URI '${rawPath}' is not valid.`);
    }
  });

export const createRouter = (routes: Route[]) => {
  const compiled = routes.map((route) => ({ route, parts: split(route.pattern) }));
  return {
    /** The route for this method and path; `pathMatched` when only the method differs. */
    match(method: string, segments: string[]): { found?: RouteMatch; pathMatched: boolean } {
      let pathMatched = false;
      for (const { route, parts } of compiled) {
        const params: Record<string, string> = {};
        if (!matchSegments(parts, segments, 0, 0, params)) continue;
        if (route.method === method) return { found: { route, params }, pathMatched: true };
        pathMatched = true;
      }
      return { pathMatched };
    },
  };
};

/** A captured path parameter; routes only ask for names their pattern declares. */
export const param = (ctx: Pick<RouteContext, 'params'>, name: string): string => {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
};
