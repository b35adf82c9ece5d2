import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/handoff';

// Independent reference: the first 15 hex digits (60 bits) of SHA-256, in Crockford base32.
const reference = (text: string): string => {
  const value = BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 15)}`);
  const digits = value.toString(32).padStart(12, '0').toUpperCase();
  const crockford = [...digits].map((d) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(d, 32)]).join('');
  return `${crockford.slice(0, 4)}-${crockford.slice(4, 8)}-${crockford.slice(8)}`;
};

describe('fingerprintOf', () => {
  it.each(['', 'eyJjbG91ZElkIjoiYWJjIn0=', 'a.b.c'])('matches the reference for %j', (text) => {
    expect(fingerprintOf(text)).toBe(reference(text));
  });

  it('is short, unambiguous and differs for a one-character change', () => {
    const a = fingerprintOf('eyJjbG91ZElkIjoiYWJjIn0=');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(fingerprintOf('eyJjbG91ZElkIjoiYWJjIn0=')).toBe(a);
    expect(fingerprintOf('EyJjbG91ZElkIjoiYWJjIn0=')).not.toBe(a);
  });
});
