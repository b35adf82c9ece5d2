// Cloud IDs and object IDs are GUIDs; PowerShell prints them lower-case, people type them any way.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value.trim());

/** GUID equality, ignoring case and surrounding braces or spaces. */
export const sameGuid = (a: string, b: string): boolean => {
  const norm = (s: string): string => s.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return norm(a) === norm(b);
};

type ParsedId = { subscriptionId: string; resourceGroup: string; name: string };

/** Subscription, group and last segment of an ARM id; matching is case-insensitive as in ARM. */
export const parseResourceId = (id: string): ParsedId | undefined => {
  const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id);
  if (!m) return undefined;
  const [, sub = '', rg = '', name = ''] = m;
  try {
    return { subscriptionId: decodeURIComponent(sub), resourceGroup: decodeURIComponent(rg), name: decodeURIComponent(name) };
  } catch {
    return undefined;
  }
};
