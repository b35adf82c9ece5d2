// Microsoft.AzureStack resource-provider registration: NotRegistered → Registering → Registered.
import { missingSubscriptionRegistration } from './arm-error';
import { param, type Route } from './router';
import { requireSubscription, requireWritable, type World } from './world';

const NAMESPACE = 'Microsoft.AzureStack';
const API_VERSIONS = ['2022-06-01', '2020-06-01-preview', '2017-06-01'];

const resourceType = (resourceType: string, locations: string[]) => ({
  resourceType,
  locations,
  apiVersions: API_VERSIONS,
  capabilities: 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove',
});

const providerBody = (subscriptionId: string, state: string) => ({
  id: `/subscriptions/${subscriptionId}/providers/${NAMESPACE}`,
  namespace: NAMESPACE,
  registrationPolicy: 'RegistrationRequired',
  registrationState: state,
  resourceTypes: [
    resourceType('registrations', ['Global']),
    resourceType('registrations/products', ['Global']),
    resourceType('registrations/customerSubscriptions', ['Global']),
    resourceType('operations', []),
  ],
});

/** Throws ARM's 409 while the subscription is not registered for Microsoft.AzureStack. */
export const requireProviderRegistered = (world: World, subscriptionId: string): void => {
  if (world.providers.get(subscriptionId.toLowerCase())?.state !== 'Registered') {
    throw missingSubscriptionRegistration(NAMESPACE);
  }
};

export const providerRoutes = (world: World): Route[] => [
  {
    id: 'providers.get',
    method: 'GET',
    pattern: '/subscriptions/:sub/providers/Microsoft.AzureStack',
    api: 'resources',
    handle: (ctx) => {
      const sub = requireSubscription(world, param(ctx, 'sub')).subscriptionId;
      const provider = world.providers.get(sub.toLowerCase()) ?? { state: 'NotRegistered', pollsLeft: 0 };
      // Each poll brings a pending registration one step closer to Registered.
      if (provider.state === 'Registering') {
        if (provider.pollsLeft <= 0) provider.state = 'Registered';
        else provider.pollsLeft -= 1;
      }
      world.providers.set(sub.toLowerCase(), provider);
      return { status: 200, body: providerBody(sub, provider.state) };
    },
  },
  {
    id: 'providers.register',
    method: 'POST',
    pattern: '/subscriptions/:sub/providers/Microsoft.AzureStack/register',
    api: 'resources',
    action: 'Microsoft.AzureStack/register/action',
    handle: (ctx) => {
      const sub = requireWritable(world, param(ctx, 'sub')).subscriptionId;
      const provider = world.providers.get(sub.toLowerCase());
      if (provider?.state !== 'Registered') {
        const polls = world.settings.providerPollsUntilRegistered;
        world.providers.set(sub.toLowerCase(), {
          state: polls > 0 ? 'Registering' : 'Registered',
          pollsLeft: polls - 1,
        });
      }
      return { status: 200, body: providerBody(sub, world.providers.get(sub.toLowerCase())?.state ?? 'Registering') };
    },
  },
];
