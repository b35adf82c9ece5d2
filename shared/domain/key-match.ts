import { AppError } from '../contract/problems';
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

const BILLING_WORDS: Record<string, string> = {
  Capacity: 'Capacity billing: the Enterprise Agreement pays for cores, no usage charges.',
  PayAsYouUse: 'Pay-as-you-use billing: usage is charged to the Azure subscription.',
  Development: 'Development billing: for evaluation and development kits, no charges.',
  Custom: 'Custom billing, tied to the MS asset tag.',
  Ruggedized: 'Ruggedized billing, tied to the MS asset tag.',
};

const hostNames = (hosts: HardwareHost[]): string => hosts.map((h) => h.name.toLowerCase()).sort().join(',');

const enables = (key: KeySummary, expiry: Date | undefined): string[] => {
  const out: string[] = [];
  if (key.billingModel) out.push(BILLING_WORDS[key.billingModel] ?? `Billing model ${key.billingModel}.`);
  if (key.usageReportingEnabled !== undefined) {
    out.push(key.usageReportingEnabled ? 'Usage data is reported to Azure.' : 'Usage data is not reported to Azure.');
  }
  if (key.marketplaceSyndicationEnabled !== undefined) {
    out.push(
      key.marketplaceSyndicationEnabled
        ? 'Marketplace items can be downloaded from Azure (marketplace syndication).'
        : 'No online marketplace syndication: bring marketplace items with the offline syndication tool.',
    );
  }
  if (key.registrationName) {
    const where = [key.resourceGroupName && `resource group ${key.resourceGroupName}`, key.subscriptionId && `subscription ${key.subscriptionId}`]
      .filter(Boolean)
      .join(', ');
    out.push(`Registration ${key.registrationName}${where ? ` in ${where}` : ''}.`);
  }
  if (!key.expires || (expiry && expiry.getUTCFullYear() >= 9999)) out.push('The registration does not expire.');
  else if (expiry) out.push(`The registration is valid until ${expiry.toISOString()}.`);
  return out;
};

export const matchKey = (key: KeySummary, ctx: KeyMatchContext): KeyMatch => {
  const problems: string[] = [];
  const expiry = key.expires === undefined ? undefined : parseInstant(key.expires);
  if (key.expires !== undefined && expiry === undefined) problems.push(`The key’s expiry date "${key.expires}" cannot be read.`);
  const expired = expiry !== undefined && expiry.getTime() <= ctx.now.getTime();
  if (expired && expiry) problems.push(`This key expired on ${expiry.toISOString()}.`);

  const match: KeyMatch = { expired, enables: enables(key, expiry), problems };
  if (ctx.stampCloudId !== undefined) {
    match.stampCloudId = ctx.stampCloudId;
    match.matchesStamp = sameGuid(key.cloudId, ctx.stampCloudId);
    if (!match.matchesStamp) {
      problems.push(`This key is for cloud ID ${key.cloudId}, but the connected stamp has cloud ID ${ctx.stampCloudId}.`);
    }
  }
  if (ctx.token) {
    const before = problems.length;
    tokenProblems(key, ctx.token, ctx.keyHosts, problems);
    match.matchesToken = problems.length === before;
  }
  return match;
};

const tokenProblems = (key: KeySummary, token: TokenSummary, keyHosts: HardwareHost[] | undefined, problems: string[]): void => {
  if (!sameGuid(key.cloudId, token.cloudId)) {
    problems.push(`This key is for cloud ID ${key.cloudId}, but the registration token was made for ${token.cloudId}.`);
  }
  if (key.objectId && token.objectId && !sameGuid(key.objectId, token.objectId)) {
    problems.push(`The key’s object ID ${key.objectId} differs from the token’s ${token.objectId}: it answers another token.`);
  }
  if (keyHosts && keyHosts.length > 0 && token.hosts.length > 0) {
    if (hostNames(keyHosts) !== hostNames(token.hosts)) {
      problems.push(
        `The key lists hosts ${keyHosts.map((h) => h.name).join(', ')}, the token lists ${token.hosts.map((h) => h.name).join(', ')}.`,
      );
    }
  } else if (key.hostCount > 0 && token.hostCount > 0 && key.hostCount !== token.hostCount) {
    problems.push(`The key covers ${key.hostCount} hosts, the token ${token.hostCount}.`);
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
      detail: match.problems.join('\n'),
    });
  }
  if (match.expired) {
    throw new AppError('key-expired', `This activation key expired on ${key.expires}.`, {
      action: 'Ask the connected host for a new key: renew the registration in Azure (register again with a new token from this stamp), then bring the new activation key back.',
    });
  }
  return match;
};
