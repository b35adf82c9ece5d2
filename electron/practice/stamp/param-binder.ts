import type { HostError, ParamValue } from '../../pep/protocol';
import {
  ambiguousParameter,
  emptyStringArgument,
  missingMandatory,
  namedParameterNotFound,
  notBoolean,
  notInt32,
  notInValidateSet,
} from './error-records';
import { compareVersions } from './version';

// PowerShell parameter binding, as far as the PEP cmdlets need it: case-insensitive names, unique
// prefixes, mandatory parameters (which refuse empty strings), ValidateSet, [bool]/[int]/[string]
// conversion, common parameters, and parameters that only exist from a given stamp build.

export type ParamSpec = {
  name: string;
  kind: 'string' | 'bool' | 'int';
  mandatory?: boolean;
  set?: readonly string[];
  /** First stamp build whose cmdlet has this parameter. */
  since?: string;
};

export type Bound = Record<string, string | boolean | number>;

const COMMON = [
  'Verbose',
  'Debug',
  'ErrorAction',
  'WarningAction',
  'InformationAction',
  'ErrorVariable',
  'WarningVariable',
  'InformationVariable',
  'OutVariable',
  'OutBuffer',
  'PipelineVariable',
] as const;

type Outcome = { ok: true; values: Bound; common: Bound } | { ok: false; error: HostError };
type Converted = { value: string | boolean | number };

const convert = (cmd: string, spec: ParamSpec, raw: ParamValue): Converted | HostError => {
  switch (spec.kind) {
    case 'bool':
      return typeof raw === 'string' ? notBoolean(cmd, spec.name) : { value: raw === true || (typeof raw === 'number' && raw !== 0) };
    case 'int': {
      const n = Number(raw);
      return typeof raw === 'string' && (raw.trim() === '' || !Number.isFinite(n))
        ? notInt32(cmd, spec.name, raw)
        : { value: Math.round(n) };
    }
    case 'string':
      // PowerShell renders $true as "True" when binding it to a [string] parameter.
      return { value: typeof raw === 'boolean' ? (raw ? 'True' : 'False') : String(raw) };
  }
};

/** Mandatory strings refuse '', ValidateSet matches case-insensitively and yields the set's spelling. */
const validate = (cmd: string, spec: ParamSpec, converted: Converted): Converted | HostError => {
  const { value } = converted;
  if (typeof value !== 'string') return converted;
  if (spec.mandatory && value === '') return emptyStringArgument(cmd, spec.name);
  if (!spec.set) return converted;
  const match = spec.set.find((s) => s.toLowerCase() === value.toLowerCase());
  return match === undefined ? notInValidateSet(cmd, spec.name, value, spec.set) : { value: match };
};

export const bindParameters = (
  cmd: string,
  specs: readonly ParamSpec[],
  params: Record<string, ParamValue>,
  stampVersion: string,
): Outcome => {
  const available = specs.filter((s) => !s.since || compareVersions(stampVersion, s.since) >= 0);
  const names = [...available.map((s) => s.name), ...COMMON];
  const values: Bound = {};
  const common: Bound = {};
  for (const [given, raw] of Object.entries(params)) {
    const lower = given.toLowerCase();
    const exact = names.find((n) => n.toLowerCase() === lower);
    const candidates = exact ? [exact] : names.filter((n) => n.toLowerCase().startsWith(lower));
    const [name] = candidates;
    if (name === undefined || given === '') return { ok: false, error: namedParameterNotFound(cmd, given) };
    if (candidates.length > 1) return { ok: false, error: ambiguousParameter(cmd, given, candidates) };
    const spec = available.find((s) => s.name === name);
    if (!spec) {
      common[name] = typeof raw === 'boolean' || typeof raw === 'number' ? raw : String(raw);
      continue;
    }
    const converted = convert(cmd, spec, raw);
    const checked = 'value' in converted ? validate(cmd, spec, converted) : converted;
    if (!('value' in checked)) return { ok: false, error: checked };
    values[name] = checked.value;
  }
  const missing = available.filter((s) => s.mandatory && !(s.name in values)).map((s) => s.name);
  if (missing.length > 0) return { ok: false, error: missingMandatory(cmd, missing) };
  return { ok: true, values, common };
};
