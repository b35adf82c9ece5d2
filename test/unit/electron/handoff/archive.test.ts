import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveReasonOf } from '../../../../shared/domain';
import type { StampInfo } from '../../../../shared/domain';
import { handoffMachine, tempStickPerTest } from '../../../fixtures/handoff/machine';
import { encodeToken, keySample, signKey, tokenSample } from '../../../fixtures/handoff/samples';

// Archiving a hand-off that will never complete (issue 10): a reason kept in its history, the token and
// key kept, the journal still readable by a later start, and the way back.

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const STAMP: StampInfo = { cloudId: CLOUD, stampVersion: '1.2206.0.10', regionName: 'east', emergencyConsoleIpAddresses: [] };
const NOW = Date.parse('2026-11-25T10:00:00Z');

let root: string;
let stick: string;
tempStickPerTest('azs-archive-', (dirs) => {
  ({ root, stick } = dirs);
});

const machine = (name: string) => handoffMachine({ root, stick, name, now: NOW });
const token = () => encodeToken(tokenSample());

describe('archiving a hand-off', () => {
  it('keeps the reason in the history and the token, also after the journal is opened again', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: token(), stamp: STAMP, practice: false });
    await stampSide.saveToken(created.handoff.id, 'stick');
    const archived = await stampSide.archive(created.handoff.id, 'superseded', '  a new token was exported ');
    expect(archived).toMatchObject({ stage: 'archived', complete: false });
    expect(archiveReasonOf(archived.history.at(-1)?.note)).toEqual({ reason: 'superseded', detail: 'a new token was exported' });
    expect(stampSide.tokenFor(created.handoff.id)).toBe(token());

    const reopened = await machine('stamp');
    const [listed] = (await reopened.list(100)).handoffs;
    expect(listed).toMatchObject({ id: created.handoff.id, stage: 'archived' });
    expect(reopened.tokenFor(created.handoff.id)).toBe(token());
  });

  it('restores an archived hand-off to the stage it had', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: token(), stamp: STAMP, practice: false });
    await stampSide.saveToken(created.handoff.id, 'stick');
    await stampSide.archive(created.handoff.id, 'abandoned');
    expect(await stampSide.archive(created.handoff.id, 'other')).toMatchObject({ stage: 'archived' });
    const restored = await stampSide.restore(created.handoff.id);
    expect(restored).toMatchObject({ stage: 'token-saved', complete: false });
    expect(restored.history.map((e) => e.stage)).toEqual(['token-created', 'token-saved', 'archived', 'token-saved']);
    await expect(stampSide.restore(created.handoff.id)).rejects.toMatchObject({ problem: { code: 'bad-request' } });
  });

  it('brings an archived stamp hand-off back when its key is read, rather than starting another', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: token(), stamp: STAMP, practice: false });
    await stampSide.archive(created.handoff.id, 'done-elsewhere');
    await fs.writeFile(join(stick, 'key.txt'), `${await signKey(keySample().payload)}\n`);
    const read = await stampSide.readKey('stick', 'key.txt');
    expect(read.handoff).toMatchObject({ id: created.handoff.id, stage: 'key-received' });
    expect((await stampSide.list(100)).handoffs).toHaveLength(1);
  });

  it('on the host, reading the same token again brings its archived hand-off back', async () => {
    const host = await machine('host');
    const first = await host.readTokenText(token());
    await host.archive(first.handoff.id, 'abandoned');
    const again = await host.readTokenText(token());
    expect(again.handoff).toMatchObject({ id: first.handoff.id, stage: 'token-received' });
    expect(again.handoff.history.at(-1)?.note).toBe('Token read again');
  });

  it('refuses to archive a complete hand-off or one this machine does not have', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: token(), stamp: STAMP, practice: false });
    await stampSide.markStage(created.handoff.id, 'activated');
    await expect(stampSide.archive(created.handoff.id, 'abandoned')).rejects.toMatchObject({ problem: { code: 'bad-request' } });
    await expect(stampSide.archive('no-such-handoff', 'abandoned')).rejects.toMatchObject({ problem: { code: 'not-found' } });
  });
});

describe('archive notes', () => {
  it('reads back only notes written by archiving', () => {
    expect(archiveReasonOf('Archived: abandoned')).toEqual({ reason: 'abandoned' });
    expect(archiveReasonOf('Archived: bored — because')).toBeUndefined();
    expect(archiveReasonOf('Saved to /media/usb/token.txt')).toBeUndefined();
    expect(archiveReasonOf(undefined)).toBeUndefined();
  });
});
