import { AppError } from '../contract/problems';
import { base64Flaw, decodeBase64, decodeUtf8, jwsParts, trailingPadding } from './codecs';
import type { Base64Flaw } from './codecs';
import { isGuid } from './ids';
import { bool, duplicateKey, field, hostsOf, parseObject, str } from './json-fields';
import type { JsonObject } from './json-fields';
import { isPracticeIssuer } from './practice';
import { compactText, describeCharacter, looksLikeProse } from './text-input';
import type { TokenSummary } from './types';

// A registration token is standard padded base64 of UTF-8 JSON (contract §4.1). Azure rejects a
// token that was altered in any way, so `canonical` is the operator's text with only whitespace
// removed (and missing '=' padding restored), never a re-encoding of the decoded JSON.

export type DecodedToken = { canonical: string; summary: TokenSummary; payload: unknown };

const REGENERATE =
  'Copy the token again from the file New-RegistrationToken produced (Get-Content on the stamp side), or generate a new one.';

const notAToken = (message: string, detail?: string): AppError =>
  new AppError('input-not-base64', message, detail === undefined ? { action: REGENERATE } : { action: REGENERATE, detail });

/** A key (or something dotted like one) given where a token is expected. */
const dotted = (parts: [string, string, string]): AppError => {
  const bytes = decodeBase64(parts[0], 'url');
  const json = bytes && decodeUtf8(bytes);
  const header = json === undefined ? undefined : parseObject(json);
  if (header && str(header, 'alg') !== undefined) {
    return new AppError('input-is-key', 'This is an activation key, not a registration token.', {
      action: 'Use it on the stamp side to activate the stamp. Here, pick the registration token file.',
    });
  }
  return new AppError(
    'input-malformed',
    'This is not a registration token: a token has no dots. This text is three parts separated by dots, like an activation key, but its first part is not a key header either: it is some other text, or a key whose beginning was cut or changed.',
    { action: REGENERATE },
  );
};

const fromJson = (compact: string): AppError => {
  const obj = parseObject(compact);
  if (obj && typeof field(obj, 'activationKey') === 'string') {
    return new AppError('input-is-key', 'This is a saved activation key response, not a registration token.', {
      action: 'Use it on the stamp side to activate the stamp. Here, pick the registration token file.',
    });
  }
  return notAToken('This is JSON text, not a registration token: a token is one line of base64.');
};

/** What is wrong with text that is not base64, in the words of what it looks like. */
export const base64Problem = (raw: string, compact: string, flaw: Base64Flaw, what: string, variant: 'standard' | 'url'): { message: string; detail: string } => {
  const start = `First characters: ${compact.slice(0, 24)}`;
  if (flaw.kind !== 'character') {
    return {
      message: `This text is not a whole ${what}: its length (${compact.length} characters) or its end is not that of base64 text. It was cut short, or characters were added.`,
      detail: start,
    };
  }
  if (looksLikeProse(raw)) {
    return { message: `This file holds ordinary text (words separated by spaces), not ${what === 'registration token' ? 'a' : 'an'} ${what}.`, detail: start };
  }
  const c = compact[flaw.index];
  const otherAlphabet = variant === 'standard' ? c === '-' || c === '_' : c === '+' || c === '/';
  if (otherAlphabet) {
    return {
      message: `This ${what} was re-encoded: it holds “${c}”, from the other base64 alphabet (${variant === 'standard' ? 'base64url' : 'standard base64'}). Another tool changed it.`,
      detail: start,
    };
  }
  return {
    message: `This text is not ${what === 'registration token' ? 'a' : 'an'} ${what}: it contains ${describeCharacter(compact, flaw.index)}, which base64 text never holds. Invisible characters come from copying through a document or a chat.`,
    detail: start,
  };
};

export const duplicateProblem = (name: string, what: string, action: string): AppError =>
  new AppError('input-malformed', `This ${what} names the field “${name}” twice (perhaps in different letter case). Programs disagree on which one counts, so it cannot be used safely.`, {
    action,
  });

export const decodeRegistrationToken = (text: string): DecodedToken => {
  const compact = compactText(text);
  if (compact === '') {
    throw new AppError('input-empty', 'There is no registration token in this text or file.', { action: REGENERATE });
  }
  if (compact.startsWith('{')) throw fromJson(compact);
  const parts = jwsParts(compact);
  if (parts) throw dotted(parts);
  const flaw = base64Flaw(compact, 'standard');
  if (flaw) {
    const { message, detail } = base64Problem(text, compact, flaw, 'registration token', 'standard');
    throw notAToken(message, detail);
  }
  // Some copies lose the trailing '='; restoring it gives back the token exactly as issued.
  const body = compact.slice(0, compact.length - trailingPadding(compact));
  const canonical = body.padEnd(Math.ceil(body.length / 4) * 4, '=');
  const bytes = decodeBase64(canonical, 'standard');
  const json = bytes && decodeUtf8(bytes);
  const payload = json === undefined ? undefined : parseObject(json);
  if (json === undefined || payload === undefined) {
    throw new AppError(
      'input-not-json',
      'This is base64 text, but it does not decode to a registration token: it was altered on the way (letter case changed, characters lost or added), or it is another kind of file.',
      { action: REGENERATE },
    );
  }
  const repeated = duplicateKey(json);
  if (repeated !== undefined) throw duplicateProblem(repeated, 'registration token', REGENERATE);
  const cloudId = str(payload, 'cloudId');
  if (cloudId === undefined || !isGuid(cloudId)) {
    throw new AppError('input-no-cloud-id', 'This decodes to JSON, but it has no cloud ID: it is not a registration token.', {
      action: REGENERATE,
    });
  }
  return { canonical, summary: tokenSummary(cloudId.trim(), payload), payload };
};

const tokenSummary = (cloudId: string, p: JsonObject): TokenSummary => {
  const hosts = hostsOf(p);
  const issuer = str(p, 'issuer');
  const summary: TokenSummary = { cloudId, hostCount: hosts.length, hosts, practice: isPracticeIssuer(issuer) };
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
