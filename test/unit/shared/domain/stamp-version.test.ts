import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import { STAMP_GATES, compareStampVersions, isAtLeast, isNewerThan } from '../../../../shared/domain';

describe('stamp versions', () => {
  it.each([
    ['1.2008.0.49', '1.1912.0.19', 1],
    ['1.1912.0.19', '1.1912.0.19', 0],
    ['1.1912.0.18', '1.1912.0.19', -1],
    ['1.1912.0.100', '1.1912.0.19', 1], // numeric, not text
    ['1.2309.0.4', '1.2309.0.4', 0],
    ['1.2309', '1.2309.0.0', 0],
    [' 1.2406.1.2 ', '1.2309.0.4', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareStampVersions(a, b))).toBe(sign);
  });

  it('gates at the exact boundaries', () => {
    expect(isAtLeast('1.1912.0.19', STAMP_GATES.msAssetTag)).toBe(true);
    expect(isAtLeast('1.1912.0.18', STAMP_GATES.msAssetTag)).toBe(false);
    expect(isAtLeast('1.2008.0.49', STAMP_GATES.tokenVersion)).toBe(true);
    expect(isAtLeast('1.2008.0.48', STAMP_GATES.tokenVersion)).toBe(false);
    expect(isNewerThan('1.2209.0.23', STAMP_GATES.keyPair)).toBe(false);
    expect(isNewerThan('1.2209.0.24', STAMP_GATES.keyPair)).toBe(true);
    expect(isNewerThan('1.2309.0.4', STAMP_GATES.tokenV6)).toBe(false);
    expect(isNewerThan('1.2309.0.5', STAMP_GATES.tokenV6)).toBe(true);
  });

  it('refuses text that is not a version', () => {
    expect(() => compareStampVersions('latest', '1.0')).toThrow(AppError);
    expect(() => compareStampVersions('1.2.3.4.5', '1.0')).toThrow(/not a stamp version/);
  });
});
