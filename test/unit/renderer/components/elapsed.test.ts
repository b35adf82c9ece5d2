import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../../renderer/components/elapsed';

describe('formatElapsed', () => {
  const start = '2026-11-25T10:00:00.000Z';
  const at = (s: number) => Date.parse(start) + s * 1000;
  it('shows mm:ss, then h:mm:ss past an hour', () => {
    expect(formatElapsed(start, at(0))).toBe('00:00');
    expect(formatElapsed(start, at(65.9))).toBe('01:05');
    expect(formatElapsed(start, at(29 * 60 + 59))).toBe('29:59');
    expect(formatElapsed(start, at(3600 + 61))).toBe('1:01:01');
  });
  it('never goes negative when clocks disagree', () => {
    expect(formatElapsed(start, at(-5))).toBe('00:00');
  });
});
