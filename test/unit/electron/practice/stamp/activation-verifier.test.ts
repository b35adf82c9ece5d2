import { exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyActivationKey } from '../../../../../electron/practice/stamp/activation-verifier';
import { keyPayload, NOW, signKey } from '../../../../fixtures/practice-stamp/driver';

const CLOUD = 'e6135d07-4efa-439c-b899-24e03cbac5f9';

const messageOf = (check: Awaited<ReturnType<typeof verifyActivationKey>>): string =>
  check.ok ? 'accepted' : check.error.message;

describe('activation key verification', () => {
  it('accepts a key signed by the practice Azure for this cloud', async () => {
    const check = await verifyActivationKey(await signKey(keyPayload(CLOUD)), CLOUD.toUpperCase(), NOW);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.payload.registrationName).toBe(`AzureStack-${CLOUD}`);
    expect(check.expires?.getUTCFullYear()).toBe(9999);
  });

  it('accepts surrounding whitespace and a JWT-style exp claim in the future', async () => {
    const { expires: _expires, ...noExpires } = keyPayload(CLOUD);
    const key = await signKey({ ...noExpires, exp: NOW.getTime() / 1000 + 3600 });
    expect((await verifyActivationKey(`  ${key}\r\n`, CLOUD, NOW)).ok).toBe(true);
  });

  it('refuses a key for another cloud', async () => {
    const other = '69464895-3a1a-450a-9824-4b7608d9203f';
    const check = await verifyActivationKey(await signKey(keyPayload(other)), CLOUD, NOW);
    expect(messageOf(check)).toBe(
      `Activation key validation failed: the key was issued for cloud identifier ${other}, but this Azure Stack Hub has cloud identifier ${CLOUD}.`,
    );
  });

  it('refuses an expired key', async () => {
    const check = await verifyActivationKey(await signKey(keyPayload(CLOUD, { expires: '2026-11-25T11:59:59Z' })), CLOUD, NOW);
    expect(messageOf(check)).toBe('Activation key validation failed: the activation key expired on 2026-11-25T11:59:59.000Z.');
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const key = await signKey(keyPayload(CLOUD));
    const [header, payload, signature] = key.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify(keyPayload(CLOUD, { billingModel: 'PayAsYouUse' }))).toString('base64url');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const invalid = 'Activation key validation failed: the signature of the activation key is not valid.';
    expect(messageOf(await verifyActivationKey(`${header}.${forged}.${signature}`, CLOUD, NOW))).toBe(invalid);
    expect(messageOf(await verifyActivationKey(`${header}.${payload}.${flipped}`, CLOUD, NOW))).toBe(invalid);
  });

  it('refuses a key from another signer', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = await signKey(keyPayload(CLOUD), await exportPKCS8(privateKey));
    expect(messageOf(await verifyActivationKey(key, CLOUD, NOW))).toBe(
      'Activation key validation failed: the signature of the activation key is not valid.',
    );
  });

  it('refuses malformed keys: not a JWS, a registration token, or a payload without a registration', async () => {
    const malformed = 'Activation key validation failed: the activation key is malformed.';
    expect(messageOf(await verifyActivationKey('not-a-key', CLOUD, NOW))).toBe(malformed);
    expect(messageOf(await verifyActivationKey(Buffer.from('{"cloudId":"x"}').toString('base64'), CLOUD, NOW))).toBe(malformed);
    const { registrationName: _name, ...partial } = keyPayload(CLOUD);
    expect(messageOf(await verifyActivationKey(await signKey(partial), CLOUD, NOW))).toBe(malformed);
    expect(messageOf(await verifyActivationKey(await signKey(keyPayload(CLOUD, { expires: 'soon' })), CLOUD, NOW))).toBe(malformed);
  });
});
