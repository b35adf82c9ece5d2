import { describe, expect, it } from 'vitest';
import { formatLine, parseLine } from '../../../../electron/journal/journal-lines';
import type { HandoffSummary } from '../../../../shared/domain';

// The hand-off line check (a plain guard, for speed at 10,000 lines): every known field is checked,
// and fields it does not know are kept (another version's, or one added by another part of the app).

const at = '2026-11-25T10:00:00.000Z';
const summary = (): HandoffSummary => ({
  id: 'f3b7a2c4-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
  side: 'host',
  stage: 'registered',
  complete: false,
  practice: true,
  cloudId: '69464895-3a1a-450a-9824-4b7608d9203f',
  registrationName: 'AzureStack-1',
  files: ['E:\\token.txt'],
  createdAt: at,
  updatedAt: at,
  history: [
    { stage: 'token-received', at, note: 'Pasted' },
    { stage: 'registered', at, note: 'Saved to E:\\token.txt', said: { code: 'history.saved-to', text: 'Saved to E:\\token.txt', values: { path: 'E:\\token.txt' } } },
  ],
});
const line = (entry: unknown) => JSON.stringify({ t: 'handoff', entry });

describe('journal lines', () => {
  it('reads back what it writes', () => {
    const written = { t: 'handoff' as const, entry: { summary: summary(), stamp: { regionName: 'east' } } };
    expect(parseLine(formatLine(written).trim())).toEqual(written);
  });

  it.each<[string, (s: Record<string, unknown>) => void]>([
    ['an unknown stage', (s) => (s['stage'] = 'done')],
    ['an unknown side', (s) => (s['side'] = 'both')],
    ['an empty id', (s) => (s['id'] = '')],
    ['a missing cloud ID', (s) => delete s['cloudId']],
    ['a non-boolean complete', (s) => (s['complete'] = 'yes')],
    ['a file that is not a string', (s) => (s['files'] = [42])],
    ['a history step with an unknown stage', (s) => (s['history'] = [{ stage: 'x', at }])],
    ['a history step without its time', (s) => (s['history'] = [{ stage: 'registered' }])],
    ['a numeric registration name', (s) => (s['registrationName'] = 7)],
    ['a history that is not a list', (s) => (s['history'] = {})],
    ['a history sentence without its English', (s) => (s['history'] = [{ stage: 'registered', at, said: { code: 'history.pasted' } }])],
    ['a history sentence that is not an object', (s) => (s['history'] = [{ stage: 'registered', at, said: 'Pasted' }])],
  ])('refuses a summary with %s', (_what, spoil) => {
    const s = summary() as unknown as Record<string, unknown>;
    spoil(s);
    expect(parseLine(line({ summary: s }))).toBeUndefined();
  });

  it('refuses bad entries around a good summary', () => {
    expect(parseLine(line({ summary: summary(), token: 12 }))).toBeUndefined();
    expect(parseLine(line({ summary: summary(), stamp: { regionName: 3 } }))).toBeUndefined();
    expect(parseLine(line({ summary: summary(), stamp: 'east' }))).toBeUndefined();
    expect(parseLine(line([]))).toBeUndefined();
    expect(parseLine('[1,2]')).toBeUndefined();
  });

  it('keeps fields it does not know at every level, so a rewrite never loses them', () => {
    const s = { ...summary(), purpose: 'renewal', history: [{ stage: 'registered', at, reason: 'moved' }] };
    const entry = { summary: s, stamp: { regionName: 'east', rack: 4 }, archived: { reason: 'duplicate' } };
    const read = parseLine(line(entry));
    expect(read).toEqual({ t: 'handoff', entry });
    expect(read && parseLine(formatLine(read as Parameters<typeof formatLine>[0]).trim())).toEqual({ t: 'handoff', entry });
  });

  it('still checks operation lines with their schema', () => {
    expect(parseLine(JSON.stringify({ t: 'op-end', id: 'op', at, status: 'succeeded' }))).toEqual({ t: 'op-end', id: 'op', at, status: 'succeeded' });
    expect(parseLine(JSON.stringify({ t: 'op-end', id: 'op', at, status: 'maybe' }))).toBeUndefined();
    expect(parseLine(JSON.stringify({ t: 'op-start', id: '', kind: 'k', at, meta: {} }))).toBeUndefined();
  });
});
