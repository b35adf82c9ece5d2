// Small strict codecs. shared/ runs in the renderer and in main with no DOM or Node globals
// (tsconfig.shared has `types: []`), so TextDecoder and atob are not available here. Each returns
// undefined on any invalid input instead of substituting U+FFFD: a token with one wrong byte is
// a wrong token, and the operator must be told.
//
// Every function here is one explicit scan of its input (no regular expression): a file on a USB
// stick can hold anything up to 1 MiB, and the work must stay linear in its size whatever it holds.

export type Base64Variant = 'standard' | 'url';

const ALPHABETS: Record<Base64Variant, string> = {
  standard: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};
const table = (alphabet: string): Int8Array => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i += 1) t[alphabet.charCodeAt(i)] = i;
  return t;
};
const TABLES: Record<Base64Variant, Int8Array> = { standard: table(ALPHABETS.standard), url: table(ALPHABETS.url) };
const PAD = 0x3d; // '='

/** Value of one base64 character, or -1. */
const valueOf = (t: Int8Array, code: number): number => (code < 128 ? (t[code] ?? -1) : -1);

/** Number of '=' at the end of `text` (a backwards scan). */
export const trailingPadding = (text: string): number => {
  let n = 0;
  while (n < text.length && text.charCodeAt(text.length - 1 - n) === PAD) n += 1;
  return n;
};

/** Why a text is not strict base64 of the given variant; undefined when it is. */
export type Base64Flaw =
  | { kind: 'character'; index: number }
  | { kind: 'padding' }
  | { kind: 'length' }
  | { kind: 'trailing-bits' };

/**
 * Checks strict base64: the alphabet only, at most two '=' and only at the end, a length that whole
 * bytes give (with padding: a multiple of 4), and zero unused bits in the last character, so one
 * byte string has exactly one spelling (an edit can never give the same bytes from other text).
 */
export const base64Flaw = (text: string, variant: Base64Variant): Base64Flaw | undefined => {
  const t = TABLES[variant];
  const pad = trailingPadding(text);
  const body = text.length - pad;
  for (let i = 0; i < body; i += 1) if (valueOf(t, text.charCodeAt(i)) < 0) return { kind: 'character', index: i };
  if (pad > 2 || (pad > 0 && text.length % 4 !== 0)) return { kind: 'padding' };
  const rest = body % 4;
  if (rest === 1) return { kind: 'length' };
  if (rest > 0) {
    const last = valueOf(t, text.charCodeAt(body - 1));
    const unused = rest === 2 ? 0x0f : 0x03;
    if ((last & unused) !== 0) return { kind: 'trailing-bits' };
  }
  return undefined;
};

/** Decodes strict base64 (padding optional). Undefined when `base64Flaw` finds anything. */
export const decodeBase64 = (text: string, variant: Base64Variant): Uint8Array | undefined => {
  if (base64Flaw(text, variant) !== undefined) return undefined;
  const t = TABLES[variant];
  const body = text.length - trailingPadding(text);
  const out = new Uint8Array(Math.floor((body * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (let i = 0; i < body; i += 1) {
    acc = ((acc << 6) | valueOf(t, text.charCodeAt(i))) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
};

const fromCodePoints = (points: number[]): string => {
  let s = '';
  // Chunked: spreading a million arguments would overflow the stack.
  for (let i = 0; i < points.length; i += 8192) s += String.fromCodePoint(...points.slice(i, i + 8192));
  return s;
};

/** Strict UTF-8: rejects overlong forms, surrogates, truncated sequences and code points > U+10FFFF. */
export const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  const points: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      points.push(lead);
      i += 1;
      continue;
    }
    let extra: number;
    let cp: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [extra, cp, min] = [1, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [extra, cp, min] = [2, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [extra, cp, min] = [3, lead & 0x07, 0x10000];
    else return undefined;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    points.push(cp);
    i += extra + 1;
  }
  return fromCodePoints(points);
};

/** Strict UTF-16 (no BOM handling here): even length, surrogates properly paired. */
export const decodeUtf16 = (bytes: Uint8Array, littleEndian: boolean): string | undefined => {
  if (bytes.length % 2 !== 0) return undefined;
  const points: number[] = [];
  const unit = (i: number): number =>
    littleEndian ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  for (let i = 0; i < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return undefined;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 2 >= bytes.length) return undefined;
      const low = unit(i + 2);
      if (low < 0xdc00 || low > 0xdfff) return undefined;
      points.push(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
      i += 2;
    } else points.push(u);
  }
  return fromCodePoints(points);
};

/**
 * The three parts of a JWS in compact serialisation (`header.payload.signature`), when the text has
 * exactly two dots and nothing but base64url characters and '=' besides. One scan.
 */
export const jwsParts = (text: string): [string, string, string] | undefined => {
  const url = TABLES.url;
  const dots: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      dots.push(i);
      if (dots.length > 2) return undefined;
    } else if (c !== PAD && valueOf(url, c) < 0) return undefined;
  }
  const [a, b] = dots;
  if (a === undefined || b === undefined || a === 0 || b === a + 1) return undefined;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
};
