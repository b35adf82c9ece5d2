import { describe, expect, it } from 'vitest';
import { PRACTICE_ISSUER, bytesToText, decodeRegistrationToken } from '../../../../shared/domain';
import { encodeToken, problemOf, scrambledKey, scrambledToken, signKey, tokenSample, utf16leBom, wrap } from '../../../fixtures/handoff/samples';

describe('decodeRegistrationToken', () => {
  it('decodes the re-encoded public sample, reading keys case-insensitively', () => {
    const token = encodeToken(tokenSample());
    const { canonical, summary, payload } = decodeRegistrationToken(token);
    expect(canonical).toBe(token);
    expect(summary).toEqual({
      cloudId: '69464895-3a1a-450a-9824-4b7608d9203f',
      objectId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795',
      billingModel: 'Development',
      marketplaceSyndicationEnabled: true,
      hostCount: 1,
      hosts: [{ name: 'HC1u15a0212', uuid: '5c91e766-2599-4920-b483-4fa9203dca71', numCores: 2 }],
      issuer: 'someone',
      version: '1.0',
      practice: false,
    });
    // Unknown and oddly cased fields stay in the payload untouched.
    expect((payload as { hardwareInfo: { Bios: string[] }[] }).hardwareInfo[0]?.Bios).toEqual(['3dd2a007a19443048bfdfb9837967ecf']);
  });

  it('reads a token file written by Out-File (UTF-16 LE, BOM, CRLF) and wrapped base64 to the same canonical line', () => {
    const token = encodeToken(tokenSample());
    const fromFile = bytesToText(utf16leBom(`${wrap(token, 76)}\r\n\r\n`)).text;
    expect(decodeRegistrationToken(fromFile).canonical).toBe(token);
    expect(decodeRegistrationToken(fromFile).canonical).not.toMatch(/\s/);
  });

  it('restores lost base64 padding', () => {
    const token = encodeToken({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f', x: 1 });
    expect(token.endsWith('=')).toBe(true);
    expect(decodeRegistrationToken(token.replace(/=+$/, '')).canonical).toBe(token);
  });

  it('accepts PascalCase keys (CloudId, BillingModel) and string booleans, and keeps unknown fields', () => {
    const token = encodeToken({ CloudId: '69464895-3A1A-450A-9824-4B7608D9203F', BillingModel: 'Capacity', UsageReportingEnabled: 'False', AgreementNumber: '123', Extra: { a: 1 } });
    const { summary, payload } = decodeRegistrationToken(token);
    expect(summary.cloudId).toBe('69464895-3A1A-450A-9824-4B7608D9203F');
    expect(summary.billingModel).toBe('Capacity');
    expect(summary.usageReportingEnabled).toBe(false);
    expect(summary.agreementNumber).toBe('123');
    expect(payload).toMatchObject({ Extra: { a: 1 } });
  });

  it('marks a token from the practice stamp', () => {
    const token = encodeToken({ ...tokenSample(), issuer: PRACTICE_ISSUER });
    expect(decodeRegistrationToken(token).summary.practice).toBe(true);
  });

  it('refuses the case-scrambled published sample as altered (input-not-json)', () => {
    const p = problemOf(() => decodeRegistrationToken(scrambledToken()));
    expect(p.code).toBe('input-not-json');
    expect(p.message).toMatch(/altered/);
    expect(p.action).toBeTruthy();
  });

  it.each([
    ['empty', '', 'input-empty'],
    ['blank lines only', '\r\n \r\n\t', 'input-empty'],
    ['not base64', 'this is not a token!', 'input-not-base64'],
    ['bad padding', 'QUJD=====', 'input-not-base64'],
    ['one character too many', 'QUJDR', 'input-not-base64'],
    ['decoded JSON pasted instead of the token', '{"cloudId":"69464895-3a1a-450a-9824-4b7608d9203f"}', 'input-not-base64'],
    ['base64 of plain text', Buffer.from('hello world').toString('base64'), 'input-not-json'],
    ['base64 of a JSON array', encodeToken([1, 2]), 'input-not-json'],
    ['base64 of invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), 'input-not-json'],
    ['JSON without a cloud ID', encodeToken({ billingModel: 'Development' }), 'input-no-cloud-id'],
    ['a cloud ID that is not a GUID', encodeToken({ cloudId: 'stamp-1' }), 'input-no-cloud-id'],
    ['the published activation key (its header is scrambled)', scrambledKey(), 'input-malformed'],
    ['three dotted words', 'abc.def.ghi', 'input-malformed'],
  ])('refuses %s with %s and an action', (_name, text, code) => {
    const p = problemOf(() => decodeRegistrationToken(text));
    expect(p.code).toBe(code);
    expect(p.action).toBeTruthy();
  });

  it('refuses a signed activation key with input-is-key', async () => {
    const key = await signKey({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f' });
    expect(problemOf(() => decodeRegistrationToken(key)).code).toBe('input-is-key');
  });
});
