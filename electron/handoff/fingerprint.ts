import { createHash } from 'node:crypto';
import type { Fingerprint } from '../../shared/domain';

// A short digest people can compare across the air gap by reading it aloud: 60 bits of SHA-256 in
// Crockford base32 (no I, L, O, U), grouped XXXX-XXXX-XXXX. Both machines show it for the same text.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const fingerprintOf = (canonical: string): Fingerprint => {
  const digest = createHash('sha256').update(canonical, 'utf8').digest();
  let bits = digest.readBigUInt64BE(0) >> 4n;
  const symbols: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    symbols.unshift(CROCKFORD[Number(bits & 31n)] ?? '0');
    bits >>= 5n;
  }
  return [0, 4, 8].map((i) => symbols.slice(i, i + 4).join('')).join('-');
};
