// Faults on demand: the next matching request(s) fail the way Azure fails.
import { ArmError, authorizationFailed, missingSubscriptionRegistration, requestDisallowedByPolicy, throttled, wrongTenant } from './arm-error';

export type FaultKind = 'throttle' | 'status' | 'reset' | 'slow' | 'expired-token' | 'forbidden' | 'missing-registration' | 'policy-denied' | 'wrong-tenant';

export type FaultSpec = {
  method?: string;
  /** RegExp tested on the request path, or a case-insensitive substring of it. */
  pathPattern: RegExp | string;
  /** How many matching requests it hits; 1 when omitted. */
  times?: number;
  kind: FaultKind;
  /** throttle: `Retry-After` seconds (default 1). */
  retryAfterSeconds?: number;
  /** status: 500 (default) or 503. */
  status?: 500 | 503;
  /** slow: delay before the request is served normally (default 1000 ms). */
  delayMs?: number;
  /** forbidden: the action named in the message; defaults to the route's own action. */
  action?: string;
  /** policy-denied: the policy assignment's name (default "Require a tag on resource groups"). */
  policy?: string;
  /** wrong-tenant: the directory the subscription now belongs to (its directory was changed). */
  tenant?: string;
};

export type FaultHandle = { hits(): number; remaining(): number };

/** What the server must do for a request a fault hit. */
type FaultEffect = { kind: 'reset' } | { kind: 'delay'; ms: number } | { kind: 'fail'; error: ArmError };

type Entry = { spec: FaultSpec; left: number; hits: number };

const statusError = (status: 500 | 503): ArmError =>
  status === 503
    ? new ArmError(503, 'ServiceUnavailable', 'The service is currently unavailable. Please try again later.', {
        headers: { 'retry-after': '1' },
      })
    : new ArmError(500, 'InternalServerError', 'Encountered internal server error. Diagnostic information: practice fault.');

type FaultContext = {
  method: string;
  path: string;
  action?: string;
  identity: { username: string; objectId: string };
  /** The directory of the practice identity's tokens. */
  tenantId: string;
  expiredToken(): ArmError;
};

export const createFaults = () => {
  let entries: Entry[] = [];

  const matches = (spec: FaultSpec, method: string, path: string): boolean =>
    (spec.method === undefined || spec.method.toUpperCase() === method) &&
    (typeof spec.pathPattern === 'string'
      ? path.toLowerCase().includes(spec.pathPattern.toLowerCase())
      : spec.pathPattern.test(path));

  const effectOf = (spec: FaultSpec, ctx: FaultContext): FaultEffect => {
    switch (spec.kind) {
      case 'reset':
        return { kind: 'reset' };
      case 'slow':
        return { kind: 'delay', ms: spec.delayMs ?? 1000 };
      case 'throttle':
        return { kind: 'fail', error: throttled(spec.retryAfterSeconds ?? 1) };
      case 'status':
        return { kind: 'fail', error: statusError(spec.status ?? 500) };
      case 'expired-token':
        return { kind: 'fail', error: ctx.expiredToken() };
      case 'forbidden': {
        const action = spec.action ?? ctx.action ?? 'Microsoft.Resources/subscriptions/read';
        return { kind: 'fail', error: authorizationFailed(ctx.identity.username, ctx.identity.objectId, action, ctx.path) };
      }
      case 'missing-registration':
        return { kind: 'fail', error: missingSubscriptionRegistration() };
      case 'wrong-tenant':
        return { kind: 'fail', error: wrongTenant(ctx.tenantId, spec.tenant ?? '00000000-0000-0000-0000-000000000000') };
      case 'policy-denied': {
        const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(ctx.path)?.[1] ?? '';
        return { kind: 'fail', error: requestDisallowedByPolicy(ctx.path, { name: spec.policy ?? 'Require a tag on resource groups', subscriptionId }) };
      }
    }
  };

  return {
    add(spec: FaultSpec): FaultHandle {
      const entry: Entry = { spec, left: spec.times ?? 1, hits: 0 };
      entries.push(entry);
      return { hits: () => entry.hits, remaining: () => entry.left };
    },
    clear(): void {
      entries = [];
    },
    /** Consumes the first live fault matching this request, if any. */
    take(ctx: FaultContext): FaultEffect | undefined {
      const entry = entries.find((e) => e.left > 0 && matches(e.spec, ctx.method, ctx.path));
      if (!entry) return undefined;
      entry.left -= 1;
      entry.hits += 1;
      return effectOf(entry.spec, ctx);
    },
  };
};
