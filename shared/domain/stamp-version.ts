import { AppError } from '../contract/problems';

// Stamp builds compare as 4-part numeric versions (contract §1.9): 1.2008.0.49 > 1.1912.0.19.

/** The builds at which the PEP cmdlets change (contract §1.9). */
export const STAMP_GATES = {
  /** ≥: `-MsAssetTag` is sent and the Custom model is allowed. */
  msAssetTag: '1.1912.0.19',
  /** ≥: `-TokenVersion` is sent. */
  tokenVersion: '1.2008.0.49',
  /** >, with more than one node: `Set-RegistrationKeyPair` runs before the token. */
  keyPair: '1.2209.0.23',
  /** >: tokens are version 6.0, for every cloud (az branch of RegisterWithAzure.psm1). */
  tokenV6: '1.2309.0.4',
} as const;

const parse = (version: string): number[] => {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(version);
  if (!m) {
    throw new AppError('input-malformed', `"${version}" is not a stamp version such as 1.2008.0.49.`, {
      action: 'Check the StampVersion reported by Get-AzureStackStampInformation.',
    });
  }
  return m.slice(1).map((part) => Number(part ?? 0));
};

/** Negative when a < b, 0 when equal, positive when a > b. */
export const compareStampVersions = (a: string, b: string): number => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 4; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

export const isAtLeast = (version: string, min: string): boolean => compareStampVersions(version, min) >= 0;
export const isNewerThan = (version: string, than: string): boolean => compareStampVersions(version, than) > 0;
