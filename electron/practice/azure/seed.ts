// The practice tenant: subscriptions of several offer types and the regions they offer.
import type { PracticeSubscription } from './types';

export const PRACTICE_TENANT_ID = '7c1e4b2a-9d3f-4a6e-8b5c-2f0d1e3a4b5c';
export const PRACTICE_OBJECT_ID = '3f9a1c2e-5b7d-4e8f-a0c1-d2e3f4a5b6c7';
export const PRACTICE_USERNAME = 'operator@practice.contoso.com';
export const PRACTICE_DOMAIN = 'practice.contoso.com';

// The EA one uses the subscription of the spec examples, so the examples replay as published.
export const PRACTICE_SUBSCRIPTIONS: PracticeSubscription[] = [
  {
    subscriptionId: 'dd8597b4-8739-4467-8b10-f8679f62bfbf',
    displayName: 'Contoso EA (practice)',
    state: 'Enabled',
    quotaId: 'EnterpriseAgreement_2014-09-01',
  },
  {
    subscriptionId: '5a3c9e71-2b84-4f06-9d1e-7c2b8a4f6e03',
    displayName: 'Contoso CSP (practice)',
    state: 'Enabled',
    quotaId: 'CSP_2015-05-01',
  },
  {
    subscriptionId: '8e2d4f60-1a93-4c7b-b5e8-3d6f9a0c2b14',
    displayName: 'Contoso CSP shared services (practice)',
    state: 'Enabled',
    quotaId: 'CSP_2015-05-01',
  },
  {
    subscriptionId: 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28',
    displayName: 'Contoso Pay-As-You-Go (practice)',
    state: 'Enabled',
    quotaId: 'PayAsYouGo_2013-08-01',
  },
  {
    subscriptionId: 'f1e6c3b8-4d72-4a59-8c0e-6a2d7b9f1e35',
    displayName: 'Contoso EA, cancelled (practice)',
    state: 'Disabled',
    quotaId: 'EnterpriseAgreement_2014-09-01',
  },
];

type Region = {
  name: string;
  displayName: string;
  geography: string;
  geographyGroup: string;
  physicalLocation: string;
  longitude: string;
  latitude: string;
  paired: string;
};

export const PRACTICE_REGIONS: Region[] = [
  { name: 'westcentralus', displayName: 'West Central US', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'Wyoming', longitude: '-110.234', latitude: '40.89', paired: 'westus2' },
  { name: 'westus2', displayName: 'West US 2', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'Washington', longitude: '-119.852', latitude: '47.233', paired: 'westcentralus' },
  { name: 'eastus', displayName: 'East US', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'Virginia', longitude: '-79.8164', latitude: '37.3719', paired: 'westus' },
  { name: 'westus', displayName: 'West US', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'California', longitude: '-122.417', latitude: '37.783', paired: 'eastus' },
  { name: 'westeurope', displayName: 'West Europe', geography: 'Europe', geographyGroup: 'Europe',
    physicalLocation: 'Netherlands', longitude: '4.9', latitude: '52.3667', paired: 'northeurope' },
  { name: 'northeurope', displayName: 'North Europe', geography: 'Europe', geographyGroup: 'Europe',
    physicalLocation: 'Ireland', longitude: '-6.2597', latitude: '53.3478', paired: 'westeurope' },
  // Sovereign-cloud regions, so every practice cloud finds its default resource-group location.
  { name: 'usgovvirginia', displayName: 'USGov Virginia', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'Virginia', longitude: '-78.3889', latitude: '37.3719', paired: 'usgovtexas' },
  { name: 'usgovtexas', displayName: 'USGov Texas', geography: 'United States', geographyGroup: 'US',
    physicalLocation: 'Texas', longitude: '-98.5', latitude: '29.4167', paired: 'usgovvirginia' },
  { name: 'chinaeast', displayName: 'China East', geography: 'China', geographyGroup: 'Asia Pacific',
    physicalLocation: 'Shanghai', longitude: '121.4737', latitude: '31.2304', paired: 'chinanorth' },
  { name: 'chinanorth', displayName: 'China North', geography: 'China', geographyGroup: 'Asia Pacific',
    physicalLocation: 'Beijing', longitude: '116.4074', latitude: '39.9042', paired: 'chinaeast' },
];
