import type { Cmdlet, CmdletContext } from './cmdlet-context';
import { ensureNoActionPlanRunning, work } from './cmdlet-context';
import { verifyActivationKey } from './activation-verifier';
import { CmdletError, hardwareInfoMissing } from './error-records';
import type { ActivationRecord } from './stamp-store';

// New-AzureStackActivation and Remove-AzureStackActivation. The activation record has the shape of
// the stamp's `Microsoft.AzureBridge.Admin/activations/default` (samples/azurebridge-activation-get.json).

/** The record's `expiration` carries no offset (sample: `9999-12-30T15:59:59`); the practice stamp keeps UTC. */
const recordExpiration = (expires: Date | undefined): string =>
  (expires ?? new Date(Date.UTC(9999, 11, 30, 23, 59, 59))).toISOString().slice(0, 19);

const activationSteps = (nodes: readonly string[]): string[] => [
  'Validating activation key',
  ...nodes.map((n) => `Verifying hardware of ${n}`),
  'Configuring Azure Bridge',
  'Saving activation',
];

const runActivation = async (ctx: CmdletContext, key: string): Promise<unknown[]> => {
  ensureNoActionPlanRunning(ctx);
  const { identity } = await ctx.store.read();
  const check = await verifyActivationKey(key, identity.cloudId, ctx.clock.now());
  if (!check.ok) throw new CmdletError(check.error);
  const { payload } = check;
  const failing = ctx.settings.faults.hardwareInfoUnreachable ? identity.nodes.at(-1) : undefined;
  const nodeNames = identity.nodes.map((n) => n.name);
  await work(ctx, 'Activating Azure Stack Hub', ctx.settings.durations.activationMs, activationSteps(nodeNames), (i) => {
    if (failing && nodeNames[i - 1] === failing.name) throw new CmdletError(hardwareInfoMissing(failing.name));
  });
  const record: ActivationRecord = {
    id:
      `/subscriptions/${identity.defaultProviderSubscriptionId}/resourceGroups/azurestack-activation` +
      '/providers/Microsoft.AzureBridge.Admin/activations/default',
    name: 'default',
    type: 'Microsoft.AzureBridge.Admin/activations',
    location: 'local',
    properties: {
      azureRegistrationResourceIdentifier:
        `/subscriptions/${payload.subscriptionId}/resourceGroups/${payload.resourceGroupName}` +
        `/providers/Microsoft.AzureStack/registrations/${payload.registrationName}`,
      displayName: 'Azure Stack Activation',
      expiration: recordExpiration(check.expires),
      marketplaceSyndicationEnabled: payload.marketplaceSyndicationEnabled ?? false,
      usageReportingEnabled: payload.usageReportingEnabled ?? false,
      provisioningState: 'Succeeded',
    },
  };
  const activatedAt = ctx.clock.now().toISOString();
  await ctx.store.update((s) => ({
    ...s,
    activation: { record, activatedAt, ...(payload.billingModel ? { billingModel: payload.billingModel } : {}) },
  }));
  ctx.verbose(`Azure Stack Hub activated for ${record.properties.azureRegistrationResourceIdentifier}.`);
  return [];
};

export const newAzureStackActivation: Cmdlet = {
  params: [
    { name: 'ActivationKey', kind: 'string', mandatory: true },
    { name: 'TimeoutInSeconds', kind: 'int' },
  ],
  run: (ctx, values) => runActivation(ctx, String(values.ActivationKey)),
};

export const removeAzureStackActivation: Cmdlet = {
  params: [],
  async run(ctx) {
    ensureNoActionPlanRunning(ctx);
    await work(ctx, 'Removing Azure Stack Hub activation', ctx.settings.durations.removeActivationMs, [
      'Disabling marketplace syndication',
      'Disabling usage reporting',
      'Removing activation',
    ]);
    await ctx.store.update(({ activation: _removed, ...rest }) => rest);
    ctx.verbose('Azure Stack Hub activation removed.');
    return [];
  },
};
