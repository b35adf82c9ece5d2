// Reads a registration token the way the registration RP does: standard padded base64 of UTF-8 JSON
// carrying a cloudId. Anything else is "malformed" (altered, truncated, re-encoded, wrapped).
import { ArmError } from './arm-error';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DecodedToken = { fields: Record<string, unknown>; cloudId: string; objectId: string; billingModel: string };

const malformed = (): ArmError => new ArmError(400, 'InvalidRegistrationToken', 'The registration token is malformed.');

/** Field lookup ignoring key case (`Bios` in tokens, `bios` in keys). */
export const field = (fields: Record<string, unknown>, name: string): unknown =>
  Object.entries(fields).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

export const decodeRegistrationToken = (token: unknown): DecodedToken => {
  if (typeof token !== 'string' || token.length === 0 || !BASE64.test(token)) throw malformed();
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(token, 'base64')));
  } catch {
    throw malformed();
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw malformed();
  const record = fields as Record<string, unknown>;
  const cloudId = field(record, 'cloudId');
  if (typeof cloudId !== 'string' || !GUID.test(cloudId)) throw malformed();
  const objectId = field(record, 'objectId');
  const billingModel = field(record, 'billingModel');
  return {
    fields: record,
    cloudId,
    objectId: typeof objectId === 'string' ? objectId : '',
    billingModel: typeof billingModel === 'string' ? billingModel : 'Development',
  };
};
