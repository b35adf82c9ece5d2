import { describe, expect, it } from 'vitest';
import { nameProblems } from '../../../../../renderer/steps/register/name-errors';

const locations = [
  { name: 'westcentralus', displayName: 'West Central US' },
  { name: 'westeurope', displayName: 'West Europe' },
];

describe('nameProblems', () => {
  it('accepts the defaults', () => {
    expect(nameProblems({ registrationName: 'AzureStack-6a3b1f7e', resourceGroup: 'azurestack', location: 'westcentralus' }, locations)).toEqual({});
  });
  it('names each bad field', () => {
    const p = nameProblems({ registrationName: 'bad name!', resourceGroup: 'ends.with.dot.', location: 'mars' }, locations);
    expect(Object.keys(p).sort()).toEqual(['location', 'registrationName', 'resourceGroup']);
    expect(p.location).toEqual({ key: 'names.errors.location.unknown', value: 'mars' });
    expect(p.registrationName).toEqual({ key: 'names.errors.name.chars' });
    expect(p.resourceGroup).toEqual({ key: 'names.errors.group.chars' });
  });
  it('says an empty or too long name in plain words, never the schema text', () => {
    expect(nameProblems({ registrationName: '', resourceGroup: 'x'.repeat(91), location: 'westeurope' }, locations)).toEqual({
      registrationName: { key: 'names.errors.name.empty' },
      resourceGroup: { key: 'names.errors.group.long' },
    });
  });
  it('does not judge the location before the list is loaded, but needs one', () => {
    expect(nameProblems({ registrationName: 'a', resourceGroup: 'b', location: 'anywhere' }, [])).toEqual({});
    expect(nameProblems({ registrationName: 'a', resourceGroup: 'b', location: '' }, []).location).toBeDefined();
  });
});
