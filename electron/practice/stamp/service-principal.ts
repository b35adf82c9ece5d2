import type { Cmdlet } from './cmdlet-context';
import { ensureNoActionPlanRunning, work } from './cmdlet-context';
import { CmdletError, thrown } from './error-records';

// New-AzureBridgeServicePrincipal (connected flow). The refresh token arrives in the invoke line's own
// secret field (the session binds it as -RefreshToken); it is checked and dropped: the practice stamp
// never stores or logs it. The ObjectId returned is the stamp's, which the practice Azure's directory knows.

/** What Entra ID answers the stamp when the operator's tenant requires MFA for this sign-in (MCW-Azure-Stack#42). */
export const MFA_REQUIRED =
  "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'.";

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
    await work(ctx, 'Creating Azure Bridge service principal', ctx.settings.durations.servicePrincipalMs, [`Redeeming refresh token in ${String(values.AzureEnvironment)}`]);
    if (ctx.settings.faults.refreshTokenRefused) {
      throw new CmdletError(thrown(`Exception calling "AcquireToken" with "0" argument(s): "${MFA_REQUIRED}"`));
    }
    await work(ctx, 'Creating Azure Bridge service principal', 0, [`Creating application in tenant ${String(values.TenantId)}`, 'Creating service principal']);
    return [{ ObjectId: identity.objectId }];
  },
};
