import { compactVerify, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { KEY_SIGNATURE_NOTICE, PRACTICE_ISSUER, bytesToText, decodeActivationKey } from '../../../../shared/domain';
import { PRACTICE_KEY_ID, PRACTICE_VERIFY_KEY_PEM } from '../../../../electron/practice/signing-key';
import { encodeToken, keySample, problemOf, scrambledKey, signKey, tokenSample, utf16leBom } from '../../../fixtures/handoff/samples';

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

describe('decodeActivationKey', () => {
  it('decodes the sample payload signed with the practice key, keeping the JWS byte for byte', async () => {
    const jws = await signKey(keySample().payload);
    const decoded = decodeActivationKey(bytesToText(utf16leBom(`${jws}\r\n`)).text);
    expect(decoded.canonical).toBe(jws);
    expect(decoded.summary).toEqual({
      algorithm: 'RS256',
      keyId: PRACTICE_KEY_ID,
      cloudId: '69464895-3a1a-450a-9824-4b7608d9203f',
      objectId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795',
      subscriptionId: '9001f36e-41de-4edb-9913-780fa5d06b36',
      resourceGroupName: 'test',
      registrationName: 'azstests5616',
      billingModel: 'Development',
      usageReportingEnabled: false,
      marketplaceSyndicationEnabled: true,
      expires: '9999-12-30T23:59:59.9999999Z',
      hostCount: 1,
      version: '1.0',
      issuer: 'someone',
      practice: false,
    });
    expect(decoded.hosts).toEqual([{ name: 'HC1u15a0212', uuid: '5c91e766-2599-4920-b483-4fa9203dca71', numCores: 2 }]);
    // The canonical text still verifies: nothing was re-encoded.
    const verified = await compactVerify(decoded.canonical, await importSPKI(PRACTICE_VERIFY_KEY_PEM, 'RS256'));
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toMatchObject({ registrationName: 'azstests5616' });
  });

  it('marks a practice key and unwraps a saved getactivationkey response', async () => {
    const jws = await signKey({ ...keySample().payload, issuer: PRACTICE_ISSUER });
    const decoded = decodeActivationKey(JSON.stringify({ activationKey: jws }, null, 2));
    expect(decoded.canonical).toBe(jws);
    expect(decoded.summary.practice).toBe(true);
  });

  it('says the signature cannot be verified offline', () => {
    expect(KEY_SIGNATURE_NOTICE.text).toMatch(/signature cannot be checked/);
  });

  it('refuses the case-scrambled published key: its header does not decode', () => {
    const p = problemOf(() => decodeActivationKey(scrambledKey()));
    expect(p.code).toBe('input-malformed');
    expect(p.message).toMatch(/first is not an activation key header/);
  });

  it('refuses a registration token with input-is-token', () => {
    const p = problemOf(() => decodeActivationKey(encodeToken(tokenSample())));
    expect(p.code).toBe('input-is-token');
    expect(p.action).toMatch(/connected machine/);
  });

  const header = b64url('{"alg":"RS256","kid":"k"}');
  const payload = b64url(JSON.stringify({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f', expires: '9999-12-30T23:59:59.9999999Z' }));
  const sig = Buffer.alloc(256, 7).toString('base64url');
  it.each([
    ['empty', '  \r\n', 'input-empty'],
    ['two parts', `${header}.${payload}`, 'input-malformed'],
    ['four parts', `${header}.${payload}.${sig}.${sig}`, 'input-malformed'],
    ['random text', 'not a key at all', 'input-malformed'],
    ['a header that is not base64url', `${header}+.${payload}.${sig}`, 'input-malformed'],
    ['a header that is not JSON', `${b64url('hello')}.${payload}.${sig}`, 'input-malformed'],
    ['a payload that is not JSON', `${header}.${b64url('[1]')}.${sig}`, 'input-not-json'],
    ['no signing algorithm', `${b64url('{"kid":"k"}')}.${payload}.${sig}`, 'input-malformed'],
    ['alg none', `${b64url('{"alg":"none"}')}.${payload}.${sig}`, 'input-malformed'],
    ['alg NONE with spaces', `${b64url('{"alg":" NONE "}')}.${payload}.${sig}`, 'input-malformed'],
    ['an empty alg', `${b64url('{"alg":""}')}.${payload}.${sig}`, 'input-malformed'],
    ['an unknown alg', `${b64url('{"alg":"HS256"}')}.${payload}.${b64url('x'.repeat(32))}`, 'input-malformed'],
    ['no signature', `${header}.${payload}.`, 'input-malformed'],
    ['a signature cut short', `${header}.${payload}.${sig.slice(0, 300)}`, 'input-malformed'],
    ['a signature of an impossible length', `${header}.${payload}.${sig.slice(0, 341)}`, 'input-not-base64'],
    ['a signature in standard base64', `${header}.${payload}.${Buffer.alloc(256, 0xfb).toString('base64')}`, 'input-malformed'],
    ['an ES256 signature of RSA size', `${b64url('{"alg":"ES256"}')}.${payload}.${sig}`, 'input-malformed'],
    ['no cloud ID', `${header}.${b64url('{"billingModel":"Development"}')}.${sig}`, 'input-no-cloud-id'],
    ['no expiry', `${header}.${b64url('{"cloudId":"69464895-3a1a-450a-9824-4b7608d9203f"}')}.${sig}`, 'input-malformed'],
  ])('refuses %s with %s', (_name, text, code) => {
    const p = problemOf(() => decodeActivationKey(text));
    expect(p.code).toBe(code);
    expect(p.action).toBeTruthy();
  });

  it.each([
    ['RS256', 256],
    ['RS256', 384],
    ['PS512', 512],
    ['ES256', 64],
    ['ES512', 132],
  ])('accepts a hand-built %s key whose signature has a length it can have (%i bytes)', (alg, bytes) => {
    const key = `${b64url(JSON.stringify({ alg, kid: 'k' }))}.${payload}.${Buffer.alloc(bytes, 1).toString('base64url')}`;
    expect(decodeActivationKey(key).summary).toMatchObject({ algorithm: alg, keyId: 'k' });
  });

  it.each([
    ['garbage', 'garbage'],
    ['an impossible date', '2020-13-45T00:00:00Z'],
    ['31 February', '2027-02-31T00:00:00Z'],
    ['a culture-dependent form', '01/01/2020 00:00:00'],
    ['a trailing word', '9999-12-30T23:59:59Z soon'],
    ['an empty string', ''],
    ['a number', 0],
    ['null', null],
    ['a boolean', true],
  ])('refuses a key whose expiry is %s, never taking it as valid', (_name, expires) => {
    const content = b64url(JSON.stringify({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f', expires }));
    const p = problemOf(() => decodeActivationKey(`${header}.${content}.${sig}`));
    expect(p.code).toBe('input-malformed');
    expect(p.message).toMatch(/expiry date/);
  });

  it('says which signature length it found and which the algorithm gives', () => {
    const p = problemOf(() => decodeActivationKey(`${header}.${payload}.${sig.slice(0, 340)}`));
    expect(p.message).toContain('255 bytes long, but RS256 signatures are 256, 384 or 512 bytes long');
  });
});
