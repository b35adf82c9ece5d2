import type { Cmdlet } from './cmdlet-context';
import { ensureNoActionPlanRunning, work } from './cmdlet-context';

// New-AzureBridgeServicePrincipal (connected flow). The refresh token is bound and then dropped:
// the practice stamp never stores or logs it.

export const newAzureBridgeServicePrincipal: Cmdlet = {
  params: [
    { name: 'RefreshToken', kind: 'string', mandatory: true },
    { name: 'AzureEnvironment', kind: 'string', mandatory: true },
    { name: 'TenantId', kind: 'string', mandatory: true },
    { name: 'TimeoutInSeconds', kind: 'int' },
  ],
  async run(ctx, values) {
    ensureNoActionPlanRunning(ctx);
    const { identity } = await ctx.store.read();
    await work(ctx, 'Creating Azure Bridge service principal', ctx.settings.durations.servicePrincipalMs, [
      `Redeeming refresh token in ${String(values.AzureEnvironment)}`,
      `Creating application in tenant ${String(values.TenantId)}`,
      'Creating service principal',
    ]);
    return [{ ObjectId: identity.objectId }];
  },
};
