import { AppError } from '../contract/problems';
import { BASE64URL, JWS_SHAPE, decodeBase64, decodeUtf8 } from './codecs';
import { isGuid } from './ids';
import { bool, field, hostsOf, parseObject, str } from './json-fields';
import type { JsonObject } from './json-fields';
import { PRACTICE_ISSUER } from './practice';
import { decodeRegistrationToken } from './registration-token';
import { compactText } from './text-input';
import type { HardwareHost, KeySummary } from './types';

// An activation key is a JWS in compact serialisation (contract §4.2). Its signing key is not
// published, so offline we can check structure and contents only.

export const KEY_SIGNATURE_NOTICE =
  'The key’s signature cannot be checked here: only Azure Stack Hub can verify it during activation. This app checks that the key is well formed and matches this stamp and its token.';

export type DecodedKey = {
  canonical: string;
  summary: KeySummary;
  /** `hardwareInfo[]` of the key, compared with the token's hosts. */
  hosts: HardwareHost[];
  header: JsonObject;
  payload: unknown;
};

const RECOPY = 'Copy the key again from the file saved on the connected machine, or fetch it again from Azure (get activation key).';

const malformed = (message: string, detail?: string): AppError =>
  new AppError('input-malformed', message, detail === undefined ? { action: RECOPY } : { action: RECOPY, detail });

const segmentJson = (segment: string, what: string): JsonObject => {
  if (!BASE64URL.test(segment)) {
    throw new AppError('input-not-base64', `The ${what} of this activation key is not base64url text.`, { action: RECOPY });
  }
  const bytes = decodeBase64(segment, 'url');
  const json = bytes && decodeUtf8(bytes);
  const obj = json === undefined ? undefined : parseObject(json);
  if (obj === undefined) {
    throw new AppError(
      'input-not-json',
      `The ${what} of this activation key does not decode to JSON. The key was probably altered on the way: letter case changed, characters lost or added.`,
      { action: RECOPY },
    );
  }
  return obj;
};

/** `{"activationKey":"…"}`, as saved from the getactivationkey response, is unwrapped. */
const unwrap = (compact: string): string => {
  if (!compact.startsWith('{')) return compact;
  const obj = parseObject(compact);
  const inner = obj && field(obj, 'activationKey');
  return typeof inner === 'string' ? compactText(inner) : compact;
};

export const decodeActivationKey = (text: string): DecodedKey => {
  const canonical = unwrap(compactText(text));
  if (canonical === '') {
    throw new AppError('input-empty', 'There is no activation key in this text or file.', { action: RECOPY });
  }
  if (!JWS_SHAPE.test(canonical)) throw notAKey(canonical);
  const [h = '', p = '', signature = ''] = canonical.split('.').map((s) => s.replace(/=+$/, ''));
  const header = segmentJson(h, 'header');
  const payload = segmentJson(p, 'content');
  const alg = str(header, 'alg');
  if (alg === undefined || alg.toLowerCase() === 'none' || signature === '') {
    throw malformed('This activation key is not signed: its header names no signing algorithm, or the signature is missing.');
  }
  if (!BASE64URL.test(signature)) {
    throw new AppError('input-not-base64', 'The signature of this activation key is not base64url text.', { action: RECOPY });
  }
  const cloudId = str(payload, 'cloudId');
  if (cloudId === undefined || !isGuid(cloudId)) {
    throw new AppError('input-no-cloud-id', 'This activation key has no cloud ID, so it cannot activate a stamp.', {
      action: RECOPY,
    });
  }
  const hosts = hostsOf(payload);
  return { canonical, summary: keySummary(alg, header, cloudId.trim(), hosts.length, payload), hosts, header, payload };
};

const notAKey = (compact: string): AppError => {
  try {
    decodeRegistrationToken(compact);
  } catch {
    return malformed('This text is not an activation key: a key has three parts separated by dots.', `First characters: ${compact.slice(0, 24)}`);
  }
  return new AppError('input-is-token', 'This is a registration token, not an activation key.', {
    action: 'Take the token to the connected machine to register it in Azure; it returns the activation key to bring back here.',
  });
};

const keySummary = (alg: string, header: JsonObject, cloudId: string, hostCount: number, p: JsonObject): KeySummary => {
  const issuer = str(p, 'issuer');
  const summary: KeySummary = { algorithm: alg, cloudId, hostCount, practice: issuer === PRACTICE_ISSUER };
  const expires = field(p, 'expires');
  const optional = {
    keyId: str(header, 'kid'),
    objectId: str(p, 'objectId'),
    subscriptionId: str(p, 'subscriptionId'),
    resourceGroupName: str(p, 'resourceGroupName'),
    registrationName: str(p, 'registrationName'),
    billingModel: str(p, 'billingModel'),
    usageReportingEnabled: bool(p, 'usageReportingEnabled'),
    marketplaceSyndicationEnabled: bool(p, 'marketplaceSyndicationEnabled'),
    expires: typeof expires === 'string' && expires !== '' ? expires : undefined,
    version: str(p, 'version'),
    issuer,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(summary, { [k]: v });
  return summary;
};
