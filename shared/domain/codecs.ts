// Small strict codecs. shared/ runs in the renderer and in main with no DOM or Node globals
// (tsconfig.shared has `types: []`), so TextDecoder and atob are not available here. Each returns
// undefined on any invalid input instead of substituting U+FFFD: a token with one wrong byte is
// a wrong token, and the operator must be told.

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const lookup = (alphabet: string): Map<string, number> => new Map([...alphabet].map((c, i) => [c, i]));
const STANDARD_VALUES = lookup(STANDARD);
const URL_VALUES = lookup(URL_SAFE);

/** Standard padded base64, as a registration token: letters, digits, + and /, then 0–2 '='. */
export const STANDARD_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** One base64url segment of a JWS: no padding. */
export const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes base64 (standard or URL-safe, padding optional). Undefined when the text is not base64. */
export const decodeBase64 = (text: string, variant: 'standard' | 'url'): Uint8Array | undefined => {
  const values = variant === 'standard' ? STANDARD_VALUES : URL_VALUES;
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const c of body) {
    const v = values.get(c);
    if (v === undefined) return undefined;
    acc = (acc << 6) | v;
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

/** Three dot-separated base64url segments: the shape of a JWS such as an activation key. */
export const JWS_SHAPE = /^[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]*$/;
