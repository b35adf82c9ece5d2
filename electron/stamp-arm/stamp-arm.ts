import type { TokenCredential } from '@azure/core-auth';
import { createClientPipeline, ServiceClient } from '@azure/core-client';
import { createHttpHeaders, createPipelineRequest, defaultRetryPolicy, proxyPolicyName } from '@azure/core-rest-pipeline';
import { AppError } from '../../shared/contract/problems';
import type { DeviceCodePrompt } from '../../shared/contract/events';
import type { StampActivation, StampArmAccount, StampSide } from '../../shared/domain/registration-status';
import { parseResourceId } from '../../shared/domain/ids';
import { SIGN_IN_LIMIT_MS, type SignInProvider } from '../azure';
import { signInError } from '../azure/sign-in-errors';
import type { Logger } from '../log';
import type { Timers } from '../operations';
import { describeRoute, routePolicy, type ProxyResolver, type ResolvedRoute } from '../proxy';
import { stampArmAnswerError, stampArmFailure } from './errors';
import { METADATA_PATH, parseMetadata, type StampArmMetadata } from './metadata';

// The stamp's admin Resource Manager (contract §2.10): its metadata says where operators sign in
// (Azure AD or AD FS) and for which audience; signed in, the Default Provider Subscription holds the
// activation record `azurestack-activation/.../Microsoft.AzureBridge.Admin/activations/default`.
// Tokens live in the sign-in's memory only and go with sign-out.

const SUBSCRIPTIONS_API = '2016-06-01';
const BRIDGE_API = '2016-01-01';
const DEFAULT_PROVIDER_SUBSCRIPTION = 'Default Provider Subscription';

export type StampArmDeps = {
  signIn: SignInProvider;
  routes: ProxyResolver;
  /** The address requests for an endpoint go to: the endpoint itself live; practice, its loopback server. */
  dial(endpoint: string): Promise<string>;
  /** PEM of what the stamp's TLS may chain to (live: bundled and system roots; practice: its CA, or none to rehearse an untrusted one). */
  tlsCa?: string;
  practice: boolean;
  timers: Timers;
  log: Logger;
  onDeviceCode?(prompt: DeviceCodePrompt): void;
};

export type StampArmSignIn = { endpoint: string; tenant?: string; method: 'browser' | 'device-code' };

export type StampArmService = {
  signIn(req: StampArmSignIn): Promise<StampArmAccount>;
  cancelSignIn(): boolean;
  signOut(): void;
  account(): StampArmAccount | undefined;
  /** The activation record afresh (absent: not registered). */
  read(signal?: AbortSignal): Promise<StampSide>;
};

type Answer = { status: number; body: unknown; requestId?: string; text?: string };
type Session = { account: StampArmAccount; get(path: string, step: string, signal?: AbortSignal): Promise<Answer> };

const normalise = (endpoint: string): string => {
  const url = new URL(endpoint);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const toActivation = (body: unknown): StampActivation | undefined => {
  const p = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
  const id = str(p?.['azureRegistrationResourceIdentifier']);
  if (!p || !id) return undefined;
  const parsed = parseResourceId(id);
  const expiration = str(p['expiration']);
  const state = str(p['provisioningState']);
  return {
    registrationResourceId: id,
    ...(parsed ? { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, registrationName: parsed.name } : {}),
    ...(expiration ? { expiration } : {}),
    usageReportingEnabled: p['usageReportingEnabled'] === true,
    marketplaceSyndicationEnabled: p['marketplaceSyndicationEnabled'] === true,
    ...(state ? { provisioningState: state } : {}),
  };
};

export const createStampArm = (deps: StampArmDeps): StampArmService => {
  let session: Session | undefined;
  let signingIn: AbortController | undefined;

  /** One client per sign-in: the route, the trusted CA and (once signed in) the token for the audience. */
  const clientFor = (base: string, route: ResolvedRoute, auth?: { credential: TokenCredential; scope: string }) => {
    const pipeline = createClientPipeline({
      ...(auth ? { credentialOptions: { credential: auth.credential, credentialScopes: [auth.scope] } } : {}),
      userAgentOptions: { userAgentPrefix: 'azs-registrar' },
    });
    // Reads the operator repeats at will: no silent retries of an unreachable endpoint.
    pipeline.removePolicy({ name: defaultRetryPolicy().name });
    pipeline.removePolicy({ name: proxyPolicyName });
    pipeline.addPolicy(routePolicy(route, "The stamp's admin Resource Manager", deps.tlsCa));
    const client = new ServiceClient({ pipeline, endpoint: base });
    const host = new URL(base).host;
    return async (path: string, step: string, shownHost: string, signal?: AbortSignal): Promise<Answer> => {
      const request = createPipelineRequest({ url: `${base}${path}`, method: 'GET', headers: createHttpHeaders({ accept: 'application/json' }), ...(signal ? { abortSignal: signal } : {}) });
      let response;
      try {
        response = await client.sendRequest(request);
      } catch (err) {
        throw stampArmFailure(err, shownHost || host, step, signal);
      }
      const text = response.bodyAsText ?? undefined;
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const requestId = response.headers.get('x-ms-request-id');
      return { status: response.status, body, ...(requestId ? { requestId } : {}), ...(text ? { text } : {}) };
    };
  };

  const readMetadata = async (get: ReturnType<typeof clientFor>, host: string, signal: AbortSignal): Promise<StampArmMetadata> => {
    const step = 'reading its metadata endpoints';
    const answer = await get(METADATA_PATH, step, host, signal);
    if (answer.status !== 200) throw stampArmAnswerError(answer, host, step);
    return parseMetadata(answer.body, host);
  };

  const findDefaultProviderSubscription = async (get: Session['get'], host: string): Promise<string> => {
    const step = 'listing subscriptions';
    const answer = await get(`/subscriptions?api-version=${SUBSCRIPTIONS_API}`, step);
    if (answer.status !== 200) throw stampArmAnswerError(answer, host, step);
    const value = (answer.body as { value?: { subscriptionId?: unknown; displayName?: unknown }[] } | undefined)?.value ?? [];
    const dps = value.find((s) => typeof s.displayName === 'string' && s.displayName.toLowerCase() === DEFAULT_PROVIDER_SUBSCRIPTION.toLowerCase());
    const id = str(dps?.subscriptionId);
    if (!id) {
      throw new AppError('stamp-arm-forbidden', `This account does not see the stamp's ${DEFAULT_PROVIDER_SUBSCRIPTION} on ${host}: it is not an operator of this stamp.`, {
        action: `Sign in with an Azure Stack Hub operator account (an owner of the ${DEFAULT_PROVIDER_SUBSCRIPTION}).`,
      });
    }
    return id;
  };

  const cancelled = () => new AppError('cancelled', 'The sign-in was cancelled.', { action: 'Sign in again when ready.', retryable: true });

  return {
    async signIn(req) {
      session = undefined;
      signingIn?.abort(cancelled());
      const controller = new AbortController();
      signingIn = controller;
      const limit = deps.timers.setTimeout(
        () =>
          controller.abort(
            new AppError('timeout', `The sign-in was not completed within ${SIGN_IN_LIMIT_MS[req.method] / 60_000} minutes, so it was stopped.`, {
              action: 'Sign in again and finish in the browser window that opens, or sign in with a code.',
              retryable: true,
            }),
          ),
        SIGN_IN_LIMIT_MS[req.method],
      );
      try {
        const endpoint = normalise(req.endpoint);
        const host = new URL(endpoint).host;
        const base = await deps.dial(endpoint);
        const route = await deps.routes(endpoint);
        const metadata = await readMetadata(clientFor(base, route), host, controller.signal);
        const tenant = metadata.identitySystem === 'ADFS' ? 'adfs' : req.tenant?.trim();
        if (!tenant) {
          throw new AppError('bad-request', "This stamp signs its operators in with Azure AD: give the stamp's directory.", {
            action: "Enter the stamp's directory tenant (AADTenantID in the stamp information, e.g. contoso.onmicrosoft.com or its GUID).",
          });
        }
        const scope = `${metadata.audience}/.default`;
        const login = await deps.routes(metadata.loginEndpoint);
        let signedIn;
        try {
          signedIn = await deps.signIn({
            cloud: 'AzureCloud',
            endpoints: { name: 'AzureCloud', authorityHost: metadata.authorityHost, resourceManager: base, scope, defaultLocation: '' },
            tenantId: tenant,
            method: req.method,
            onDeviceCode: (p) => deps.onDeviceCode?.(p),
            signal: controller.signal,
            route: login,
            ...(deps.tlsCa ? { tlsCa: deps.tlsCa } : {}),
            ...(metadata.identitySystem === 'ADFS' ? { knownAuthorities: [new URL(metadata.authorityHost).host] } : {}),
          });
        } catch (err) {
          throw signInError(controller.signal.aborted ? controller.signal.reason : err, login);
        }
        const call = clientFor(base, route, { credential: signedIn.credential, scope });
        const get: Session['get'] = (path, step, signal) => call(path, step, host, signal);
        const dps = await findDefaultProviderSubscription(get, host);
        const account: StampArmAccount = {
          adminResourceManager: endpoint,
          identitySystem: metadata.identitySystem,
          loginEndpoint: metadata.loginEndpoint,
          username: signedIn.account.username,
          tenantId: signedIn.account.tenantId || tenant,
          defaultProviderSubscriptionId: dps,
          practice: deps.practice,
        };
        session = { account, get };
        deps.log.info("Signed in to the stamp's admin Resource Manager", { endpoint, identitySystem: metadata.identitySystem, route: describeRoute(route) });
        return account;
      } catch (err) {
        throw controller.signal.aborted && !(err instanceof AppError) ? controller.signal.reason : err;
      } finally {
        deps.timers.clearTimeout(limit);
        if (signingIn === controller) signingIn = undefined;
      }
    },
    cancelSignIn() {
      if (!signingIn) return false;
      signingIn.abort(cancelled());
      return true;
    },
    signOut() {
      session = undefined;
    },
    account: () => session?.account,
    async read(signal) {
      const s = session;
      if (!s) {
        throw new AppError('stamp-arm-not-signed-in', "You are not signed in to the stamp's admin Resource Manager.", { action: "Sign in to the stamp's admin Resource Manager first." });
      }
      const { account } = s;
      const step = 'reading the activation record';
      const host = new URL(account.adminResourceManager).host;
      const path = `/subscriptions/${encodeURIComponent(account.defaultProviderSubscriptionId)}/resourceGroups/azurestack-activation/providers/Microsoft.AzureBridge.Admin/activations/default?api-version=${BRIDGE_API}`;
      const answer = await s.get(path, step, signal);
      const side: StampSide = { adminResourceManager: account.adminResourceManager, identitySystem: account.identitySystem, defaultProviderSubscriptionId: account.defaultProviderSubscriptionId };
      // No record (or not even its resource group): the stamp is not registered.
      if (answer.status === 404) return side;
      if (answer.status !== 200) throw stampArmAnswerError(answer, host, step);
      const activation = toActivation(answer.body);
      if (!activation) throw new AppError('stamp-arm-failed', `The activation record on ${host} has no registration resource id.`, { action: 'Check Region management > Properties in the administrator portal.', detail: (answer.text ?? '').slice(0, 2000) });
      return { ...side, activation };
    },
  };
};
