import { AppError } from '../contract/problems';
import { said } from '../contract/said';
import type { Said } from '../contract/said';
import { sameGuid } from './ids';
import { parseInstant } from './instant';
import type { HardwareHost, KeyMatch, KeySummary, TokenSummary } from './types';

// How an activation key relates to the stamp and to the token it answers (contract §4.3).
// Everything here is offline: the signature is Azure Stack Hub's to verify.

export type KeyMatchContext = {
  /** `CloudID` of the stamp we are connected to. */
  stampCloudId?: string;
  /** The token this key answers, when this machine kept it. */
  token?: TokenSummary;
  /** `hardwareInfo[]` of the key (see DecodedKey.hosts), compared with the token's hosts. */
  keyHosts?: HardwareHost[];
  now: Date;
};

const BILLING_WORDS: Record<string, Said> = {
  Capacity: said('key.billing-capacity', 'Capacity billing: the Enterprise Agreement pays for cores, no usage charges.'),
  PayAsYouUse: said('key.billing-payg', 'Pay-as-you-use billing: usage is charged to the Azure subscription.'),
  Development: said('key.billing-development', 'Development billing: for evaluation and development kits, no charges.'),
  Custom: said('key.billing-custom', 'Custom billing, tied to the MS asset tag.'),
  Ruggedized: said('key.billing-ruggedized', 'Ruggedized billing, tied to the MS asset tag.'),
};

/** The registration the key names, with its group and subscription when it says them. */
const registrationOf = (name: string, group: string | undefined, subscription: string | undefined): Said => {
  if (group && subscription) {
    return said('key.registration-group-subscription', `Registration ${name} in resource group ${group}, subscription ${subscription}.`, { name, group, subscription });
  }
  if (group) return said('key.registration-group', `Registration ${name} in resource group ${group}.`, { name, group });
  if (subscription) return said('key.registration-subscription', `Registration ${name} in subscription ${subscription}.`, { name, subscription });
  return said('key.registration', `Registration ${name}.`, { name });
};

const hostNames = (hosts: HardwareHost[]): string => hosts.map((h) => h.name.toLowerCase()).sort().join(',');

const enables = (key: KeySummary, expiry: Date | undefined): Said[] => {
  const out: Said[] = [];
  if (key.billingModel) out.push(BILLING_WORDS[key.billingModel] ?? said('key.billing-other', `Billing model ${key.billingModel}.`, { model: key.billingModel }));
  if (key.usageReportingEnabled !== undefined) {
    out.push(key.usageReportingEnabled ? said('key.usage-on', 'Usage data is reported to Azure.') : said('key.usage-off', 'Usage data is not reported to Azure.'));
  }
  if (key.marketplaceSyndicationEnabled !== undefined) {
    out.push(
      key.marketplaceSyndicationEnabled
        ? said('key.syndication-on', 'Marketplace items can be downloaded from Azure (marketplace syndication).')
        : said('key.syndication-off', 'No online marketplace syndication: bring marketplace items with the offline syndication tool.'),
    );
  }
  if (key.registrationName) out.push(registrationOf(key.registrationName, key.resourceGroupName, key.subscriptionId));
  if (!key.expires || (expiry && expiry.getUTCFullYear() >= 9999)) out.push(said('key.no-expiry', 'The registration does not expire.'));
  else if (expiry) out.push(said('key.valid-until', `The registration is valid until ${expiry.toISOString()}.`, { date: { at: expiry.toISOString() } }));
  return out;
};

export const matchKey = (key: KeySummary, ctx: KeyMatchContext): KeyMatch => {
  const problems: Said[] = [];
  const expiry = key.expires === undefined ? undefined : parseInstant(key.expires);
  if (key.expires !== undefined && expiry === undefined) {
    problems.push(said('key.expiry-unreadable', `The key’s expiry date "${key.expires}" cannot be read.`, { expires: key.expires }));
  }
  const expired = expiry !== undefined && expiry.getTime() <= ctx.now.getTime();
  if (expired && expiry) problems.push(said('key.expired-on', `This key expired on ${expiry.toISOString()}.`, { date: { at: expiry.toISOString() } }));

  const match: KeyMatch = { expired, enables: enables(key, expiry), problems };
  if (ctx.stampCloudId !== undefined) {
    match.stampCloudId = ctx.stampCloudId;
    match.matchesStamp = sameGuid(key.cloudId, ctx.stampCloudId);
    if (!match.matchesStamp) {
      problems.push(
        said('key.other-stamp', `This key is for cloud ID ${key.cloudId}, but the connected stamp has cloud ID ${ctx.stampCloudId}.`, {
          keyCloudId: key.cloudId,
          stampCloudId: ctx.stampCloudId,
        }),
      );
    }
  }
  if (ctx.token) {
    const before = problems.length;
    tokenProblems(key, ctx.token, ctx.keyHosts, problems);
    match.matchesToken = problems.length === before;
  }
  return match;
};

const tokenProblems = (key: KeySummary, token: TokenSummary, keyHosts: HardwareHost[] | undefined, problems: Said[]): void => {
  if (!sameGuid(key.cloudId, token.cloudId)) {
    problems.push(
      said('key.other-token', `This key is for cloud ID ${key.cloudId}, but the registration token was made for ${token.cloudId}.`, {
        keyCloudId: key.cloudId,
        tokenCloudId: token.cloudId,
      }),
    );
  }
  if (key.objectId && token.objectId && !sameGuid(key.objectId, token.objectId)) {
    problems.push(
      said('key.other-object', `The key’s object ID ${key.objectId} differs from the token’s ${token.objectId}: it answers another token.`, {
        keyObjectId: key.objectId,
        tokenObjectId: token.objectId,
      }),
    );
  }
  if (keyHosts && keyHosts.length > 0 && token.hosts.length > 0) {
    if (hostNames(keyHosts) !== hostNames(token.hosts)) {
      const values = { keyHosts: keyHosts.map((h) => h.name).join(', '), tokenHosts: token.hosts.map((h) => h.name).join(', ') };
      problems.push(said('key.hosts-differ', `The key lists hosts ${values.keyHosts}, the token lists ${values.tokenHosts}.`, values));
    }
  } else if (key.hostCount > 0 && token.hostCount > 0 && key.hostCount !== token.hostCount) {
    const values = { keyCount: String(key.hostCount), tokenCount: String(token.hostCount) };
    problems.push(said('key.host-count-differs', `The key covers ${values.keyCount} hosts, the token ${values.tokenCount}.`, values));
  }
};

/** Throws the first reason this key must not be used to activate the stamp. */
export const assertKeyUsable = (key: KeySummary, ctx: KeyMatchContext): KeyMatch => {
  const match = matchKey(key, ctx);
  if (match.matchesStamp === false) {
    throw new AppError('key-wrong-stamp', `This activation key belongs to the stamp with cloud ID ${key.cloudId}, not to this stamp (${ctx.stampCloudId}).`, {
      action: `Take it to the stamp with cloud ID ${key.cloudId}. For this stamp, pick the key file made for it (its name has the cloud ID ${ctx.stampCloudId}), or ask the connected host for this stamp’s key.`,
    });
  }
  if (match.matchesToken === false) {
    throw new AppError('key-token-mismatch', 'This activation key does not answer the registration token this stamp exported.', {
      action: 'Use the key issued for the latest token, or register the latest token in Azure again and bring back its key.',
      detail: match.problems.map((p) => p.text).join('\n'),
    });
  }
  if (match.expired) {
    throw new AppError('key-expired', `This activation key expired on ${key.expires}.`, {
      action: 'Ask the connected host for a new key: renew the registration in Azure (register again with a new token from this stamp), then bring the new activation key back.',
    });
  }
  return match;
};
