// ARM resource ids for the registration and its scopes. Segments are URL-encoded once, here.

const enc = encodeURIComponent;

export const subscriptionScope = (sub: string): string => `/subscriptions/${enc(sub)}`;

export const resourceGroupScope = (sub: string, rg: string): string => `${subscriptionScope(sub)}/resourceGroups/${enc(rg)}`;

export const registrationId = (sub: string, rg: string, name: string): string =>
  `${resourceGroupScope(sub, rg)}/providers/Microsoft.AzureStack/registrations/${enc(name)}`;

/** Subscription, group and last segment of an ARM id (shared with the status rules). */
export { parseResourceId } from '../../shared/domain/ids';

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
