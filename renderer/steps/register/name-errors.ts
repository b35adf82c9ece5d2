import { RegistrationName, ResourceGroupName } from '../../../shared/contract/fields';
import type { AzureLocation } from '../../../shared/domain';

type Names = { registrationName: string; resourceGroup: string; location: string };
/** A catalogue key in plain words (never a schema message or path), and the value it names. */
export type NameProblem = { key: string; value?: string };

const ISSUE: Record<string, string> = { too_small: 'empty', too_big: 'long' };

const check = (schema: typeof RegistrationName, value: string, field: 'name' | 'group'): NameProblem | undefined => {
  const issue = schema.safeParse(value).error?.issues[0];
  if (!issue) return undefined;
  return { key: `names.errors.${field}.${ISSUE[issue.code] ?? 'chars'}` };
};

/** Typed-in names on the other screens (move, unregister): nothing while empty (no error before typing), plain words after. */
export const typedNameProblem = (value: string, field: 'name' | 'group'): NameProblem | undefined =>
  value.trim() === '' ? undefined : check(field === 'name' ? RegistrationName : ResourceGroupName, value.trim(), field);

/** Per-field problems with the names, keyed by field; empty when all are valid. */
export const nameProblems = (n: Names, locations: AzureLocation[]): Partial<Record<keyof Names, NameProblem>> => {
  const out: Partial<Record<keyof Names, NameProblem>> = {};
  const name = check(RegistrationName, n.registrationName.trim(), 'name');
  if (name) out.registrationName = name;
  const rg = check(ResourceGroupName, n.resourceGroup.trim(), 'group');
  if (rg) out.resourceGroup = rg;
  if (n.location === '') out.location = { key: 'names.errors.location.empty' };
  else if (locations.length > 0 && !locations.some((l) => l.name.toLowerCase() === n.location.toLowerCase())) {
    out.location = { key: 'names.errors.location.unknown', value: n.location };
  }
  return out;
};
