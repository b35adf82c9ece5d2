// Cloud IDs and object IDs are GUIDs; PowerShell prints them lower-case, people type them any way.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value.trim());

/** GUID equality, ignoring case and surrounding braces or spaces. */
export const sameGuid = (a: string, b: string): boolean => {
  const norm = (s: string): string => s.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return norm(a) === norm(b);
};
