import { said } from '../contract/said';
import type { Said } from '../contract/said';
import { STAMP_GATES, isAtLeast, isNewerThan } from './stamp-version';
import type { StampInfo, TokenChoices, TokenPlan } from './types';

// The billing rules and version gates of New-RegistrationToken (contract §1.3, §1.9, §3), applied
// before the token is generated so the operator sees the effective values (the official module
// overrode some silently).

export type TokenFlow = 'connected' | 'disconnected';

/** `Set-RegistrationKeyPair` runs first on multi-node stamps newer than 1.2209.0.23 (az branch). */
export const needsKeyPair = (stamp: StampInfo): boolean =>
  isNewerThan(stamp.stampVersion, STAMP_GATES.keyPair) && (stamp.numberOfNodes ?? 0) > 1;

export const CAPACITY_USAGE_NOTICE = said('billing.capacity-no-usage', 'Disabling Usage Reporting as it is not supported for Capacity billing model.');
export const CUSTOM_TOO_OLD = `Custom BillingModel is not supported for StampVersion less than ${STAMP_GATES.msAssetTag}`;

type Draft = { usage: boolean; syndication: boolean; notices: Said[]; errors: Said[] };

const flags = (choices: TokenChoices, flow: TokenFlow, connectedDefault: boolean): Draft => {
  const fallback = flow === 'connected' && connectedDefault;
  return {
    usage: choices.usageReportingEnabled ?? fallback,
    syndication: choices.marketplaceSyndicationEnabled ?? fallback,
    notices: [],
    errors: [],
  };
};

const applyModel = (stamp: StampInfo, c: TokenChoices, flow: TokenFlow, agreement: string, assetTag: string): Draft => {
  const tagAllowed = isAtLeast(stamp.stampVersion, STAMP_GATES.msAssetTag);
  switch (c.billingModel) {
    case 'Capacity': {
      const d = flags(c, flow, true);
      if (!agreement) {
        d.errors.push(
          said(
            'billing.capacity-needs-agreement',
            'Agreement number is null or empty when BillingModel is set to Capacity. Enter the Enterprise Agreement number (a development kit uses Development instead).',
          ),
        );
      }
      d.usage = false;
      d.notices.push(CAPACITY_USAGE_NOTICE);
      return d;
    }
    case 'PayAsYouUse': {
      const d = flags(c, flow, true);
      if (flow === 'disconnected') {
        d.errors.push(
          said(
            'billing.payg-disconnected',
            'PayAsYouUse is not available for a disconnected stamp: usage cannot reach Azure. Choose Capacity with your EA agreement number, or Development.',
          ),
        );
      }
      if (c.usageReportingEnabled === false) d.notices.push(said('billing.payg-usage-stays-on', 'Usage reporting cannot be disabled with billing model PayAsYouUse: it stays on.'));
      d.usage = true;
      return d;
    }
    case 'Development':
      return flags(c, flow, true);
    case 'Custom': {
      const d = flags(c, flow, true);
      d.usage = c.usageReportingEnabled ?? false;
      if (!tagAllowed) d.errors.push(said('billing.custom-too-old', `${CUSTOM_TOO_OLD}. Update the stamp or choose another billing model.`, { gate: STAMP_GATES.msAssetTag }));
      if (!assetTag) d.errors.push(said('billing.custom-needs-tag', 'MsAssetTag is a required parameter when BillingModel is Custom. Enter the MS asset tag.'));
      return d;
    }
    case 'Ruggedized': {
      const d = flags(c, flow, true);
      if (flow === 'disconnected') {
        d.errors.push(
          said(
            'billing.ruggedized-disconnected',
            'The official token cmdlet rejects the Ruggedized billing model for a disconnected stamp. Ruggedized stamps register disconnected with billing model Capacity, the EA agreement number and the MS asset tag printed on the product.',
          ),
        );
      }
      if (!assetTag) d.errors.push(said('billing.ruggedized-needs-tag', 'The MS asset tag is mandatory for the Ruggedized billing model; it is printed on the product.'));
      else if (!tagAllowed) {
        d.errors.push(
          said('billing.ruggedized-too-old', `This stamp (${stamp.stampVersion}) cannot take an MS asset tag; it needs ${STAMP_GATES.msAssetTag} or later.`, {
            version: stamp.stampVersion,
            gate: STAMP_GATES.msAssetTag,
          }),
        );
      }
      return d;
    }
  }
};

/** The rule of the az branch of RegisterWithAzure.psm1 (Get-RegistrationTokenVersion), shown on the billing step. */
export const TOKEN_VERSION_RULE = said(
  'billing.token-version-rule',
  `Token version: none on stamps older than ${STAMP_GATES.tokenVersion} (they choose their own); 4.0 from ${STAMP_GATES.tokenVersion}; 6.0 on stamps newer than ${STAMP_GATES.tokenV6}. The same for every Azure cloud, as in the current official module.`,
  { gate: STAMP_GATES.tokenVersion, v6Gate: STAMP_GATES.tokenV6 },
);

const tokenVersion = (stamp: StampInfo, c: TokenChoices, notices: Said[]): string | undefined => {
  const gate = STAMP_GATES.tokenVersion;
  if (!isAtLeast(stamp.stampVersion, gate)) {
    notices.push(
      c.tokenVersion
        ? said('billing.token-version-not-sent', `Token version ${c.tokenVersion} not sent: stamps older than ${gate} choose their own.`, { version: c.tokenVersion, gate })
        : said('billing.token-version-none', `No token version sent: stamps older than ${gate} choose their own.`, { gate }),
    );
    return undefined;
  }
  if (c.tokenVersion) {
    notices.push(said('billing.token-version-chosen', `Token version ${c.tokenVersion}, as chosen.`, { version: c.tokenVersion }));
    return c.tokenVersion;
  }
  const v6 = isNewerThan(stamp.stampVersion, STAMP_GATES.tokenV6);
  const values = { stampVersion: stamp.stampVersion, gate: STAMP_GATES.tokenV6 };
  notices.push(
    v6
      ? said('billing.token-version-6', `Token version 6.0: stamp ${stamp.stampVersion} is newer than ${STAMP_GATES.tokenV6}.`, values)
      : said('billing.token-version-4', `Token version 4.0: stamp ${stamp.stampVersion} is not newer than ${STAMP_GATES.tokenV6}.`, values),
  );
  return v6 ? '6.0' : '4.0';
};

export const planToken = (stamp: StampInfo, choices: TokenChoices, flow: TokenFlow): TokenPlan => {
  const agreement = choices.agreementNumber?.trim() ?? '';
  const assetTag = choices.msAssetTag?.trim() ?? '';
  const d = applyModel(stamp, choices, flow, agreement, assetTag);
  if (flow === 'disconnected' && d.usage) {
    d.notices.push(said('billing.usage-disconnected', 'Usage reporting is on, but a disconnected stamp cannot send usage data to Azure.'));
  }
  const params: TokenPlan['params'] = {
    BillingModel: choices.billingModel,
    MarketplaceSyndicationEnabled: d.syndication,
    UsageReportingEnabled: d.usage,
    // Always sent, empty when unused: the shape the official module uses.
    AgreementNumber: agreement,
  };
  if (isAtLeast(stamp.stampVersion, STAMP_GATES.msAssetTag)) params.MsAssetTag = assetTag;
  else if (assetTag && choices.billingModel !== 'Custom' && choices.billingModel !== 'Ruggedized') {
    d.notices.push(said('billing.tag-not-sent', `MS asset tag not sent: stamps older than ${STAMP_GATES.msAssetTag} do not accept it.`, { gate: STAMP_GATES.msAssetTag }));
  }
  const version = tokenVersion(stamp, choices, d.notices);
  if (version !== undefined) params.TokenVersion = version;
  return { params, notices: d.notices, errors: d.errors };
};
