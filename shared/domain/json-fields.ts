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

/**
 * The first object key that repeats another key of the same object under case folding, at any
 * depth (`cloudId` and `CloudID`, or the same name twice). JSON.parse keeps the last exact repeat,
 * this app reads case-insensitively preferring an exact match, and .NET readers (the stamp) fold
 * case and keep the last: with a repeat, two readers can see two different values. `json` must
 * already have parsed; one scan.
 */
export const duplicateKey = (json: string): string | undefined => {
  const stack: ({ lower: Set<string>; upper: Set<string> } | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < json.length && json.charCodeAt(j) !== 0x22) j += json.charCodeAt(j) === 0x5c ? 2 : 1;
      const keys = stack[stack.length - 1];
      if (keys && expectKey) {
        const name = JSON.parse(json.slice(i, j + 1)) as string;
        const [lower, upper] = [name.toLowerCase(), name.toUpperCase()];
        if (keys.lower.has(lower) || keys.upper.has(upper)) return name;
        keys.lower.add(lower);
        keys.upper.add(upper);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      stack.push({ lower: new Set(), upper: new Set() });
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(undefined);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = stack[stack.length - 1] !== undefined;
  }
  return undefined;
};
