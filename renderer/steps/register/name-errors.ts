import { RegistrationName, ResourceGroupName } from '../../../shared/contract';
import type { AzureLocation } from '../../../shared/domain';

type Names = { registrationName: string; resourceGroup: string; location: string };

const first = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

/** Per-field problems with the names, keyed by field; empty when all are valid. */
export const nameProblems = (n: Names, locations: AzureLocation[]): Partial<Record<keyof Names, string>> => {
  const out: Partial<Record<keyof Names, string>> = {};
  const name = first(RegistrationName.safeParse(n.registrationName.trim()));
  if (name) out.registrationName = `Registration name: ${name}.`;
  const rg = first(ResourceGroupName.safeParse(n.resourceGroup.trim()));
  if (rg) out.resourceGroup = `Resource group: ${rg}.`;
  if (n.location === '') out.location = 'Choose a location.';
  else if (locations.length > 0 && !locations.some((l) => l.name.toLowerCase() === n.location.toLowerCase())) {
    out.location = `Location "${n.location}" is not available in this subscription.`;
  }
  return out;
};
