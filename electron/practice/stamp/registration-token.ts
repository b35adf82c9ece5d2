import { BILLING_MODELS } from '../../../shared/domain/types';
import type { Cmdlet } from './cmdlet-context';
import { ensureNoActionPlanRunning, work } from './cmdlet-context';
import { CmdletError, hardwareInfoMissing, thrown } from './error-records';
import { buildRegistrationToken } from './token-builder';
import { compareVersions, GATES } from './version';

// New-RegistrationToken, with the parameter gates of real builds and the billing checks operators
// meet (registration-contract.md §1.3, §3).

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const newRegistrationToken: Cmdlet = {
  params: [
    { name: 'BillingModel', kind: 'string', mandatory: true, set: BILLING_MODELS },
    { name: 'MarketplaceSyndicationEnabled', kind: 'bool' },
    { name: 'UsageReportingEnabled', kind: 'bool' },
    { name: 'AgreementNumber', kind: 'string' },
    { name: 'MsAssetTag', kind: 'string', since: GATES.msAssetTag },
    { name: 'TokenVersion', kind: 'string', since: GATES.tokenVersion, set: ['3.0', '4.0', '6.0'] },
  ],
  async run(ctx, values) {
    const billingModel = str(values.BillingModel);
    const agreementNumber = str(values.AgreementNumber);
    const msAssetTag = str(values.MsAssetTag);
    let usageReportingEnabled = values.UsageReportingEnabled === true;

    if (billingModel === 'Custom' && compareVersions(ctx.settings.stampVersion, GATES.msAssetTag) < 0) {
      throw new CmdletError(thrown(`Custom BillingModel is not supported for StampVersion less than ${GATES.msAssetTag}`));
    }
    if (billingModel === 'Capacity' && agreementNumber === '') {
      throw new CmdletError(thrown('Agreement number is null or empty when BillingModel is set to Capacity'));
    }
    if (billingModel === 'Custom' && msAssetTag === '') {
      throw new CmdletError(
        thrown(
          "ErrorCode: MissingMsAssetTag.\nErrorReason: MsAssetTag is a required parameter when BillingModel is 'Custom'. " +
            'Please call the registration cmdlet along with MsAssetTag parameter.',
        ),
      );
    }
    if (billingModel === 'Capacity' && usageReportingEnabled) {
      ctx.warning('Disabling Usage Reporting as it is not supported for Capacity billing model.');
      usageReportingEnabled = false;
    }
    ensureNoActionPlanRunning(ctx);

    const { identity } = await ctx.store.read();
    const failing = ctx.settings.faults.hardwareInfoUnreachable ? identity.nodes.at(-1) : undefined;
    ctx.verbose(`Collecting hardware information from ${identity.nodes.length} node(s).`);
    await work(
      ctx,
      'Creating registration token',
      ctx.settings.durations.tokenMs,
      [...identity.nodes.map((n) => `Reading hardware information from ${n.name}`), 'Building registration token'],
      (i) => {
        if (failing && identity.nodes[i] === failing) throw new CmdletError(hardwareInfoMissing(failing.name));
      },
    );
    const token = buildRegistrationToken(identity, {
      billingModel,
      marketplaceSyndicationEnabled: values.MarketplaceSyndicationEnabled === true,
      usageReportingEnabled,
      agreementNumber,
      ...(msAssetTag ? { msAssetTag } : {}),
      ...(typeof values.TokenVersion === 'string' ? { tokenVersion: values.TokenVersion } : {}),
    });
    ctx.verbose('Registration token created.');
    return [token];
  },
};
