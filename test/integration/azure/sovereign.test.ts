import { ResourceManagementClient } from '@azure/arm-resources';
import { describe, expect, it } from 'vitest';
import type { CloudName } from '../../../shared/domain/types';
import { EA_SUB, makeToken, unique, usePracticeAzure, type Harness } from './practice-harness';

// AzureUSGovernment and AzureChinaCloud lag the public cloud in the api-versions they serve; the
// practice Azure refuses, per cloud, what that cloud does not serve (judged by the token's audience).

let h: Harness;
usePracticeAzure((started) => (h = started));

const SOVEREIGN: CloudName[] = ['AzureUSGovernment', 'AzureChinaCloud'];

describe('sovereign clouds', () => {
  it.each(SOVEREIGN)('refuse the SDK default api-version for resource groups in %s', async (cloud) => {
    const c = h.practice.clouds[cloud];
    const client = new ResourceManagementClient(h.practice.credential(), EA_SUB, {
      endpoint: c.resourceManager,
      credentials: { scopes: [c.scope] },
      tlsOptions: { ca: h.practice.ca },
      retryOptions: { maxRetries: 0 },
    });
    await expect(client.resourceGroups.get('anything')).rejects.toMatchObject({ code: 'InvalidApiVersionParameter' });
  });

  it.each(SOVEREIGN)('serve every call of register, permissions, role, move and unregister in %s with the pinned versions', async (cloud) => {
    await h.azure.signIn({ cloud, method: 'browser' });
    try {
      expect((await h.azure.subscriptions('disconnected')).length).toBeGreaterThan(0);
      const rg = unique('rg');
      const target = unique('target');
      expect((await h.azure.permissions(EA_SUB, rg)).ok).toBe(true);
      await h.azure.createRole(EA_SUB);
      await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: target, location: 'westcentralus', registrationName: unique('anchor'), token: makeToken() });
      const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: rg, location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
      const { to } = await h.azure.move({ subscriptionId: EA_SUB, resourceGroup: rg, registrationName: registration.name, targetResourceGroup: target });
      expect((await h.azure.registrations(EA_SUB, target)).some((r) => r.id === to.id)).toBe(true);
      await h.azure.unregister({ subscriptionId: EA_SUB, resourceGroup: target, target: { by: 'name', registrationName: registration.name } });
    } finally {
      await h.azure.signIn({ cloud: 'AzureCloud', method: 'browser' });
    }
  });
});
