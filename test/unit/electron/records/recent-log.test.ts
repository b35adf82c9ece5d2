import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../../electron/log';
import { recentLog } from '../../../../electron/records';

describe('recent log', () => {
  it('keeps the last lines with their time, redacted, and forwards every line', () => {
    const forward = memoryLogger();
    let t = Date.parse('2026-12-05T08:00:00Z');
    const recent = recentLog(forward, { now: () => new Date((t += 1000)) }, 3);
    for (let i = 1; i <= 5; i += 1) recent.log.info(`line ${i}`, { password: 'hunter2', n: i });
    recent.log.warn('last');
    expect(recent.lines().map((l) => l.message)).toEqual(['line 4', 'line 5', 'last']);
    expect(recent.lines()[0]).toEqual({ at: '2026-12-05T08:00:04.000Z', level: 'info', message: 'line 4', data: { password: '[redacted]', n: 4 } });
    expect(forward.lines).toHaveLength(6);
    expect(JSON.stringify([recent.lines(), forward.lines])).not.toContain('hunter2');
  });
});
