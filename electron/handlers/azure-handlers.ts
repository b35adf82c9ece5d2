import type { Handlers } from '../../shared/contract';
import type { AzureService } from '../azure';

export const azureHandlers = (
  azure: AzureService,
): Pick<
  Handlers,
  'azure.signIn' | 'azure.cancelSignIn' | 'azure.connection' | 'azure.signOut' | 'azure.subscriptions' | 'azure.permissions' | 'azure.warmUp' | 'azure.prepare' | 'azure.createRole' | 'azure.registrations' | 'azure.registration'
> => ({
  'azure.signIn': (req) => azure.signIn({ cloud: req.cloud, method: req.method, ...(req.tenantId ? { tenantId: req.tenantId } : {}) }),
  'azure.cancelSignIn': async () => ({ cancelled: azure.cancelSignIn() }),
  'azure.connection': ({ cloud }) => azure.connection(cloud),
  'azure.signOut': async () => {
    await azure.signOut();
    return {};
  },
  'azure.subscriptions': ({ flow }) => azure.subscriptions(flow),
  'azure.permissions': ({ subscriptionId, resourceGroup }) => azure.permissions(subscriptionId, resourceGroup),
  'azure.warmUp': async () => {
    await azure.warmUp();
    return {};
  },
  'azure.prepare': ({ subscriptionId, resourceGroup, registrationName }) => azure.prepare({ subscriptionId, resourceGroup, registrationName }),
  'azure.createRole': ({ subscriptionId }) => azure.createRole(subscriptionId),
  'azure.registrations': ({ subscriptionId, resourceGroup }) => azure.registrations(subscriptionId, resourceGroup),
  'azure.registration': async (ref) => (await azure.findRegistration(ref)) ?? null,
});
