import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { MAX_INPUT_BYTES, bytesToText, compactText } from '../../../../shared/domain';
import { utf16beBom, utf16leBom, utf8Bom, wrap } from '../../../fixtures/handoff/samples';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.problem.code : `not an AppError: ${String(err)}`;
  }
  return undefined;
};

const TOKEN = 'eyJjbG91ZElkIjoiYWJjIn0=';

describe('bytesToText', () => {
  it.each([
    ['UTF-16 LE with BOM (Windows PowerShell 5.1 Out-File)', utf16leBom(`${TOKEN}\r\n`), 'utf-16le-bom'],
    ['UTF-16 BE with BOM', utf16beBom(`${TOKEN}\r\n`), 'utf-16be-bom'],
    ['UTF-8 with BOM', utf8Bom(`${TOKEN}\n`), 'utf-8-bom'],
    ['UTF-8 without BOM (PowerShell 7)', Buffer.from(`${TOKEN}\n`), 'utf-8'],
  ])('decodes %s', (_name, bytes, encoding) => {
    const out = bytesToText(bytes);
    expect(out.encoding).toBe(encoding);
    expect(compactText(out.text)).toBe(TOKEN);
  });

  it('decodes non-ASCII text and surrogate pairs in UTF-16', () => {
    expect(bytesToText(utf16leBom('é😀')).text).toBe('é😀');
    expect(bytesToText(utf16beBom('é😀')).text).toBe('é😀');
    expect(bytesToText(Buffer.from('é😀')).text).toBe('é😀');
  });

  it.each([
    ['NUL bytes without a BOM (UTF-16 without BOM, or binary)', Buffer.from('a\u0000b\u0000')],
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28])],
    ['overlong UTF-8', Buffer.from([0xc0, 0xaf])],
    ['UTF-8 encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
    ['truncated UTF-8', Buffer.from([0x41, 0xe2, 0x82])],
    ['odd-length UTF-16', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])],
    ['lone UTF-16 surrogate', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])],
    ['control characters', Buffer.from('abc\u0007def')],
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('refuses %s with input-not-text', (_name, bytes) => {
    expect(codeOf(() => bytesToText(bytes))).toBe('input-not-text');
  });

  it('refuses more than 1 MiB with file-too-large, accepts exactly 1 MiB', () => {
    expect(codeOf(() => bytesToText(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41)))).toBe('file-too-large');
    expect(bytesToText(new Uint8Array(MAX_INPUT_BYTES).fill(0x41)).text).toHaveLength(MAX_INPUT_BYTES);
  });
});

describe('compactText', () => {
  it('joins base64 wrapped over several CRLF lines, drops blank lines, spaces and a BOM', () => {
    const long = 'QUJD'.repeat(50);
    expect(compactText(`\ufeff\r\n\r\n  ${wrap(long, 76)}\r\n\r\n\t\n`)).toBe(long);
  });

  it('refuses pasted text over 1 MiB', () => {
    expect(codeOf(() => compactText('A'.repeat(MAX_INPUT_BYTES + 1)))).toBe('file-too-large');
  });
});
