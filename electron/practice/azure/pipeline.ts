// One request through the practice ARM: faults, authentication, api-version, RBAC, RP registration,
// then the route. Every answer carries x-ms-request-id; every error uses ARM's envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { checkApiVersion } from './api-versions';
import { ArmError, authorizationFailed, invalidRequestContent } from './arm-error';
import type { createAuth } from './auth';
import type { createFaults } from './faults';
import { grantsAt } from './authorization';
import { allows } from './permissions';
import { requireProviderRegistered } from './providers';
import { decodePath, type ArmResponse, type createRouter, type Route } from './router';
import type { PracticeAzureStats, Sleep } from './types';
import { requireSubscription, type World } from './world';
import type { Logger } from '../../log';

const MAX_BODY = 1024 * 1024;
const NAMESPACES = ['microsoft.azurestack', 'microsoft.authorization', 'microsoft.resources'];

type PipelineDeps = {
  world: World;
  router: ReturnType<typeof createRouter>;
  auth: ReturnType<typeof createAuth>;
  faults: ReturnType<typeof createFaults>;
  identity: { username: string; objectId: string };
  tenantId: string;
  stats: PracticeAzureStats;
  sleep: Sleep;
  log: Logger;
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY
        ? reject(new ArmError(413, 'RequestEntityTooLarge', 'The request content size exceeds the limit.'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidRequestContent(err instanceof Error ? err.message : 'invalid JSON');
  }
};

/** The RP type a route serves, for "no registered provider" messages. */
const resourceTypeOf = (route: Route): string => {
  const parts = route.pattern.split('/');
  const i = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  return parts[i + 2]?.replace(/^:.*/, '') || 'registrations';
};

const unmatched = (method: string, segments: string[], pathMatched: boolean, apiVersion: string): ArmError => {
  if (pathMatched) {
    return new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
  }
  const i = segments.map((s) => s.toLowerCase()).lastIndexOf('providers');
  const ns = i >= 0 ? segments[i + 1] : undefined;
  const type = i >= 0 ? segments[i + 2] : undefined;
  if (ns !== undefined && !NAMESPACES.includes(ns.toLowerCase())) {
    return new ArmError(400, 'InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`);
  }
  if (ns !== undefined && type !== undefined) {
    return new ArmError(
      404,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${ns}' for api version '${apiVersion}'.`,
    );
  }
  return new ArmError(404, 'ResourceNotFound', `The requested resource '/${segments.join('/')}' was not found.`);
};

export const createPipeline = (deps: PipelineDeps) => {
  const { world, router, auth, faults, identity, stats } = deps;

  const serve = async (req: IncomingMessage, method: string): Promise<ArmResponse | 'reset'> => {
    // Concatenated, not resolved: a path starting with `//` must not become a host.
    const url = new URL(`https://practice.invalid${req.url ?? '/'}`);
    const text = await readBody(req);
    const segments = decodePath(url.pathname);
    const path = '/' + segments.join('/');
    const { found, pathMatched } = router.match(method, segments);
    const routeId = found?.route.id ?? 'unmatched';
    stats.requests += 1;
    stats.byRoute[routeId] = (stats.byRoute[routeId] ?? 0) + 1;

    const effect = faults.take({ method, path, action: found?.route.action, identity, tenantId: deps.tenantId, expiredToken: auth.expiredTokenError });
    if (effect?.kind === 'reset') return 'reset';
    if (effect?.kind === 'delay') await deps.sleep(effect.ms);
    if (effect?.kind === 'fail') throw effect.error;

    const cloud = auth.authenticate(req.headers.authorization);
    const presentVersion = checkApiVersion(undefined, url.searchParams, '', cloud);
    if (!found) throw unmatched(method, segments, pathMatched, presentVersion);
    const { route, params } = found;
    const apiVersion = checkApiVersion(route.api, url.searchParams, resourceTypeOf(route), cloud);
    const body = parseJson(text);
    if (route.action && !grantsAt(world, path).some((g) => allows(g, route.action ?? ''))) {
      throw authorizationFailed(identity.username, identity.objectId, route.action, path);
    }
    if (route.provider && params.sub !== undefined) {
      requireSubscription(world, params.sub);
      requireProviderRegistered(world, params.sub);
    }
    return route.handle({ method, path, params, query: url.searchParams, apiVersion, body });
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    let answer: ArmResponse;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.once('close', () => {
      stats.inFlight -= 1;
    });
    try {
      const served = await serve(req, method);
      if (served === 'reset') {
        deps.log.info('Practice Azure dropped a connection (injected fault)', { method, requestId });
        req.socket.destroy();
        return;
      }
      answer = served;
    } catch (err) {
      if (!(err instanceof ArmError)) deps.log.error('Practice Azure request failed', { method, requestId, error: String(err) });
      const error = err instanceof ArmError ? err : new ArmError(500, 'InternalServerError', 'Encountered internal server error.');
      answer = { status: error.status, body: error.toBody(), headers: error.headers };
    }
    const [path, query] = (req.url ?? '').split('?');
    // The api-version is logged too: rehearsals show which version the app used (Settings).
    deps.log.info('Practice Azure answered', { method, path, apiVersion: new URLSearchParams(query).get('api-version'), status: answer.status, requestId });
    const correlation = req.headers['x-ms-client-request-id'];
    res.statusCode = answer.status;
    res.setHeader('x-ms-request-id', requestId);
    res.setHeader('x-ms-correlation-request-id', typeof correlation === 'string' ? correlation : requestId);
    res.setHeader('cache-control', 'no-cache');
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    if (answer.body === undefined || method === 'HEAD') {
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(answer.body));
  };
};
