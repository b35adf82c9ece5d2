import { PRACTICE_ISSUER } from '../../../shared/domain/practice';
import type { StampIdentity } from './identity';

// The registration token: standard padded base64 of UTF-8 JSON (registration-contract.md §4.1),
// fields in the order of the published sample, marked with the practice issuer.

type TokenRequest = {
  billingModel: string;
  marketplaceSyndicationEnabled: boolean;
  usageReportingEnabled: boolean;
  agreementNumber: string;
  msAssetTag?: string;
  tokenVersion?: string;
};

export const buildRegistrationToken = (identity: StampIdentity, req: TokenRequest): string => {
  const payload = {
    billingModel: req.billingModel,
    objectId: identity.objectId,
    cloudId: identity.cloudId,
    marketplaceSyndicationEnabled: req.marketplaceSyndicationEnabled,
    usageReportingEnabled: req.usageReportingEnabled,
    agreementNumber: req.agreementNumber,
    ...(req.msAssetTag ? { msAssetTag: req.msAssetTag } : {}),
    hardwareInfo: identity.nodes.map((n) => ({
      name: n.name,
      uuid: n.uuid,
      numCores: n.numCores,
      Bios: n.Bios,
      nic: n.nic,
      cpu: n.cpu,
      disk: n.disk,
      memory: n.memory,
    })),
    issuer: PRACTICE_ISSUER,
    version: req.tokenVersion ?? '1.0',
  };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
};
