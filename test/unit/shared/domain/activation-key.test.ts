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
    expect(KEY_SIGNATURE_NOTICE).toMatch(/signature cannot be checked/);
  });

  it('refuses the case-scrambled published key as altered (input-not-json)', () => {
    const p = problemOf(() => decodeActivationKey(scrambledKey()));
    expect(p.code).toBe('input-not-json');
    expect(p.message).toMatch(/altered/);
  });

  it('refuses a registration token with input-is-token', () => {
    const p = problemOf(() => decodeActivationKey(encodeToken(tokenSample())));
    expect(p.code).toBe('input-is-token');
    expect(p.action).toMatch(/connected machine/);
  });

  const header = b64url('{"alg":"RS256","kid":"k"}');
  const payload = b64url(JSON.stringify({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f' }));
  it.each([
    ['empty', '  \r\n', 'input-empty'],
    ['two parts', `${header}.${payload}`, 'input-malformed'],
    ['four parts', `${header}.${payload}.c2ln.c2ln`, 'input-malformed'],
    ['random text', 'not a key at all', 'input-malformed'],
    ['a header that is not base64url', `${header}+.${payload}.c2ln`, 'input-malformed'],
    ['a header that is not JSON', `${b64url('hello')}.${payload}.c2ln`, 'input-not-json'],
    ['a payload that is not JSON', `${header}.${b64url('[1]')}.c2ln`, 'input-not-json'],
    ['no signing algorithm', `${b64url('{"kid":"k"}')}.${payload}.c2ln`, 'input-malformed'],
    ['alg none', `${b64url('{"alg":"none"}')}.${payload}.c2ln`, 'input-malformed'],
    ['no signature', `${header}.${payload}.`, 'input-malformed'],
    ['no cloud ID', `${header}.${b64url('{"billingModel":"Development"}')}.c2ln`, 'input-no-cloud-id'],
  ])('refuses %s with %s', (_name, text, code) => {
    const p = problemOf(() => decodeActivationKey(text));
    expect(p.code).toBe(code);
    expect(p.action).toBeTruthy();
  });

  it('accepts a hand-built key with any base64url signature (structure only)', () => {
    expect(decodeActivationKey(`${header}.${payload}.c2lnbmF0dXJl`).summary.keyId).toBe('k');
  });
});
