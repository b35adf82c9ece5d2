import type { TokenCredential } from '@azure/core-auth';
import { createClientPipeline, ServiceClient } from '@azure/core-client';
import { defaultRetryPolicy, proxyPolicyName, type Pipeline, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { Logger } from '../log';
import { routePolicy, type ResolvedRoute } from '../proxy';
import type { ArmApiVersions } from './api-versions';
import type { CloudEndpoints } from './clouds';
import { armRetryPolicy } from './retry';
import type { RequestStats } from './request-stats';
import type { Sleep } from './types';

// One pipeline for every Azure call of a signed-in session: the cloud's explicit scope, the private
// CA when there is one (practice), the resolved proxy, our retry and the request counter. The SDK clients share it
// as-is (they only add their own auth policy when the given pipeline has none).

export type ArmClients = {
  cloud: CloudEndpoints;
  /** Direct calls: Microsoft.AzureStack and lock URLs are built by hand (contract §2.4). */
  raw: ServiceClient;
  resources(subscriptionId: string): ResourceManagementClient;
  subscriptions: SubscriptionClient;
  authorization(subscriptionId: string): AuthorizationManagementClient;
};

export const createArmPipeline = (deps: {
  credential: TokenCredential;
  cloud: CloudEndpoints;
  /** The proxy (or none) resolved for the ARM host; the SDK's own HTTPS_PROXY reading is removed. */
  route: ResolvedRoute;
  tlsCa?: string;
  sleep: Sleep;
  clock: { now(): Date };
  log: Logger;
  stats: RequestStats;
  api: ArmApiVersions;
}): { pipeline: Pipeline; warmUp(count: number): Promise<void> } => {
  const pipeline = createClientPipeline({
    credentialOptions: { credential: deps.credential, credentialScopes: [deps.cloud.scope] },
    ...(deps.tlsCa ? { tlsOptions: { ca: deps.tlsCa } } : {}),
    userAgentOptions: { userAgentPrefix: 'azs-registrar' },
  });
  pipeline.removePolicy({ name: defaultRetryPolicy().name });
  pipeline.removePolicy({ name: proxyPolicyName });
  // Outside the retries: a network failure is reported once, after them, naming the proxy. Its
  // keep-alive agent carries every call of the session, so connections are reused.
  const route = routePolicy(deps.route, 'Azure Resource Manager', deps.tlsCa);
  pipeline.addPolicy(route);
  pipeline.addPolicy(armRetryPolicy({ ...deps, onRetry: (notice) => deps.stats.retrying(notice) }), { phase: 'Retry' });
  pipeline.addPolicy(deps.stats.policy, { afterPhase: 'Retry' });
  pipeline.addPolicy(pinAuthorizationApi(deps.api.authorization));
  return { pipeline, warmUp: (count) => route.warmUp(deps.cloud.resourceManager, count) };
};

/**
 * @azure/arm-authorization 9 has its api-versions built in, with no option to choose: requests to
 * Microsoft.Authorization (other than locks) are sent with the pinned one instead.
 */
const pinAuthorizationApi = (version: string): PipelinePolicy => ({
  name: 'azsPinAuthorizationApi',
  sendRequest(request, next) {
    const url = new URL(request.url);
    if (/\/providers\/Microsoft\.Authorization\/(permissions|roleDefinitions|roleAssignments)\b/i.test(url.pathname) && url.searchParams.get('api-version') !== version) {
      url.searchParams.set('api-version', version);
      request.url = url.toString();
    }
    return next(request);
  },
});

export const createArmClients = (credential: TokenCredential, cloud: CloudEndpoints, pipeline: Pipeline, api: ArmApiVersions): ArmClients => {
  const endpoint = cloud.resourceManager;
  const common = { pipeline, endpoint, credentials: { scopes: [cloud.scope] } };
  return {
    cloud,
    raw: new ServiceClient({ pipeline, endpoint }),
    resources: (subscriptionId) => new ResourceManagementClient(credential, subscriptionId, { ...common, apiVersion: api.resources }),
    subscriptions: new SubscriptionClient(credential, { ...common, apiVersion: api.subscriptions }),
    // This generation builds URLs from $host, not endpoint.
    authorization: (subscriptionId) =>
      new AuthorizationManagementClient(credential, subscriptionId, { pipeline, endpoint, $host: endpoint, credentialScopes: [cloud.scope] }),
  };
};
