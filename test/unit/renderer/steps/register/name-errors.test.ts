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
    expect(p.location).toContain('mars');
  });
  it('does not judge the location before the list is loaded, but needs one', () => {
    expect(nameProblems({ registrationName: 'a', resourceGroup: 'b', location: 'anywhere' }, [])).toEqual({});
    expect(nameProblems({ registrationName: 'a', resourceGroup: 'b', location: '' }, []).location).toBeDefined();
  });
});
