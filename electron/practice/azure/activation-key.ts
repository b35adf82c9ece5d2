// Activation keys: RS256 JWS compact, signed with the fixed practice key, payload shaped like the
// key the registration RP returns (samples/restapispec-getactivationkey-key.decoded.json).
import { CompactSign, importPKCS8 } from 'jose';
import { PRACTICE_ISSUER } from '../../../shared/domain/practice';
import { PRACTICE_KEY_ID, PRACTICE_SIGNING_KEY_PEM } from '../signing-key';
import { field } from './registration-token';
import type { Registration } from './world';

// Public values of the published sample key (certificate pinning of the usage/marketplace services).
const CERT_PINNING_ROOT_SUBJECTS = ['CN=Baltimore CyberTrust Root, OU=CyberTrust, O=Baltimore, C=IE'];
const CERT_PINNING_INTERMEDIATE_THUMBPRINTS = [
  '417E225037FBFAA4F95761D5AE729E1AEA7E3A42',
  '54D9D20239080C32316ED9FF980A48988F4ADF2D',
  '8A38755D0996823FE8FA3116A277CE446EAC4E99',
  'AD898AC73DF333EB60AC1F5FC6C4B2219DDB79B7',
  '97EFF3028677894BDD4F9AC53F789BEE5DF4AD86',
  '948E1652586240D453287AB69CAEB8F2F4F02117',
];
/** Activation keys do not expire; the stamp shows this as 9999-12-30T15:59:59 (UTC−8). */
const NEVER_EXPIRES = '9999-12-30T23:59:59.9999999Z';

// The key spells host fields its own way, in this order; unknown fields are echoed as they came.
const HOST_FIELDS = ['name', 'uuid', 'numCores', 'bios', 'nic', 'cpu', 'disk', 'memory'];

const normaliseHost = (host: unknown): unknown => {
  if (typeof host !== 'object' || host === null || Array.isArray(host)) return host;
  const record = host as Record<string, unknown>;
  const known = HOST_FIELDS.flatMap((name) => {
    const value = field(record, name);
    return value === undefined ? [] : [[name, value] as const];
  });
  const rest = Object.entries(record).filter(([k]) => !HOST_FIELDS.some((f) => f.toLowerCase() === k.toLowerCase()));
  return Object.fromEntries([...known, ...rest]);
};

const flag = (fields: Record<string, unknown>, name: string): boolean => field(fields, name) === true;

export const createKeySigner = (endpoint: () => string) => {
  let key: ReturnType<typeof importPKCS8> | undefined;

  return async (r: Registration): Promise<string> => {
    key ??= importPKCS8(PRACTICE_SIGNING_KEY_PEM, 'RS256');
    const hardwareInfo = field(r.token, 'hardwareInfo');
    const payload = {
      subscriptionId: r.subscriptionId,
      resourceGroupName: r.resourceGroup,
      registrationName: r.name,
      certPinningRootSubjects: CERT_PINNING_ROOT_SUBJECTS,
      certPinningIntermediateThumbprints: CERT_PINNING_INTERMEDIATE_THUMBPRINTS,
      usageEndpoint: endpoint(),
      marketplaceEndpoint: endpoint(),
      usageResourceUri: 'https://usage.microsoftazurestack.com',
      marketplaceResourceUri: 'https://marketplace.microsoftazurestack.com',
      expires: NEVER_EXPIRES,
      cloudId: r.cloudId,
      objectId: r.objectId,
      billingModel: r.billingModel,
      hardwareInfo: Array.isArray(hardwareInfo) ? hardwareInfo.map(normaliseHost) : [],
      usageReportingEnabled: flag(r.token, 'usageReportingEnabled'),
      marketplaceSyndicationEnabled: flag(r.token, 'marketplaceSyndicationEnabled'),
      issuer: PRACTICE_ISSUER,
      version: '1.0',
    };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ kid: PRACTICE_KEY_ID, alg: 'RS256' })
      .sign(await key);
  };
};

export type KeySigner = ReturnType<typeof createKeySigner>;
