import { z } from 'zod';
import type { HostError } from '../../pep/protocol';
import { PRACTICE_VERIFY_KEY_PEM } from '../signing-key';
import { thrown } from './error-records';

// What a stamp checks before it activates: the key is an RS256 JWS from the (practice) Azure
// signer, issued for this stamp's CloudID, and not expired. Shape: registration-contract.md §4.2.

const Payload = z.looseObject({
  cloudId: z.string(),
  subscriptionId: z.string().min(1),
  resourceGroupName: z.string().min(1),
  registrationName: z.string().min(1),
  billingModel: z.string().optional(),
  expires: z.string().optional(),
  exp: z.number().optional(),
  marketplaceSyndicationEnabled: z.boolean().optional(),
  usageReportingEnabled: z.boolean().optional(),
});
type ActivationKeyPayload = z.infer<typeof Payload>;

type KeyCheck = { ok: true; payload: ActivationKeyPayload; expires?: Date } | { ok: false; error: HostError };

const refuse = (message: string): KeyCheck => ({ ok: false, error: thrown(message) });

const expiry = (p: ActivationKeyPayload): Date | undefined => {
  if (p.expires !== undefined) return new Date(p.expires);
  return p.exp !== undefined ? new Date(p.exp * 1000) : undefined;
};

export const verifyActivationKey = async (key: string, cloudId: string, now: Date): Promise<KeyCheck> => {
  // jose loads with the first activation, not with the practice stamp.
  const { compactVerify, errors, importSPKI } = await import('jose');
  const publicKey = await importSPKI(PRACTICE_VERIFY_KEY_PEM, 'RS256');
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(key.trim(), publicKey, { algorithms: ['RS256'] }));
  } catch (err) {
    if (err instanceof errors.JWSSignatureVerificationFailed) {
      return refuse('Activation key validation failed: the signature of the activation key is not valid.');
    }
    return refuse('Activation key validation failed: the activation key is malformed.');
  }
  let parsed: ReturnType<typeof Payload.safeParse>;
  try {
    parsed = Payload.safeParse(JSON.parse(new TextDecoder().decode(payloadBytes)));
  } catch {
    return refuse('Activation key validation failed: the activation key is malformed.');
  }
  if (!parsed.success) return refuse('Activation key validation failed: the activation key is malformed.');
  const payload = parsed.data;
  if (payload.cloudId.toLowerCase() !== cloudId.toLowerCase()) {
    return refuse(
      `Activation key validation failed: the key was issued for cloud identifier ${payload.cloudId}, ` +
        `but this Azure Stack Hub has cloud identifier ${cloudId}.`,
    );
  }
  const expires = expiry(payload);
  if (expires && Number.isNaN(expires.getTime())) {
    return refuse('Activation key validation failed: the activation key is malformed.');
  }
  if (expires && expires.getTime() <= now.getTime()) {
    return refuse(`Activation key validation failed: the activation key expired on ${expires.toISOString()}.`);
  }
  return { ok: true, payload, ...(expires ? { expires } : {}) };
};
