// ARM resource ids for the registration and its scopes. Segments are URL-encoded once, here.

const enc = encodeURIComponent;

export const subscriptionScope = (sub: string): string => `/subscriptions/${enc(sub)}`;

export const resourceGroupScope = (sub: string, rg: string): string => `${subscriptionScope(sub)}/resourceGroups/${enc(rg)}`;

export const registrationId = (sub: string, rg: string, name: string): string =>
  `${resourceGroupScope(sub, rg)}/providers/Microsoft.AzureStack/registrations/${enc(name)}`;

type ParsedId = { subscriptionId: string; resourceGroup: string; name: string };

/** Subscription, group and last segment of an ARM id; matching is case-insensitive as in ARM. */
export const parseResourceId = (id: string): ParsedId | undefined => {
  const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id);
  if (!m) return undefined;
  const [, sub = '', rg = '', name = ''] = m;
  return { subscriptionId: decodeURIComponent(sub), resourceGroup: decodeURIComponent(rg), name: decodeURIComponent(name) };
};

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
