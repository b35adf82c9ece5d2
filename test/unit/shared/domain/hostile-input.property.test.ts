import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { MAX_INPUT_BYTES, bytesToText, decodeActivationKey, decodeRegistrationToken } from '../../../../shared/domain';
import type { DecodedKey, DecodedToken } from '../../../../shared/domain';
import { encodeToken, keySample, signKey, tokenSample } from '../../../fixtures/handoff/samples';

// Property-based tests of the token and key codecs against what USB sticks, editors, mail and chat
// do to text: random bytes, truncations, single-character edits, inserted control and zero-width
// characters, the other base64 alphabet, padding, repeated keys, and inputs up to the 1 MiB limit.

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
let TOKEN: string;
let KEY: string;
beforeAll(async () => {
  TOKEN = encodeToken(tokenSample());
  KEY = await signKey(keySample().payload);
});

/** The decoder's result, or the project's typed error; anything else thrown fails the property. */
const attempt = <T>(fn: () => T): { ok: true; value: T } | { ok: false; error: AppError } => {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err };
    throw err;
  }
};

const fromBytes = (bytes: Uint8Array, decode: (text: string) => unknown) => attempt(() => decode(bytesToText(bytes).text));

// Characters edits bring in: both base64 alphabets, padding, dots, whitespace, controls, invisibles.
const EDIT_CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ...'+/-_=.{}":, ',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  'é',
  '😀',
];
const editChar = fc.constantFrom(...EDIT_CHARS);

type Edit = { kind: 'replace' | 'insert' | 'delete' | 'truncate'; at: number; ch: string };
const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'), at: fc.nat(), ch: editChar }) as fc.Arbitrary<Edit>;
const applyEdit = (text: string, e: Edit): string => {
  const at = e.at % (text.length + 1);
  if (e.kind === 'replace') return text.slice(0, at) + e.ch + text.slice(at + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.ch + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at);
};

// Node's own decoders are lenient (they ignore unused bits and stray padding): two texts that give
// the same bytes here must have the same canonical form in the app, or a fingerprint could differ
// for the same content and agree for different content.
const tokenBytes = (canonical: string): string => Buffer.from(canonical, 'base64').toString('hex');
const keyBytes = (canonical: string): string =>
  canonical
    .split('.')
    .map((p) => Buffer.from(p, 'base64url').toString('hex'))
    .join('.');

describe('codecs never crash: only the project’s typed errors', () => {
  it('random bytes, as a token file and as a key file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        fromBytes(bytes, decodeRegistrationToken);
        fromBytes(bytes, decodeActivationKey);
      }),
      { numRuns: 400 },
    );
  });

  it('random text of any code points, and random base64-looking text', () => {
    const b64ish = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=.'), maxLength: 400 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), b64ish), (text) => {
        attempt(() => decodeRegistrationToken(text));
        attempt(() => decodeActivationKey(text));
      }),
      { numRuns: 400 },
    );
  });

  it('random JSON objects, encoded as a token and as the content of a key', () => {
    fc.assert(
      fc.asyncProperty(fc.object({ maxDepth: 3 }), fc.option(fc.constantFrom(CLOUD, CLOUD.toUpperCase(), ` {${CLOUD}} `)), async (obj, cloudId) => {
        const payload = cloudId === null ? obj : { ...obj, cloudId };
        attempt(() => decodeRegistrationToken(encodeToken(payload)));
        attempt(() => decodeActivationKey(`${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${'A'.repeat(342)}`));
      }),
      { numRuns: 200 },
    );
  });
});

describe('edits of a valid token or key are refused, or change nothing after normalisation, or change the content', () => {
  const check = <T extends DecodedToken | DecodedKey>(original: () => string, decode: (text: string) => T, bytesOf: (c: string) => string) =>
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.constantFrom('plain', 'wrapped', 'utf16'), (edits, form) => {
        const base = original();
        const canonicalBefore = decode(base).canonical;
        let text = edits.reduce(applyEdit, base);
        if (form === 'wrapped') text = text.replace(/(.{64})/g, '$1\r\n');
        const bytes = form === 'utf16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf8');
        const r = fromBytes(bytes, decode);
        if (!r.ok) {
          expect(r.error.problem.action).toBeTruthy();
          return;
        }
        const after = r.value as T;
        // Normalisation is stable: decoding the canonical form gives it back.
        expect(decode(after.canonical).canonical).toBe(after.canonical);
        // Same content means same canonical text (so the same fingerprint), and the reverse.
        expect(after.canonical === canonicalBefore).toBe(bytesOf(after.canonical) === bytesOf(canonicalBefore));
      }),
      { numRuns: 500, endOnFailure: true },
    );

  it('token', () => check(() => TOKEN, decodeRegistrationToken, tokenBytes));
  it('key', () => check(() => KEY, decodeActivationKey, keyBytes));

  it('a key cut short anywhere is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (cut) => {
        const r = attempt(() => decodeActivationKey(KEY.slice(0, KEY.length - cut)));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('the other base64 alphabet is refused with a message naming it', () => {
    const token = encodeToken({ ...tokenSample(), note: '???>>>~~~ÿþý' });
    expect(token).toMatch(/[+/]/);
    const urlToken = token.replace(/\+/g, '-').replace(/\//g, '_');
    const r = attempt(() => decodeRegistrationToken(urlToken));
    expect(r.ok ? undefined : r.error.problem.message).toMatch(/re-encoded.*base64url/);
    const [h, p, s] = KEY.split('.') as [string, string, string];
    const stdKey = [h, p, Buffer.from(s, 'base64url').toString('base64')].join('.');
    const k = attempt(() => decodeActivationKey(stdKey));
    expect(k.ok).toBe(false);
  });
});

describe('duplicate keys under case folding are refused wherever they are', () => {
  const caseVariant = (name: string) =>
    fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((flips) => [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

  it('in a token, for any field and any letter case, first or last', () => {
    const sample = tokenSample();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(sample)).chain((k) => fc.tuple(fc.constant(k), caseVariant(k))), fc.boolean(), ([, variant], first) => {
        const json = JSON.stringify(sample);
        const extra = `"${variant}":${JSON.stringify(CLOUD)}`;
        const text = first ? `{${extra},${json.slice(1)}` : `${json.slice(0, -1)},${extra}}`;
        const r = attempt(() => decodeRegistrationToken(Buffer.from(text).toString('base64')));
        expect(r.ok ? 'accepted' : r.error.problem.code).toBe('input-malformed');
      }),
      { numRuns: 150 },
    );
  });

  it('in a key’s content and header, also nested and spelled with escapes', async () => {
    const { payload } = keySample();
    const sig = Buffer.alloc(256, 1).toString('base64url');
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const good = JSON.stringify(payload);
    const cases = [
      `${good.slice(0, -1)},"CLOUDID":"11111111-2222-3333-4444-555555555555"}`,
      `${good.slice(0, -1)},"cloudId":"11111111-2222-3333-4444-555555555555"}`,
      `${good.slice(0, -1)},"cloud\\u0049d":"11111111-2222-3333-4444-555555555555"}`,
      good.replace('"name":"HC1u15a0212"', '"name":"HC1u15a0212","Name":"other"'),
    ];
    for (const content of cases) {
      expect(attempt(() => decodeActivationKey(`${b64('{"alg":"RS256"}')}.${b64(content)}.${sig}`))).toMatchObject({ ok: false, error: { problem: { code: 'input-malformed' } } });
    }
    expect(attempt(() => decodeActivationKey(`${b64('{"alg":"RS256","ALG":"none"}')}.${b64(good)}.${sig}`))).toMatchObject({ ok: false, error: { problem: { code: 'input-malformed' } } });
    // The same names in different objects are not repeats.
    expect(attempt(() => decodeActivationKey(`${b64('{"alg":"RS256"}')}.${b64(good)}.${sig}`)).ok).toBe(true);
  });
});

describe('huge inputs and decode time', () => {
  const hostile = (n: number): string[] => {
    const half = Math.floor(n / 2);
    return [
      '='.repeat(n),
      `${'A'.repeat(n - 1)}=`,
      `${'A'.repeat(n - 1)}!`,
      'a.'.repeat(half),
      `${'A'.repeat(half)}.${'A'.repeat(half - 2)}.`,
      'word '.repeat(Math.floor(n / 5)),
      '\u200b'.repeat(n),
      encodeToken({ cloudId: CLOUD, filler: 'x'.repeat(Math.floor(n * 0.7)) }),
      encodeToken(Object.fromEntries(Array.from({ length: Math.floor(n / 40) }, (_, i) => [`field${i}`, i]))),
      Buffer.from(`{"cloudId":"${CLOUD}","deep":${'['.repeat(Math.floor(n / 4))}${']'.repeat(Math.floor(n / 4))}}`).toString('base64'),
      `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ cloudId: CLOUD, expires: `2026-01-01T00:00:00.${'1'.repeat(Math.floor(n * 0.7))}Z` })).toString('base64url')}.${'A'.repeat(342)}`,
      `{"activationKey":"${'='.repeat(n - 20)}"}`,
    ].map((s) => s.slice(0, n));
  };

  const decodeAll = (inputs: string[]): void => {
    for (const text of inputs) {
      attempt(() => decodeRegistrationToken(text));
      attempt(() => decodeActivationKey(text));
      attempt(() => bytesToText(Buffer.from(text, 'utf8')));
    }
  };

  it('every hostile input up to the limit gets an answer or a typed error; the garbage ones are refused', () => {
    const inputs = hostile(MAX_INPUT_BYTES);
    const refused = inputs.map((text) => [decodeRegistrationToken, decodeActivationKey].map((decode) => !attempt(() => decode(text)).ok));
    // '=', base64 ending in '=' or '!', dots, bare dotted parts, prose, zero-width spaces: never accepted.
    expect(refused.slice(0, 7).flat().every(Boolean)).toBe(true);
    expect(refused[7]).toEqual([false, true]);
  }, 90_000);

  it('decode time grows linearly: eight times the input takes nowhere near sixty-four times the work', () => {
    const small = hostile(60_000);
    const large = hostile(480_000);
    decodeAll(small); // warm the JIT
    const best = (inputs: string[]): number => {
      let min = Infinity;
      for (let run = 0; run < 3; run += 1) {
        // CPU time of this test process (forks pool), not wall time: other work on the machine stays out.
        const t0 = process.cpuUsage();
        decodeAll(inputs);
        const used = process.cpuUsage(t0);
        min = Math.min(min, used.user + used.system);
      }
      return min;
    };
    const ratio = best(large) / best(small);
    // Linear is about 8; quadratic about 64. The generous bound absorbs a busy machine.
    expect(ratio).toBeLessThan(24);
  }, 90_000);
});
