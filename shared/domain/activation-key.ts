import { AppError } from '../contract/problems';
import { said } from '../contract/said';
import { base64Flaw, decodeBase64, decodeUtf8, jwsParts } from './codecs';
import { isGuid } from './ids';
import { parseInstant } from './instant';
import { bool, duplicateKey, field, hostsOf, parseObject, str } from './json-fields';
import type { JsonObject } from './json-fields';
import { isPracticeIssuer } from './practice';
import { base64Problem, decodeRegistrationToken, duplicateProblem } from './registration-token';
import { compactText, looksLikeProse } from './text-input';
import type { HardwareHost, KeySummary } from './types';

// An activation key is a JWS in compact serialisation (contract §4.2). Its signing key is not
// published, so offline we can check structure and contents only: every part decodes strictly,
// the signature has a length its algorithm can produce, and the expiry date reads unambiguously.

export const KEY_SIGNATURE_NOTICE = said(
  'key.signature',
  'The key’s signature cannot be checked here: only Azure Stack Hub can verify it during activation. This app checks that the key is well formed and matches this stamp and its token.',
);

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

// Signature sizes in bytes. Azure signs activation keys RS256 (published sample: 342 base64url
// characters = 256 bytes, a 2048-bit RSA modulus); RSA signatures are exactly the modulus size, and
// ECDSA (JWS form) exactly twice the curve size. Anything else was cut short or padded.
const RSA = [256, 384, 512] as const;
const SIGNATURE_BYTES: Record<string, readonly number[]> = {
  RS256: RSA,
  RS384: RSA,
  RS512: RSA,
  PS256: RSA,
  PS384: RSA,
  PS512: RSA,
  ES256: [64],
  ES384: [96],
  ES512: [132],
};

/** Decodes one base64url segment to a JSON object with no repeated keys; undefined otherwise. */
const segmentJson = (segment: string, what: string): JsonObject | undefined => {
  const bytes = decodeBase64(segment, 'url');
  const json = bytes && decodeUtf8(bytes);
  const obj = json === undefined ? undefined : parseObject(json);
  if (json === undefined || obj === undefined) return undefined;
  const repeated = duplicateKey(json);
  if (repeated !== undefined) throw duplicateProblem(repeated, `activation key’s ${what}`, RECOPY);
  return obj;
};

/** `{"activationKey":"…"}`, as saved from the getactivationkey response, is unwrapped. */
const unwrap = (compact: string): string => {
  if (!compact.startsWith('{')) return compact;
  const obj = parseObject(compact);
  const inner = obj && field(obj, 'activationKey');
  if (typeof inner !== 'string') return compact;
  const repeated = duplicateKey(compact);
  if (repeated !== undefined) throw duplicateProblem(repeated, 'saved activation key response', RECOPY);
  return compactText(inner);
};

const checkSignature = (alg: string | undefined, signature: string): void => {
  if (alg === undefined || alg.trim() === '' || alg.trim().toLowerCase() === 'none' || signature === '') {
    throw malformed('This activation key is not signed: its header names no signing algorithm, or the signature is missing.');
  }
  const sizes = SIGNATURE_BYTES[alg];
  if (sizes === undefined) {
    throw malformed(`This activation key names the signing algorithm “${alg.slice(0, 40)}”, which activation keys never use: it was not issued by Azure, or it was altered.`);
  }
  const bytes = decodeBase64(signature, 'url');
  if (bytes === undefined) {
    throw new AppError('input-not-base64', 'The signature of this activation key is not base64url text: the key was cut short or altered on the way.', {
      action: RECOPY,
    });
  }
  if (!sizes.includes(bytes.length)) {
    throw malformed(
      `The signature of this activation key is ${bytes.length} bytes long, but ${alg} signatures are ${sizes.join(', ').replace(/, (\d+)$/, ' or $1')} bytes long: the key was cut short or altered on the way.`,
    );
  }
};

// Every real key carries `expires`: the published getactivationkey sample (shared/reference/samples/
// restapispec-getactivationkey-key.decoded.json) has "9999-12-30T23:59:59.9999999Z", matching the
// stamp's activation record. So a key without a readable expiry is refused, never taken as eternal.
const readExpiry = (payload: JsonObject): string => {
  const value = field(payload, 'expires');
  if (typeof value !== 'string' || value.trim() === '') {
    const seen = value === undefined ? 'has no expiry date' : `has an expiry date that is not a date (${JSON.stringify(value).slice(0, 40)})`;
    throw malformed(`This activation key ${seen}. Every key Azure issues says until when it is valid, so this one was not issued by Azure, or it was altered.`);
  }
  if (parseInstant(value) === undefined) {
    throw malformed(
      `The expiry date of this activation key, “${value.slice(0, 40)}”, cannot be read. Azure writes it as an ISO date such as 9999-12-30T23:59:59Z; a date like 01/01/2020 means different days on different machines, so it is refused.`,
    );
  }
  return value;
};

export const decodeActivationKey = (text: string): DecodedKey => {
  const compact = compactText(text);
  if (compact === '') {
    throw new AppError('input-empty', 'There is no activation key in this text or file.', { action: RECOPY });
  }
  const canonical = unwrap(compact);
  const parts = jwsParts(canonical);
  if (!parts) throw notAKey(text, canonical);
  const [h, p, signature] = parts;
  const header = segmentJson(h, 'header');
  if (header === undefined) {
    throw malformed(
      'This text has three parts separated by dots, but the first is not an activation key header: it is not an activation key, or its beginning was cut or changed.',
      `First characters: ${canonical.slice(0, 24)}`,
    );
  }
  const alg = str(header, 'alg');
  checkSignature(alg, signature);
  const payload = segmentJson(p, 'content');
  if (payload === undefined) {
    throw new AppError(
      'input-not-json',
      'The content of this activation key does not decode: the key was altered on the way (letter case changed, characters lost or added).',
      { action: RECOPY },
    );
  }
  const cloudId = str(payload, 'cloudId');
  if (cloudId === undefined || !isGuid(cloudId)) {
    throw new AppError('input-no-cloud-id', 'This activation key has no cloud ID, so it cannot activate a stamp.', {
      action: RECOPY,
    });
  }
  const expires = readExpiry(payload);
  const hosts = hostsOf(payload);
  return { canonical, summary: keySummary(alg ?? '', header, cloudId.trim(), hosts.length, expires, payload), hosts, header, payload };
};

const notAKey = (raw: string, compact: string): AppError => {
  if (compact.startsWith('{')) {
    return malformed('This is JSON text, but not a saved activation key: it has no “activationKey” text.', `First characters: ${compact.slice(0, 24)}`);
  }
  if (base64Flaw(compact, 'standard') === undefined) {
    try {
      decodeRegistrationToken(compact);
      return new AppError('input-is-token', 'This is a registration token, not an activation key.', {
        action: 'Take the token to the connected machine to register it in Azure; it returns the activation key to bring back here.',
      });
    } catch {
      // Not a token either: say what it looks like below.
    }
  }
  if (looksLikeProse(raw)) return malformed('This file holds ordinary text (words separated by spaces), not an activation key.', `First characters: ${compact.slice(0, 24)}`);
  const flaw = base64Flaw(compact.split('.').join(''), 'url');
  if (flaw?.kind === 'character') {
    const { message, detail } = base64Problem(raw, compact.split('.').join(''), flaw, 'activation key', 'url');
    return malformed(message, detail);
  }
  return malformed('This text is not an activation key: a key has three parts separated by dots.', `First characters: ${compact.slice(0, 24)}`);
};

const keySummary = (alg: string, header: JsonObject, cloudId: string, hostCount: number, expires: string, p: JsonObject): KeySummary => {
  const issuer = str(p, 'issuer');
  const summary: KeySummary = { algorithm: alg, cloudId, hostCount, expires, practice: isPracticeIssuer(issuer) };
  const optional = {
    keyId: str(header, 'kid'),
    objectId: str(p, 'objectId'),
    subscriptionId: str(p, 'subscriptionId'),
    resourceGroupName: str(p, 'resourceGroupName'),
    registrationName: str(p, 'registrationName'),
    billingModel: str(p, 'billingModel'),
    usageReportingEnabled: bool(p, 'usageReportingEnabled'),
    marketplaceSyndicationEnabled: bool(p, 'marketplaceSyndicationEnabled'),
    version: str(p, 'version'),
    issuer,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(summary, { [k]: v });
  return summary;
};
