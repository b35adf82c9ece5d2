// Stamp builds compare as four-part numeric versions, like PowerShell's [Version].
const parts = (v: string): number[] => v.split('.').map((p) => Number.parseInt(p, 10) || 0);

export const compareVersions = (a: string, b: string): number => {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
};

/** Builds where PEP behaviour changes (registration-contract.md §1.9). */
export const GATES = {
  msAssetTag: '1.1912.0.19',
  tokenVersion: '1.2008.0.49',
  keyPair: '1.2209.0.23',
} as const;
