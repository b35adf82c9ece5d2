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

/**
 * The one-line form of pasted or read text: no BOM, no line breaks, no blank lines, no spaces.
 * Base64 wrapped over several lines joins back into one string.
 */
export const compactText = (text: string): string => {
  if (text.length > MAX_INPUT_BYTES) throw tooLarge(text.length);
  return text.replace(/[\s\ufeff]+/g, '');
};
