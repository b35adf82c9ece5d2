// The practice stamp's admin Resource Manager: a loopback HTTPS server answering what the status
// screen and -Reregister read (contract §2.10) from the practice stamp's own state: its metadata
// (Azure AD or AD FS, as the stamp's identity system), its subscriptions and the activation record
// New-AzureStackActivation wrote (Remove-AzureStackActivation removes it).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { Logger } from '../../log';
import { ArmError, authorizationFailed, createRouter, decodePath, generateCertificate, param, type Route } from '../azure';
import type { PracticeStampSettings, PracticeStampState } from '../stamp';

/** Audiences as real stamps publish them: the admin ARM app of the directory, or of AD FS. */
const AAD_AUDIENCE = 'https://adminmanagement.contoso.onmicrosoft.com/6e6c2d5b-7b8b-4f52-9d7f-1f1f8b5c0d2e';
const ADFS_AUDIENCE = 'https://adminmanagement.adfs.azurestack.local/6e6c2d5b-7b8b-4f52-9d7f-1f1f8b5c0d2e';
/** The practice stamp's directory by name (Get-AzureStackStampInformation's AADTenantName). */
export const PRACTICE_STAMP_DIRECTORY = 'contoso.onmicrosoft.com';
export const PRACTICE_STAMP_OPERATOR = 'operator@contoso.onmicrosoft.com';

const ACTIVATION = '/subscriptions/:sub/resourceGroups/azurestack-activation/providers/Microsoft.AzureBridge.Admin/activations/default';

export type PracticeStampArmDeps = {
  stamp: { state(): Promise<PracticeStampState>; readonly settings: PracticeStampSettings };
  clock: { now(): Date };
  log: Logger;
  /** Written into every token issued (the secrets tests search everything for it), as the practice Azure does. */
  tokenMarker?: string;
};

export type PracticeStampArm = {
  /** `https://127.0.0.1:<port>`: where requests for the stamp's admin endpoint go. */
  endpoint: string;
  /** PEM of its self-signed certificate (what a client must trust). */
  ca: string;
  /** `https://adminmanagement.<region>.<external FQDN>`, as the stamp information lists it. */
  adminResourceManager: string;
  /** The practice operator's tokens for a directory (`adfs` on AD FS stamps); another directory's are refused. */
  credential(tenant: string): TokenCredential;
  tenantIdFor(tenant: string): Promise<string>;
  /** Whether the signed-in account is an operator of the stamp (owner of the Default Provider Subscription). */
  setOperator(operator: boolean): void;
  requests(): Record<string, number>;
  stop(): Promise<void>;
};

type Issued = { audience: string; tenant: string; expiresOn: number };

export const startPracticeStampArm = async (deps: PracticeStampArmDeps): Promise<PracticeStampArm> => {
  const s = deps.stamp.settings;
  const zone = `${s.region}.${s.externalDomainFqdn}`;
  const adfs = s.identitySystem === 'ADFS';
  const audience = adfs ? ADFS_AUDIENCE : AAD_AUDIENCE;
  const tokens = new Map<string, Issued>();
  const requests: Record<string, number> = {};
  let operator = true;

  /** The directory a tenant name or id resolves to, as Azure AD resolves an authority. */
  const tenantIdFor = async (tenant: string): Promise<string> => {
    if (adfs) return 'adfs';
    const { aadTenantId } = await deps.stamp.state();
    const t = tenant.trim().toLowerCase();
    return t === aadTenantId.toLowerCase() || t === PRACTICE_STAMP_DIRECTORY ? aadTenantId : t;
  };

  const subscriptions = async () => {
    const { defaultProviderSubscriptionId: dps } = await deps.stamp.state();
    const sub = (subscriptionId: string, displayName: string) => ({ id: `/subscriptions/${subscriptionId}`, subscriptionId, displayName, state: 'Enabled' });
    // A tenant user sees only their own subscriptions, never the operator's.
    return operator ? [sub(dps, 'Default Provider Subscription'), sub(siblingGuid(dps, 1), 'Metering Subscription'), sub(siblingGuid(dps, 2), 'Consumption Subscription')] : [];
  };

  const routes: Route[] = [
    {
      id: 'metadata.get',
      method: 'GET',
      pattern: '/metadata/endpoints',
      api: 'resources',
      handle: () => ({
        status: 200,
        body: {
          galleryEndpoint: `https://adminportal.${zone}:30015/`,
          graphEndpoint: adfs ? `https://graph.${zone}/` : 'https://graph.windows.net/',
          portalEndpoint: `https://adminportal.${zone}/`,
          authentication: { loginEndpoint: adfs ? `https://adfs.${zone}/adfs` : 'https://login.microsoftonline.com/', audiences: [audience] },
        },
      }),
    },
    { id: 'subscriptions.list', method: 'GET', pattern: '/subscriptions', api: 'subscriptions', handle: async () => ({ status: 200, body: { value: await subscriptions() } }) },
    {
      id: 'activation.get',
      method: 'GET',
      pattern: ACTIVATION,
      api: 'resources',
      handle: async (ctx) => {
        const state = await deps.stamp.state();
        if (param(ctx, 'sub').toLowerCase() !== state.defaultProviderSubscriptionId.toLowerCase() || !operator) {
          throw authorizationFailed(PRACTICE_STAMP_OPERATOR, siblingGuid(state.aadTenantId, 3), 'Microsoft.AzureBridge.Admin/activations/read', ctx.path);
        }
        if (!state.activation) {
          throw new ArmError(404, 'ResourceNotFound', "The Resource 'Microsoft.AzureBridge.Admin/activations/default' under resource group 'azurestack-activation' was not found.");
        }
        return { status: 200, body: state.activation.record };
      },
    },
  ];
  const router = createRouter(routes);

  const authenticate = async (header: string | undefined): Promise<void> => {
    const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    const issued = tokens.get(token);
    if (!issued) throw new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    if (issued.expiresOn <= deps.clock.now().getTime()) throw new ArmError(401, 'ExpiredAuthenticationToken', 'The access token has expired.');
    if (issued.audience !== audience) {
      throw new ArmError(401, 'InvalidAuthenticationTokenAudience', `The access token has been obtained for wrong audience or resource '${issued.audience}'. It should exactly match with one of the allowed audiences '${audience}'.`);
    }
    const directory = adfs ? 'adfs' : (await deps.stamp.state()).aadTenantId;
    if (issued.tenant.toLowerCase() !== directory.toLowerCase()) {
      throw new ArmError(401, 'InvalidAuthenticationTokenTenant', `The access token is from the wrong issuer '${issued.tenant}'. It must match the tenant '${directory}' associated with this deployment.`);
    }
  };

  const serve = async (req: IncomingMessage): Promise<{ status: number; body?: unknown }> => {
    const url = new URL(`https://practice.invalid${req.url ?? '/'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const { found } = router.match(method, decodePath(url.pathname));
    requests[found?.route.id ?? 'unmatched'] = (requests[found?.route.id ?? 'unmatched'] ?? 0) + 1;
    if (!found) throw new ArmError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${url.pathname}'.`);
    if (found.route.id !== 'metadata.get') await authenticate(req.headers.authorization);
    if (!url.searchParams.get('api-version')) throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    return found.route.handle({ method, path: url.pathname, params: found.params, query: url.searchParams, apiVersion: url.searchParams.get('api-version') ?? '', body: undefined });
  };

  const certificate = await generateCertificate();
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    void serve(req)
      .catch((err: unknown) => {
        const e = err instanceof ArmError ? err : new ArmError(500, 'InternalServerError', 'Encountered internal server error.');
        return { status: e.status, body: e.toBody() };
      })
      .then((answer) => {
        deps.log.info('Practice admin Resource Manager answered', { method: req.method, path: (req.url ?? '').split('?')[0], status: answer.status });
        res.statusCode = answer.status;
        res.setHeader('x-ms-request-id', randomUUID());
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(answer.body ?? {}));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.log.info('Practice admin Resource Manager listening', { endpoint });

  return {
    endpoint,
    ca: certificate.cert,
    adminResourceManager: `https://adminmanagement.${zone}`,
    tenantIdFor,
    credential: (tenant) => ({
      async getToken(scopes): Promise<AccessToken> {
        const scope = Array.isArray(scopes) ? (scopes[0] ?? '') : scopes;
        const expiresOn = deps.clock.now().getTime() + 3600_000;
        const token = `${deps.tokenMarker ?? ''}${randomBytes(32).toString('base64url')}`;
        tokens.set(token, { audience: scope.replace(/\/\.default$/, ''), tenant: await tenantIdFor(tenant), expiresOn });
        return { token, expiresOnTimestamp: expiresOn, tokenType: 'Bearer' };
      },
    }),
    setOperator: (value) => {
      operator = value;
    },
    requests: () => ({ ...requests }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
};

/** A stable GUID derived from another (the stamp's other built-in subscriptions). */
const siblingGuid = (guid: string, n: number): string => `${guid.slice(0, 34)}${String(n).padStart(2, '0')}`;
