import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { Said } from '../../../../shared/contract';
import { assertKeyUsable, decodeActivationKey, decodeRegistrationToken, matchKey, parseInstant } from '../../../../shared/domain';
import type { KeyMatchContext, KeySummary } from '../../../../shared/domain';
import { encodeToken, keySample, signKey, tokenSample } from '../../../fixtures/handoff/samples';

const NOW = new Date('2026-11-25T12:00:00Z');
const texts = (said: Said[]) => said.map((s) => s.text);
const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const token = decodeRegistrationToken(encodeToken(tokenSample())).summary;
const keyOf = async (changes: Record<string, unknown> = {}) => decodeActivationKey(await signKey({ ...keySample().payload, ...changes }));

const codeOf = (key: KeySummary, ctx: KeyMatchContext): string | undefined => {
  try {
    assertKeyUsable(key, ctx);
  } catch (err) {
    return err instanceof AppError ? err.problem.code : 'other';
  }
  return undefined;
};

describe('matchKey', () => {
  it('the decoded sample pair agrees: same stamp, same token, never expires', async () => {
    const key = await keyOf();
    const match = matchKey(key.summary, { stampCloudId: CLOUD.toUpperCase(), token, keyHosts: key.hosts, now: NOW });
    expect(match).toMatchObject({ stampCloudId: CLOUD.toUpperCase(), matchesStamp: true, matchesToken: true, expired: false, problems: [] });
    expect(texts(match.enables)).toEqual([
      'Development billing: for evaluation and development kits, no charges.',
      'Usage data is not reported to Azure.',
      'Marketplace items can be downloaded from Azure (marketplace syndication).',
      'Registration azstests5616 in resource group test, subscription 9001f36e-41de-4edb-9913-780fa5d06b36.',
      'The registration does not expire.',
    ]);
    expect(codeOf(key.summary, { stampCloudId: CLOUD, token, keyHosts: key.hosts, now: NOW })).toBeUndefined();
  });

  it('leaves stamp and token undecided when they are unknown', async () => {
    const match = matchKey((await keyOf()).summary, { now: NOW });
    expect(match.matchesStamp).toBeUndefined();
    expect(match.matchesToken).toBeUndefined();
  });

  it('flags a key for another stamp', async () => {
    const key = await keyOf();
    const other = '11111111-2222-3333-4444-555555555555';
    const match = matchKey(key.summary, { stampCloudId: other, now: NOW });
    expect(match.matchesStamp).toBe(false);
    expect(match.problems[0]?.text).toContain(other);
    expect(codeOf(key.summary, { stampCloudId: other, now: NOW })).toBe('key-wrong-stamp');
  });

  it.each([
    ['another object ID', { objectId: '00000000-0000-0000-0000-000000000001' }, /object ID/],
    ['another cloud ID', { cloudId: '00000000-0000-0000-0000-000000000002' }, /cloud ID/],
    ['other host names', { hardwareInfo: [{ name: 'OTHER-HOST' }] }, /OTHER-HOST/],
  ])('flags a key with %s as not answering the token', async (_name, changes, text) => {
    const key = await keyOf(changes);
    const match = matchKey(key.summary, { token, keyHosts: key.hosts, now: NOW });
    expect(match.matchesToken).toBe(false);
    expect(texts(match.problems).join(' ')).toMatch(text);
    expect(codeOf(key.summary, { token, keyHosts: key.hosts, now: NOW })).toBe('key-token-mismatch');
  });

  it('compares host counts when host names are not at hand', async () => {
    const key = await keyOf({ hardwareInfo: [{ name: 'a' }, { name: 'b' }] });
    expect(texts(matchKey(key.summary, { token, now: NOW }).problems)).toEqual(['The key covers 2 hosts, the token 1.']);
  });

  it('flags an expired key and refuses it', async () => {
    const key = await keyOf({ expires: '2026-11-25T11:59:59.9999999Z' });
    const match = matchKey(key.summary, { now: NOW });
    expect(match.expired).toBe(true);
    expect(texts(match.enables)).not.toContain('The registration does not expire.');
    expect(codeOf(key.summary, { now: NOW })).toBe('key-expired');
  });

  it('states a near expiry date, and an unreadable one as a problem', async () => {
    const soonKey = await keyOf({ expires: '2027-01-01T00:00:00Z' });
    const soon = matchKey(soonKey.summary, { now: NOW });
    expect(texts(soon.enables)).toContain('The registration is valid until 2027-01-01T00:00:00.000Z.');
    // The decoder refuses such a key; a summary built another way still reports it.
    expect(matchKey({ ...soonKey.summary, expires: 'someday' }, { now: NOW }).problems[0]?.text).toMatch(/cannot be read/);
  });
});

describe('parseInstant', () => {
  it.each([
    ['9999-12-30T23:59:59.9999999Z', '9999-12-30T23:59:59.999Z'],
    ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.1+02:00', '2026-01-02T01:04:05.100Z'],
    ['9999-12-30T15:59:59-0800', '9999-12-30T23:59:59.000Z'],
    ['2026-01-02', '2026-01-02T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['', 'tomorrow', '2026-13-45T99:00:00Z', '2027-02-31T00:00:00Z', '2026-01-02T24:00:00Z', '01/01/2020 00:00:00', '2026-01-02T03:04:05.1234567890Z', '2026-01-02T03:04:05Z extra'])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});
