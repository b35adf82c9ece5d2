import type { HardwareHost } from './types';

// Token and key payloads spell keys inconsistently (`Bios` in the token, `bios` in the key):
// every read is case-insensitive, preferring an exact match.

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const field = (obj: JsonObject, name: string): unknown => {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
};

export const str = (obj: JsonObject, name: string): string | undefined => {
  const v = field(obj, name);
  return typeof v === 'string' ? v : undefined;
};

export const bool = (obj: JsonObject, name: string): boolean | undefined => {
  const v = field(obj, name);
  if (typeof v === 'boolean') return v;
  // PowerShell serialises some booleans as strings.
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return undefined;
};

const num = (obj: JsonObject, name: string): number | undefined => {
  const v = field(obj, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Reads `hardwareInfo[]` (one entry per scale-unit node). */
export const hostsOf = (obj: JsonObject): HardwareHost[] => {
  const list = field(obj, 'hardwareInfo');
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((entry, i) => {
    const host: HardwareHost = { name: str(entry, 'name') ?? `node ${i + 1}` };
    const uuid = str(entry, 'uuid');
    const numCores = num(entry, 'numCores');
    if (uuid !== undefined) host.uuid = uuid;
    if (numCores !== undefined) host.numCores = numCores;
    return host;
  });
};

/** Parses JSON text to an object; undefined for anything else. */
export const parseObject = (text: string): JsonObject | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};
