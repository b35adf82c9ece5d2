import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { said } from '../../../../shared/contract/said';
import { fingerprintOf } from '../../../../electron/handoff';
import type { HandoffFs } from '../../../../electron/handoff';
import { PRACTICE_ISSUER } from '../../../../shared/domain';
import type { AppMode, StampInfo } from '../../../../shared/domain';
import { handoffMachine, tempStickPerTest } from '../../../fixtures/handoff/machine';
import { encodeToken, keySample, signKey, tokenSample, utf16leBom } from '../../../fixtures/handoff/samples';

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const STAMP: StampInfo = { cloudId: CLOUD, stampVersion: '1.2206.0.10', regionName: 'east', emergencyConsoleIpAddresses: [] };
const NOW = Date.parse('2026-11-25T10:00:00Z');

let root: string;
let stick: string;
tempStickPerTest('azs-handoff-', (dirs) => {
  ({ root, stick } = dirs);
});

const machine = (name: string, mode: AppMode = 'live', files: HandoffFs = fs, pick: string | null = null) =>
  handoffMachine({ root, stick, name, mode, files, pick, now: NOW });

const liveToken = () => encodeToken(tokenSample());
const liveKey = (changes: Record<string, unknown> = {}) => signKey({ ...keySample().payload, ...changes });
const practiceToken = () => encodeToken({ ...tokenSample(), issuer: PRACTICE_ISSUER });

describe('hand-off across the air gap', () => {
  it('carries a token to the host and the key back to the stamp, journaling each stage', async () => {
    const stampSide = await machine('stamp');
    const host = await machine('host');

    const created = await stampSide.createTokenHandoff({ token: liveToken(), stamp: STAMP, practice: false });
    expect(created.handoff).toMatchObject({ side: 'stamp', stage: 'token-created', cloudId: CLOUD });
    expect(created.token.fingerprint).toBe(fingerprintOf(liveToken()));

    const saved = await stampSide.saveToken(created.handoff.id, 'stick');
    expect(saved).toMatchObject({ driveId: 'stick', fileName: `AzureStack-${CLOUD}-registration-token.txt`, verified: true });
    expect(await fs.readFile(saved.path, 'latin1')).toBe(`${liveToken()}\r\n`);
    const meta = JSON.parse(await fs.readFile(join(stick, saved.metadataFileName), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ app: 'AzS Registrar', kind: 'token', cloudId: CLOUD, stampVersion: '1.2206.0.10', regionName: 'east', practice: false, fingerprint: saved.fingerprint });
    expect(((await stampSide.list(100)).handoffs)[0]?.stage).toBe('token-saved');

    const listed = await host.files('stick');
    expect(listed).toEqual([expect.objectContaining({ name: saved.fileName, kind: 'token', cloudId: CLOUD, fingerprint: saved.fingerprint, practice: false })]);

    const received = await host.readToken('stick', saved.fileName);
    expect(received.handoff).toMatchObject({ side: 'host', stage: 'token-received', tokenFingerprint: created.token.fingerprint });
    expect(host.tokenFor(received.handoff.id)).toBe(liveToken());
    expect((await host.readToken('stick', saved.fileName)).handoff.id).toBe(received.handoff.id);

    await host.markStage(received.handoff.id, 'registered', said('history.registered', '/subscriptions/…/registrations/azstests5616', { id: '/subscriptions/…/registrations/azstests5616' }));
    const issued = await host.recordIssuedKey(received.handoff.id, await liveKey(), 'azstests5616');
    expect(issued.match.matchesToken).toBe(true);
    expect(issued.handoff.stage).toBe('key-issued');
    const keySaved = await host.saveKey(received.handoff.id, 'stick');
    expect(keySaved.fileName).toBe(`AzureStack-${CLOUD}-activation-key.txt`);
    // The key is on the stick, but the host keeps both texts until the stamp is confirmed activated:
    // a lost stick can be written again.
    expect(((await host.list(100)).handoffs)[0]).toMatchObject({ stage: 'key-saved', complete: false });
    expect(host.tokenFor(received.handoff.id)).toBe(liveToken());
    const secondCopy = await host.saveKey(received.handoff.id, 'stick');
    expect(secondCopy.fingerprint).toBe(keySaved.fingerprint);
    const hostDone = await host.confirmActivated(received.handoff.id);
    expect(hostDone).toMatchObject({ stage: 'activation-confirmed', complete: true });
    expect(hostDone.history.map((h) => h.stage)).toEqual(['token-received', 'registered', 'key-issued', 'key-saved', 'key-saved', 'activation-confirmed']);
    expect(() => host.tokenFor(received.handoff.id)).toThrow(/no longer kept/);

    const back = await stampSide.readKey('stick', keySaved.fileName, CLOUD.toUpperCase());
    expect(back.handoff.id).toBe(created.handoff.id);
    expect(back.handoff.stage).toBe('key-received');
    expect(back.match).toMatchObject({ matchesStamp: true, matchesToken: true, expired: false, problems: [] });
    expect(back.key.fingerprint).toBe(keySaved.fingerprint);

    expect(stampSide.keyFor(created.handoff.id, { stampCloudId: CLOUD })).toBe(await fs.readFile(keySaved.path, 'latin1').then((s) => s.trim()));
    await stampSide.markStage(created.handoff.id, 'activating');
    const done = await stampSide.markStage(created.handoff.id, 'activated');
    expect(done.complete).toBe(true);
    expect(() => stampSide.keyFor(created.handoff.id)).toThrow(/no longer kept/);
  });

  it('on the stamp side, closes a hand-off left activating (outcome unknown) once the operator confirms the activation', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: liveToken(), stamp: STAMP, practice: false });
    await expect(stampSide.confirmActivated(created.handoff.id)).rejects.toMatchObject({ problem: { code: 'not-found' } });
    await stampSide.markStage(created.handoff.id, 'activating');
    const done = await stampSide.confirmActivated(created.handoff.id);
    expect(done).toMatchObject({ stage: 'activated', complete: true });
    expect(done.history.at(-1)?.note).toMatch(/after an unknown outcome/);
  });

  it('reads a plain token file written by the PowerShell module (UTF-16 LE, BOM, CRLF, no sidecar)', async () => {
    await fs.writeFile(join(stick, 'RegistrationToken.txt'), utf16leBom(`${liveToken()}\r\n`));
    const host = await machine('host');
    const listed = await host.files('stick');
    expect(listed.map((f) => [f.name, f.kind, f.cloudId])).toEqual([['RegistrationToken.txt', 'token', CLOUD]]);
    const read = await host.readToken('stick', 'RegistrationToken.txt');
    expect(host.tokenFor(read.handoff.id)).toBe(liveToken());
  });

  it('accepts a pasted token and returns the same hand-off when it is pasted again', async () => {
    const host = await machine('host');
    const first = await host.readTokenText(`  ${liveToken()}\r\n`);
    const second = await host.readTokenText(liveToken());
    expect(second.handoff.id).toBe(first.handoff.id);
    // The note in English for any reader, and as a sentence with a code the UI says in its language.
    expect(first.handoff.history[0]).toMatchObject({ note: 'Pasted', said: { code: 'history.pasted', text: 'Pasted' } });
  });

  it('records a key read on a stamp whose journal never saw the token', async () => {
    await fs.writeFile(join(stick, 'key.txt'), `${await liveKey()}\n`);
    const stampSide = await machine('stamp');
    const read = await stampSide.readKey('stick', 'key.txt');
    expect(read.handoff).toMatchObject({ side: 'stamp', stage: 'key-received', registrationName: 'azstests5616' });
    expect(read.match.matchesToken).toBeUndefined();
  });

  it('refuses at import a key for another stamp, with the stamp it belongs to, and journals nothing', async () => {
    await fs.writeFile(join(stick, 'key.txt'), await liveKey());
    const stampSide = await machine('stamp');
    const other = '11111111-2222-3333-4444-555555555555';
    await expect(stampSide.readKey('stick', 'key.txt', other)).rejects.toMatchObject({
      problem: { code: 'key-wrong-stamp', message: expect.stringContaining(CLOUD), action: expect.stringContaining(`Take it to the stamp with cloud ID ${CLOUD}`) },
    });
    expect((await stampSide.list(100)).handoffs).toEqual([]);
  });

  it('refuses at import an expired key, saying to ask the connected host for a new one, and journals nothing', async () => {
    await fs.writeFile(join(stick, 'key.txt'), await liveKey({ expires: '2026-01-01T00:00:00Z' }));
    const stampSide = await machine('stamp');
    for (const stamp of [CLOUD, undefined]) {
      await expect(stampSide.readKey('stick', 'key.txt', stamp)).rejects.toMatchObject({
        problem: { code: 'key-expired', action: expect.stringContaining('Ask the connected host for a new key') },
      });
    }
    expect((await stampSide.list(100)).handoffs).toEqual([]);
  });

  it('refuses at import a key that answers another token than the open hand-off, and leaves the hand-off as it was', async () => {
    const stampSide = await machine('stamp');
    const created = await stampSide.createTokenHandoff({ token: liveToken(), stamp: STAMP, practice: false });
    await fs.writeFile(join(stick, 'key.txt'), await liveKey({ objectId: '00000000-0000-0000-0000-000000000009' }));
    await expect(stampSide.readKey('stick', 'key.txt', CLOUD)).rejects.toMatchObject({ problem: { code: 'key-token-mismatch' } });
    expect(((await stampSide.list(100)).handoffs).map((h) => [h.id, h.stage])).toEqual([[created.handoff.id, 'token-created']]);
  });

  it('refuses an expired key from Azure on the host', async () => {
    const host = await machine('host');
    const read = await host.readTokenText(liveToken());
    await expect(host.recordIssuedKey(read.handoff.id, await liveKey({ expires: '2020-01-01T00:00:00Z' }), 'x')).rejects.toMatchObject({
      problem: { code: 'key-expired' },
    });
  });

  it('refuses a key from Azure that answers another token', async () => {
    const host = await machine('host');
    const read = await host.readTokenText(liveToken());
    await expect(host.recordIssuedKey(read.handoff.id, await liveKey({ objectId: '00000000-0000-0000-0000-000000000009' }), 'x')).rejects.toMatchObject({
      problem: { code: 'key-token-mismatch' },
    });
  });

  it('refuses a token the stamp returned for another cloud ID, and stages of the other side', async () => {
    const stampSide = await machine('stamp');
    await expect(stampSide.createTokenHandoff({ token: liveToken(), stamp: { ...STAMP, cloudId: '11111111-2222-3333-4444-555555555555' }, practice: false })).rejects.toMatchObject({
      problem: { code: 'pep-failed' },
    });
    const created = await stampSide.createTokenHandoff({ token: liveToken(), stamp: STAMP, practice: false });
    await expect(stampSide.markStage(created.handoff.id, 'key-saved')).rejects.toMatchObject({ problem: { code: 'bad-request' } });
    await expect(stampSide.saveKey(created.handoff.id, 'stick')).rejects.toMatchObject({ problem: { code: 'not-found' } });
    await expect(stampSide.confirmActivated(created.handoff.id)).rejects.toMatchObject({ problem: { code: 'not-found' } });
  });

  it('will not close a host hand-off whose key never reached a drive', async () => {
    const host = await machine('host');
    const read = await host.readTokenText(liveToken());
    await expect(host.confirmActivated(read.handoff.id)).rejects.toMatchObject({
      problem: { code: 'bad-request', message: expect.stringContaining('Save the activation key') },
    });
    expect(host.tokenFor(read.handoff.id)).toBe(liveToken());
  });
});

describe('practice and live never mix', () => {
  it('refuses a practice token in live mode', async () => {
    const host = await machine('host', 'live');
    await expect(host.readTokenText(practiceToken())).rejects.toMatchObject({ problem: { code: 'practice-file-in-live' } });
  });

  it('refuses a live token in practice mode', async () => {
    const host = await machine('host', 'practice');
    await expect(host.readTokenText(liveToken())).rejects.toMatchObject({ problem: { code: 'live-file-in-practice' } });
  });

  it('refuses a file whose sidecar says practice in live mode', async () => {
    const practiceStamp = await machine('stamp', 'practice');
    const created = await practiceStamp.createTokenHandoff({ token: practiceToken(), stamp: STAMP, practice: true });
    const saved = await practiceStamp.saveToken(created.handoff.id, 'stick');
    expect(saved.fileName).toBe(`PRACTICE-AzureStack-${CLOUD}-registration-token.txt`);
    // A live token copied over the practice file keeps the practice sidecar next to it.
    await fs.writeFile(saved.path, `${liveToken()}\r\n`);
    const host = await machine('host', 'live');
    await expect(host.readToken('stick', saved.fileName)).rejects.toMatchObject({ problem: { code: 'practice-file-in-live' } });
  });

  it('refuses a practice key in live mode and accepts it in practice mode', async () => {
    await fs.writeFile(join(stick, 'key.txt'), await liveKey({ issuer: PRACTICE_ISSUER }));
    await expect((await machine('live', 'live')).readKey('stick', 'key.txt')).rejects.toMatchObject({ problem: { code: 'practice-file-in-live' } });
    expect((await (await machine('practice', 'practice')).readKey('stick', 'key.txt')).handoff.practice).toBe(true);
  });
});

describe('drives and files', () => {
  it('remembers a folder added with the picker for the session', async () => {
    const folder = join(root, 'share');
    await fs.mkdir(folder);
    const host = await machine('host', 'live', fs, folder);
    const added = await host.addFolder();
    expect(added).toMatchObject({ label: 'share', path: folder, removable: false });
    expect((await host.drives()).map((d) => d.path)).toEqual([stick, folder]);
    await fs.writeFile(join(folder, 'token.txt'), liveToken());
    expect((await host.files(added?.id ?? '')).map((f) => f.kind)).toEqual(['token']);
    expect(await (await machine('other')).addFolder()).toBeNull();
  });

  it('lists candidates with their kind and skips sidecars and temporary files', async () => {
    await fs.writeFile(join(stick, 'notes.txt'), 'hello');
    await fs.writeFile(join(stick, 'response.json'), JSON.stringify({ activationKey: await liveKey() }));
    await fs.writeFile(join(stick, 'x.azsregistrar.json'), '{}');
    await fs.writeFile(join(stick, '.a.txt.0123456789ab.tmp'), liveToken());
    await fs.writeFile(join(stick, 'photo.png'), 'png');
    await fs.writeFile(join(stick, 'huge.txt'), Buffer.alloc(1_048_577, 0x41));
    const files = await (await machine('host')).files('stick');
    expect(files.map((f) => [f.name, f.kind]).sort()).toEqual([
      ['huge.txt', 'unknown'],
      ['notes.txt', 'unknown'],
      ['response.json', 'key'],
    ]);
    expect(files.find((f) => f.name === 'response.json')?.registrationName).toBe('azstests5616');
  });

  it('refuses a file over 1 MiB, a missing file and a missing drive', async () => {
    await fs.writeFile(join(stick, 'huge.txt'), Buffer.alloc(1_048_577, 0x41));
    const host = await machine('host');
    await expect(host.readToken('stick', 'huge.txt')).rejects.toMatchObject({ problem: { code: 'file-too-large' } });
    await expect(host.readToken('stick', 'gone.txt')).rejects.toMatchObject({ problem: { code: 'not-found' } });
    await expect(host.files('no-such-drive')).rejects.toMatchObject({ problem: { code: 'media-missing' } });
    await fs.rm(stick, { recursive: true });
    await expect(host.files('stick')).rejects.toMatchObject({ problem: { code: 'media-missing', retryable: true } });
  });
});
