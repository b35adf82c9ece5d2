import { AppError } from '../contract/problems';
import { JWS_SHAPE, STANDARD_BASE64, decodeBase64, decodeUtf8 } from './codecs';
import { isGuid } from './ids';
import { bool, hostsOf, parseObject, str } from './json-fields';
import { PRACTICE_ISSUER } from './practice';
import { compactText } from './text-input';
import type { TokenSummary } from './types';

// A registration token is standard padded base64 of UTF-8 JSON (contract §4.1). Azure rejects a
// token that was altered in any way, so `canonical` is the operator's text with only whitespace
// removed (and missing '=' padding restored), never a re-encoding of the decoded JSON.

export type DecodedToken = { canonical: string; summary: TokenSummary; payload: unknown };

const REGENERATE =
  'Copy the token again from the file New-RegistrationToken produced (Get-Content on the stamp side), or generate a new one.';

export const decodeRegistrationToken = (text: string): DecodedToken => {
  const compact = compactText(text);
  if (compact === '') {
    throw new AppError('input-empty', 'There is no registration token in this text or file.', { action: REGENERATE });
  }
  if (JWS_SHAPE.test(compact)) {
    throw new AppError('input-is-key', 'This is an activation key, not a registration token.', {
      action: 'Use it on the stamp side to activate the stamp. Here, pick the registration token file.',
    });
  }
  if (compact.startsWith('{')) {
    throw new AppError('input-not-base64', 'This is JSON text, not a registration token: a token is one line of base64.', {
      action: REGENERATE,
    });
  }
  const body = compact.replace(/=+$/, '');
  const padded = compact.length !== body.length;
  if (!STANDARD_BASE64.test(compact) || body.length % 4 === 1 || (padded && compact.length % 4 !== 0)) {
    throw new AppError('input-not-base64', 'This text is not a registration token: it is not base64.', {
      action: REGENERATE,
      detail: `First characters: ${compact.slice(0, 24)}`,
    });
  }
  // Some copies lose the trailing '='; restoring it gives back the token exactly as issued.
  const canonical = body.padEnd(Math.ceil(body.length / 4) * 4, '=');
  const bytes = decodeBase64(canonical, 'standard');
  const json = bytes && decodeUtf8(bytes);
  const payload = json === undefined ? undefined : parseObject(json);
  if (payload === undefined) {
    throw new AppError(
      'input-not-json',
      'This base64 text does not decode to a registration token. It was probably altered on the way: letter case changed, characters lost or added.',
      { action: REGENERATE },
    );
  }
  const cloudId = str(payload, 'cloudId');
  if (cloudId === undefined || !isGuid(cloudId)) {
    throw new AppError('input-no-cloud-id', 'This decodes to JSON, but it has no cloud ID: it is not a registration token.', {
      action: REGENERATE,
    });
  }
  return { canonical, summary: tokenSummary(cloudId.trim(), payload), payload };
};

const tokenSummary = (cloudId: string, p: Record<string, unknown>): TokenSummary => {
  const hosts = hostsOf(p);
  const issuer = str(p, 'issuer');
  const summary: TokenSummary = { cloudId, hostCount: hosts.length, hosts, practice: issuer === PRACTICE_ISSUER };
  const optional = {
    objectId: str(p, 'objectId'),
    billingModel: str(p, 'billingModel'),
    marketplaceSyndicationEnabled: bool(p, 'marketplaceSyndicationEnabled'),
    usageReportingEnabled: bool(p, 'usageReportingEnabled'),
    agreementNumber: str(p, 'agreementNumber'),
    msAssetTag: str(p, 'msAssetTag'),
    version: str(p, 'version'),
    issuer,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(summary, { [k]: v });
  return summary;
};
