import { describe, expect, it } from 'vitest';
import { summaryLines } from '../../summary-reporter';

// The closing line CI parses stays alone and last; why tests did not run comes just before it.
const CI_LINE = /^(\w+: )?(\d+) passed, (\d+) failed(, (\d+) skipped)?$/;

describe('summary reporter', () => {
  it('counts each state and ends on the line CI parses', () => {
    const lines = summaryLines([{ state: 'passed' }, { state: 'passed' }, { state: 'failed' }, { state: 'skipped' }, { state: 'pending' }]);
    expect(lines).toEqual(['tests: 2 passed, 1 failed, 2 skipped']);
    expect(CI_LINE.exec(lines.at(-1) ?? '')?.slice(2, 6)).toEqual(['2', '1', ', 2 skipped', '2']);
  });

  it('says once per reason why skipped tests did not run, with how many', () => {
    const why = 'real Electron suite not run: no Electron binary.';
    const lines = summaryLines([
      { state: 'passed' },
      { state: 'skipped', note: why },
      { state: 'skipped', note: why },
      { state: 'skipped', note: 'other reason' },
    ]);
    expect(lines).toEqual([`skipped 2: ${why}`, 'skipped 1: other reason', 'tests: 1 passed, 0 failed, 3 skipped']);
    expect(lines.at(-1)).toMatch(CI_LINE);
  });
});
