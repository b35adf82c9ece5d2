import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStickPerTest } from '../../../fixtures/handoff/machine';
import { createHandoff } from '../../../../electron/handoff';
import type { HandoffFs } from '../../../../electron/handoff';
import { createJournal } from '../../../../electron/journal';
import { memoryLogger } from '../../../../electron/log';
import type { StampInfo } from '../../../../shared/domain';
import { encodeToken, tokenSample } from '../../../fixtures/handoff/samples';

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const STAMP: StampInfo = { cloudId: CLOUD, stampVersion: '1.2206.0.10', emergencyConsoleIpAddresses: [] };
const TOKEN = encodeToken(tokenSample());
const NAME = `AzureStack-${CLOUD}-registration-token`;

let root: string;
let stick: string;
tempStickPerTest('azs-media-', (dirs) => {
  ({ root, stick } = dirs);
});

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A stamp machine with a token ready to save, writing through `files`. */
const stampWithToken = async (files: HandoffFs = fs) => {
  const clock = { now: () => new Date('2026-11-25T10:00:00Z') };
  const journal = await createJournal({ file: join(root, 'journal.jsonl'), fs, clock, log: memoryLogger() });
  const handoff = createHandoff({
    fs: files,
    clock,
    log: memoryLogger(),
    mode: 'live',
    journal,
    listDrives: async () => [{ id: 'stick', label: 'USB', path: stick, removable: true }],
    pickFolder: async () => null,
  });
  const { handoff: h } = await handoff.createTokenHandoff({ token: TOKEN, stamp: STAMP, practice: false });
  return { handoff, id: h.id };
};

describe('saving to the USB stick', () => {
  it('writes one ASCII line with CRLF, and reuses the name when the same token is saved again', async () => {
    const { handoff, id } = await stampWithToken();
    const first = await handoff.saveToken(id, 'stick');
    const again = await handoff.saveToken(id, 'stick');
    expect(again.fileName).toBe(first.fileName);
    const bytes = await fs.readFile(first.path);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(bytes.toString('ascii')).toBe(`${TOKEN}\r\n`);
    expect(first.bytes).toBe(bytes.length);
    expect((await fs.readdir(stick)).sort()).toEqual([`${NAME}.azsregistrar.json`, `${NAME}.txt`]);
  });

  it('never overwrites a different file of the same name: it picks a suffix', async () => {
    await fs.writeFile(join(stick, `${NAME}.txt`), 'someone else’s file');
    await fs.writeFile(join(stick, `${NAME} (2).azsregistrar.json`), '{}');
    const { handoff, id } = await stampWithToken();
    const saved = await handoff.saveToken(id, 'stick');
    expect(saved.fileName).toBe(`${NAME} (3).txt`);
    expect(saved.metadataFileName).toBe(`${NAME} (3).azsregistrar.json`);
    expect(await fs.readFile(join(stick, `${NAME}.txt`), 'utf8')).toBe('someone else’s file');
  });

  it.each([
    ['EROFS', /read-only/, /write-protect/],
    ['EACCES', /read-only/, /write-protect/],
    ['ENOSPC', /is full/, /Free some space/],
    ['EIO', /failed/, /another USB stick/],
  ])('turns %s into media-write-failed with an action', async (code, message, action) => {
    const { handoff, id } = await stampWithToken({ ...fs, open: async () => Promise.reject(errno(code)) });
    const err = await handoff.saveToken(id, 'stick').catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: { code: 'media-write-failed', retryable: true, message: expect.stringMatching(message), action: expect.stringMatching(action) } });
  });

  it('reports media-missing when the stick is pulled during the write', async () => {
    const pulled: HandoffFs = {
      ...fs,
      open: async () => {
        await fs.rm(stick, { recursive: true, force: true });
        throw errno('ENOENT');
      },
    };
    const { handoff, id } = await stampWithToken(pulled);
    await expect(handoff.saveToken(id, 'stick')).rejects.toMatchObject({ problem: { code: 'media-missing' } });
  });

  it('reports media-verify-failed and removes the file when the read-back differs', async () => {
    const corrupting: HandoffFs = {
      ...fs,
      readFile: (async (path: Parameters<typeof fs.readFile>[0], opts?: unknown) => {
        const real = (await fs.readFile(path, opts as undefined)) as Buffer;
        return String(path).endsWith('.txt') && real.length > 10 ? Buffer.from(real.toString('latin1').toLowerCase(), 'latin1') : real;
      }) as typeof fs.readFile,
    };
    const { handoff, id } = await stampWithToken(corrupting);
    await expect(handoff.saveToken(id, 'stick')).rejects.toMatchObject({ problem: { code: 'media-verify-failed' } });
    expect(await fs.readdir(stick)).toEqual([]);
  });
});
