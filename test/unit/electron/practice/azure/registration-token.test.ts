import { describe, expect, it } from 'vitest';
import { decodeRegistrationToken, field } from '../../../../../electron/practice/azure/registration-token';
import { sampleToken } from './harness';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64');

describe('registration token decoding', () => {
  it('reads cloudId, objectId and billing model from the reconstructed sample', () => {
    const token = decodeRegistrationToken(sampleToken());
    expect([token.cloudId, token.objectId, token.billingModel]).toEqual([
      '69464895-3a1a-450a-9824-4b7608d9203f',
      '5b3b06a8-9c6c-4888-9eb3-e8cdace74795',
      'Development',
    ]);
  });

  it('reads keys case-insensitively', () => {
    const token = decodeRegistrationToken(b64({ CloudId: '69464895-3a1a-450a-9824-4b7608d9203f', BillingModel: 'Capacity' }));
    expect([token.cloudId, token.billingModel]).toEqual(['69464895-3a1a-450a-9824-4b7608d9203f', 'Capacity']);
    expect(field({ Bios: [1] }, 'bios')).toEqual([1]);
  });

  it.each([
    ['empty', ''],
    ['not a string', 42],
    ['url-safe base64', b64({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f', x: '>>>??' }).replace(/\+/g, '-').replace(/\//g, '_')],
    ['unpadded', b64({ cloudId: '69464895-3a1a-450a-9824-4b7608d9203f' }).replace(/=+$/, '')],
    ['not JSON', b64('hello')],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString('base64')],
    ['cloudId not a GUID', b64({ cloudId: 'stamp-1' })],
  ])('refuses %s as malformed', (_label, value) => {
    expect(() => decodeRegistrationToken(value)).toThrow('The registration token is malformed.');
  });
});
