import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/contract';
import { scriptDigest, verifyScriptDigest } from '../../../../electron/integrity';

const SCRIPT = Buffer.from('#Requires -Version 5.1\r\nSet-StrictMode -Version 3\r\nexit 0\r\n', 'latin1');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
// What Set-AuthenticodeSignature appends to a signed .ps1.
const SIGNED = Buffer.concat([SCRIPT, Buffer.from('\r\n# SIG # Begin signature block\r\n# MIIkSQYJKoZIhvcNAQcCoIIkOjCCJDYCAQExDzANBglghkgBZQMEAgEFADB5Bgor\r\n# BgEEAYI3AgEEoGswaTA0BgorBgEEAYI3AgEeMCYCAwEAAAQQH8w7YFlLCE63JNLG\r\n# SIG # End signature block\r\n', 'latin1')]);

const files = (entries: Record<string, Uint8Array>) => (path: string): Uint8Array => {
  const bytes = entries[path];
  if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  return bytes;
};

const problemOf = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return isAppError(err) ? err.problem : err;
  }
  return undefined;
};

describe('scriptDigest', () => {
  it('is the SHA-256 of the script without trailing line breaks', () => {
    expect(scriptDigest(SCRIPT)).toBe(sha256(SCRIPT.subarray(0, SCRIPT.length - 2)));
  });

  it('is the same once the script is Authenticode-signed', () => {
    expect(scriptDigest(SIGNED)).toBe(scriptDigest(SCRIPT));
  });

  it('changes with any edit to the code, even one byte or one inside a signed file', () => {
    const edited = Buffer.from(SCRIPT);
    edited[edited.indexOf('exit 0') + 5] = '1'.charCodeAt(0);
    expect(scriptDigest(edited)).not.toBe(scriptDigest(SCRIPT));
    const signedEdited = Buffer.from(SIGNED);
    signedEdited[signedEdited.indexOf('exit 0') + 5] = '1'.charCodeAt(0);
    expect(scriptDigest(signedEdited)).not.toBe(scriptDigest(SCRIPT));
    // Code hidden after a fake signature block is still code.
    const smuggled = Buffer.concat([SIGNED, Buffer.from('Invoke-Expression $evil\r\n', 'latin1')]);
    expect(scriptDigest(smuggled)).not.toBe(scriptDigest(SCRIPT));
  });

  it('reads the shipped pep-host.ps1', () => {
    expect(scriptDigest(readFileSync(join(import.meta.dirname, '../../../../resources/pep-host.ps1')))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyScriptDigest', () => {
  const path = 'C:\\Program Files\\AzS Registrar\\resources\\pep-host.ps1';
  const expected = scriptDigest(SCRIPT);

  it('accepts the script it was built with, signed or not', () => {
    expect(problemOf(() => verifyScriptDigest({ readFile: files({ [path]: SCRIPT }), path, expected }))).toBeUndefined();
    expect(problemOf(() => verifyScriptDigest({ readFile: files({ [path]: SIGNED }), path, expected }))).toBeUndefined();
  });

  it('refuses a changed script and says to reinstall', () => {
    const changed = Buffer.concat([SCRIPT, Buffer.from('Write-Host hi\r\n', 'latin1')]);
    expect(problemOf(() => verifyScriptDigest({ readFile: files({ [path]: changed }), path, expected }))).toEqual({
      code: 'pep-failed',
      message: expect.stringMatching(/PowerShell host script .* was changed or damaged/),
      action: expect.stringMatching(/^Reinstall AzS Registrar/),
      retryable: false,
      detail: `${path}: SHA-256 ${scriptDigest(changed)}, expected ${expected}.`,
    });
  });

  it('refuses a missing script with the file system error as detail', () => {
    expect(problemOf(() => verifyScriptDigest({ readFile: files({}), path, expected }))).toMatchObject({
      code: 'pep-failed',
      message: expect.stringMatching(/missing or cannot be read/),
      action: expect.stringMatching(/^Reinstall/),
      detail: expect.stringContaining('ENOENT'),
    });
  });

  it.each([undefined, '', 'abc', expected.toUpperCase()])('refuses to run anything when the build recorded no valid digest (%s)', (bad) => {
    expect(problemOf(() => verifyScriptDigest({ readFile: files({ [path]: SCRIPT }), path, expected: bad }))).toMatchObject({ code: 'pep-failed', message: expect.stringMatching(/no fingerprint/) });
  });
});
