// Microsoft.Resources subscriptions, tenants and locations (shape of api-version 2022-12-01).
import { param, type Route } from './router';
import { PRACTICE_DOMAIN, PRACTICE_REGIONS, PRACTICE_TENANT_ID } from './seed';
import type { PracticeSubscription } from './types';
import { requireSubscription, type World } from './world';

const subscriptionBody = (s: PracticeSubscription) => ({
  id: `/subscriptions/${s.subscriptionId}`,
  authorizationSource: 'RoleBased',
  managedByTenants: [],
  subscriptionId: s.subscriptionId,
  tenantId: PRACTICE_TENANT_ID,
  displayName: s.displayName,
  state: s.state,
  subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: s.quotaId, spendingLimit: 'Off' },
});

export const locationNames = (): string[] => PRACTICE_REGIONS.map((r) => r.name);

export const subscriptionRoutes = (world: World): Route[] => [
  {
    id: 'subscriptions.list',
    method: 'GET',
    pattern: '/subscriptions',
    api: 'subscriptions',
    handle: () => {
      const value = [...world.subscriptions.values()].map(subscriptionBody);
      return { status: 200, body: { value, count: { type: 'Total', value: value.length } } };
    },
  },
  {
    id: 'subscriptions.get',
    method: 'GET',
    pattern: '/subscriptions/:sub',
    api: 'subscriptions',
    handle: (ctx) => ({ status: 200, body: subscriptionBody(requireSubscription(world, param(ctx, 'sub'))) }),
  },
  {
    id: 'subscriptions.locations',
    method: 'GET',
    pattern: '/subscriptions/:sub/locations',
    api: 'subscriptions',
    handle: (ctx) => {
      const sub = requireSubscription(world, param(ctx, 'sub')).subscriptionId;
      const value = PRACTICE_REGIONS.map((r) => ({
        id: `/subscriptions/${sub}/locations/${r.name}`,
        name: r.name,
        type: 'Region',
        displayName: r.displayName,
        regionalDisplayName: `(${r.geographyGroup}) ${r.displayName}`,
        metadata: {
          regionType: 'Physical',
          regionCategory: 'Recommended',
          geography: r.geography,
          geographyGroup: r.geographyGroup,
          longitude: r.longitude,
          latitude: r.latitude,
          physicalLocation: r.physicalLocation,
          pairedRegion: [{ name: r.paired, id: `/subscriptions/${sub}/locations/${r.paired}` }],
        },
      }));
      return { status: 200, body: { value } };
    },
  },
  {
    id: 'tenants.list',
    method: 'GET',
    pattern: '/tenants',
    api: 'subscriptions',
    handle: () => ({
      status: 200,
      body: {
        value: [
          {
            id: `/tenants/${PRACTICE_TENANT_ID}`,
            tenantId: PRACTICE_TENANT_ID,
            tenantCategory: 'Home',
            country: 'United States',
            countryCode: 'US',
            displayName: 'Contoso (practice)',
            domains: [PRACTICE_DOMAIN],
            defaultDomain: PRACTICE_DOMAIN,
            tenantType: 'AAD',
          },
        ],
      },
    }),
  },
];
