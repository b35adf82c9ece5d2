import { AppError } from '../contract/problems';
import { decodeUtf16, decodeUtf8 } from './codecs';

// Tokens and keys arrive as files carried by hand: Windows PowerShell 5.1 `Out-File` writes UTF-16 LE
// with a BOM, PowerShell 7 writes UTF-8 without one, editors add CRLF, mail gateways wrap lines.
// Everything here turns those bytes back into the one line Azure and the stamp expect.

export const MAX_INPUT_BYTES = 1_048_576;

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom';

const notText = (why: string): AppError =>
  new AppError('input-not-text', `This file is not a text file (${why}).`, {
    action: 'Pick the .txt file that holds the registration token or activation key, not a document or binary file.',
  });

const tooLarge = (bytes: number): AppError =>
  new AppError('file-too-large', `This file is ${bytes} bytes; a token or key file is far smaller (at most 1 MiB is read).`, {
    action: 'Pick the .txt file that holds only the registration token or activation key.',
  });

// Control characters other than tab, CR and LF do not occur in a text file a person or PowerShell made.
const hasControl = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
};

/** Decodes file bytes with the encodings operators' files actually use; refuses binary content. */
export const bytesToText = (bytes: Uint8Array): { text: string; encoding: TextEncoding } => {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length);
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  let decoded: { text: string | undefined; encoding: TextEncoding };
  if (b0 === 0xff && b1 === 0xfe) decoded = { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le-bom' };
  else if (b0 === 0xfe && b1 === 0xff) decoded = { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be-bom' };
  else if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) decoded = { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  else {
    if (bytes.includes(0)) throw notText('it contains NUL bytes: binary content, or UTF-16 without a byte-order mark');
    decoded = { text: decodeUtf8(bytes), encoding: 'utf-8' };
  }
  if (decoded.text === undefined) throw notText(`it is not valid ${decoded.encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-8'}`);
  if (hasControl(decoded.text)) throw notText('it contains control characters');
  return { text: decoded.text, encoding: decoded.encoding };
};

// What JavaScript's `\s` matches, plus the BOM: the characters copying and wrapping add.
const isSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * The one-line form of pasted or read text: no BOM, no line breaks, no blank lines, no spaces.
 * Base64 wrapped over several lines joins back into one string. One scan.
 */
export const compactText = (text: string): string => {
  if (text.length > MAX_INPUT_BYTES) throw tooLarge(text.length);
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (i > start) out += text.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
};

/**
 * Sentences rather than a token or key: some line holds words separated by spaces. Wrapped base64
 * breaks lines but never puts spaces inside one. One scan.
 */
export const looksLikeProse = (text: string): boolean => {
  let gaps = 0;
  let inWord = false;
  let spaceAfterWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) [inWord, spaceAfterWord] = [false, false];
    else if (c === 0x20 || c === 0x09) spaceAfterWord = spaceAfterWord || inWord;
    else {
      if (spaceAfterWord && (gaps += 1) >= 2) return true;
      [inWord, spaceAfterWord] = [true, false];
    }
  }
  return false;
};

const INVISIBLE: Record<number, string> = {
  0x00ad: 'a soft hyphen',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x200e: 'a left-to-right mark',
  0x200f: 'a right-to-left mark',
  0x2060: 'a word joiner',
};

/** Names the character at `index` of `text` for an error message: visible or not, with its code. */
export const describeCharacter = (text: string, index: number): string => {
  const cp = text.codePointAt(index) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = INVISIBLE[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 'a control character' : `“${String.fromCodePoint(cp)}”`);
  return `${name} (${hex}) at position ${index + 1}`;
};
