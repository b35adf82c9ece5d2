import { createHash } from 'node:crypto';
import { AppError } from '../../shared/contract/problems';

// pep-host.ps1 is Authenticode-signed at packaging, after the build recorded its digest. Signing
// appends a "# SIG # Begin signature block … # SIG # End signature block" trailer; the signature
// itself covers the text before it. So the digest is taken over the script without that trailer
// (and without trailing line breaks, which signing may add): same value before and after signing,
// while any edit to the script's code changes it.
const SIGNATURE_TRAILER = /(?:\r?\n)*# SIG # Begin signature block\r?\n(?:# [^\r\n]*\r?\n)*?# SIG # End signature block[\r\n]*$/;
const TRAILING_BREAKS = /[\r\n]+$/;

/** SHA-256 (lower-case hex) of the script's code, ignoring an Authenticode signature block. */
export const scriptDigest = (bytes: Uint8Array): string => {
  const text = Buffer.from(bytes).toString('latin1'); // byte-for-byte, whatever the encoding
  const code = text.replace(SIGNATURE_TRAILER, '').replace(TRAILING_BREAKS, '');
  return createHash('sha256').update(Buffer.from(code, 'latin1')).digest('hex');
};

export type ScriptDigestCheck = {
  /** Reads the whole file; synchronous because it runs inside the (synchronous) host spawn. */
  readFile(path: string): Uint8Array;
  path: string;
  /** The digest recorded at build time; undefined when this build did not record one. */
  expected: string | undefined;
};

const ACTION = 'Reinstall AzS Registrar from its signed installer, then try again. Do not edit files in the installation folder.';

/** Throws unless the script on disk is the one this build shipped; returns the bytes it verified. */
export const verifyScriptDigest = ({ readFile, path, expected }: ScriptDigestCheck): Uint8Array => {
  if (!expected || !/^[0-9a-f]{64}$/.test(expected)) {
    throw new AppError('pep-failed', 'This build of AzS Registrar has no fingerprint of its PowerShell host script, so it will not run it.', {
      action: ACTION,
      detail: `Expected digest missing or malformed for ${path}.`,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFile(path);
  } catch (err) {
    throw new AppError('pep-failed', 'The PowerShell host script of AzS Registrar is missing or cannot be read.', {
      action: ACTION,
      detail: `${path}: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  const actual = scriptDigest(bytes);
  if (actual !== expected) {
    throw new AppError('pep-failed', 'The PowerShell host script of AzS Registrar was changed or damaged since it was installed, so it will not be run against the stamp.', {
      action: ACTION,
      detail: `${path}: SHA-256 ${actual}, expected ${expected}.`,
    });
  }
  return bytes;
};
