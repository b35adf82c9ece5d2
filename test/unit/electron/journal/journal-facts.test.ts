import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../../electron/journal';
import { parseLine } from '../../../../electron/journal/journal-lines';
import { memoryLogger } from '../../../../electron/log';
import { keyFacts, mergeFacts, tokenFacts } from '../../../../shared/domain/handoff-record';

// What the printable record shows beyond the stages: kept in the journal lines, merged stage by
// stage, and kept after the hand-off completes (when its token and key texts are deleted).

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const open = async (dir: string) => createJournal({ file: join(dir, 'journal.jsonl'), fs, clock: { now: () => new Date('2026-12-05T08:00:00Z') }, log: memoryLogger() });

describe('hand-off facts', () => {
  it('merge stage by stage and survive completion and a reopen', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'azs-facts-'));
    const j = await open(dir);
    const h = await j.createHandoff({ side: 'stamp', stage: 'token-created', practice: false, cloudId: CLOUD, token: 'dG9rZW4=', facts: { billingModel: 'Capacity', ercsAddresses: ['10.0.0.224'] } });
    await j.updateHandoff(h.id, { stage: 'key-received', key: 'a.b.c', facts: { keyExpires: '2027-12-05T00:00:00Z' } });
    await j.updateHandoff(h.id, { stage: 'activating', facts: { ercsAddresses: ['10.0.0.225', '10.0.0.224'] } });
    await j.updateHandoff(h.id, { stage: 'activated' });
    await j.close();
    const again = await open(dir);
    expect(again.kept(h.id)).toEqual({});
    expect(again.details(h.id)?.facts).toEqual({ billingModel: 'Capacity', keyExpires: '2027-12-05T00:00:00Z', ercsAddresses: ['10.0.0.224', '10.0.0.225'] });
    expect(again.details(h.id)?.summary.complete).toBe(true);
  });

  it('refuse a line whose facts are not plain values', () => {
    const summary = { id: 'h', side: 'host', stage: 'registered', complete: false, practice: false, cloudId: CLOUD, files: [], createdAt: 'x', updatedAt: 'x', history: [] };
    expect(parseLine(JSON.stringify({ t: 'handoff', entry: { summary, facts: { lock: 'RegistrationResourceLock' } } }))).toBeDefined();
    expect(parseLine(JSON.stringify({ t: 'handoff', entry: { summary, facts: { lock: { level: 'x' } } } }))).toBeUndefined();
    expect(parseLine(JSON.stringify({ t: 'handoff', entry: { summary, facts: { ercsAddresses: [1] } } }))).toBeUndefined();
    expect(parseLine(JSON.stringify({ t: 'handoff', entry: { summary, facts: 'x' } }))).toBeUndefined();
  });

  it('come from the token and the key as they are written', () => {
    const token = tokenFacts({ cloudId: CLOUD, billingModel: 'PayAsYouUse', usageReportingEnabled: true, marketplaceSyndicationEnabled: false, hostCount: 4, hosts: [], version: '6.0', practice: false });
    expect(token).toEqual({ billingModel: 'PayAsYouUse', usageReportingEnabled: true, marketplaceSyndicationEnabled: false, tokenVersion: '6.0', hostCount: 4 });
    const key = keyFacts({ algorithm: 'RS256', cloudId: CLOUD, subscriptionId: 's', resourceGroupName: 'azurestack', expires: '2027-01-01T00:00:00Z', hostCount: 4, practice: false });
    expect(key).toEqual({ subscriptionId: 's', resourceGroup: 'azurestack', keyExpires: '2027-01-01T00:00:00Z' });
    expect(mergeFacts(token, undefined)).toBe(token);
    expect(mergeFacts(undefined, { lock: 'L' })).toEqual({ lock: 'L' });
  });
});
