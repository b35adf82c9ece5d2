import { describe, expect, it } from 'vitest';
import { toRegistrationInfo } from '../../../../electron/azure/registration-api';
import { parseResourceId, registrationId } from '../../../../electron/azure/resource-ids';

describe('toRegistrationInfo', () => {
  it('takes the name from the id (the spec Get example has a wrong name) and reads the properties', () => {
    const info = toRegistrationInfo(
      {
        id: '/subscriptions/dd8597b4-8739-4467-8b10-f8679f62bfbf/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/testregistration',
        name: 'azurestack',
        properties: { objectId: '9e9704ab-561a-4498-ac60-5e4c5a2b6c6f', billingModel: 'Development' },
      },
      { subscriptionId: 'x', resourceGroup: 'y' },
    );
    expect(info).toEqual({
      id: '/subscriptions/dd8597b4-8739-4467-8b10-f8679f62bfbf/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/testregistration',
      name: 'testregistration',
      subscriptionId: 'dd8597b4-8739-4467-8b10-f8679f62bfbf',
      resourceGroup: 'azurestack',
      objectId: '9e9704ab-561a-4498-ac60-5e4c5a2b6c6f',
      billingModel: 'Development',
    });
  });
});

describe('resource ids', () => {
  it('encodes segments once and parses them back', () => {
    const id = registrationId('s', 'my group(1)', 'AzureStack-1');
    expect(id).toBe('/subscriptions/s/resourceGroups/my%20group(1)/providers/Microsoft.AzureStack/registrations/AzureStack-1');
    expect(parseResourceId(id)).toEqual({ subscriptionId: 's', resourceGroup: 'my group(1)', name: 'AzureStack-1' });
    expect(parseResourceId('/subscriptions/s/resourcegroups/rg')).toBeUndefined();
  });
});
