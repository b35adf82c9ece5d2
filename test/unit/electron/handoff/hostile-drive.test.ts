import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandoffFs } from '../../../../electron/handoff';
import { AppError } from '../../../../shared/contract';
import { PRACTICE_ISSUER } from '../../../../shared/domain';
import type { StampInfo } from '../../../../shared/domain';
import { handoffMachine, tempStickPerTest } from '../../../fixtures/handoff/machine';
import { encodeToken, keySample, signKey, tokenSample } from '../../../fixtures/handoff/samples';

// A USB stick as operators really find it: special files, damaged or stale sidecars, files edited
// after they were written, practice files with a retouched issuer, prose and look-alikes.

const CLOUD = '69464895-3a1a-450a-9824-4b7608d9203f';
const OTHER = '11111111-2222-3333-4444-555555555555';
const STAMP: StampInfo = { cloudId: CLOUD, stampVersion: '1.2206.0.10', regionName: 'east', emergencyConsoleIpAddresses: [] };
const TOKEN = encodeToken(tokenSample());
const TOKEN_FILE = `AzureStack-${CLOUD}-registration-token.txt`;
const TOKEN_META = `AzureStack-${CLOUD}-registration-token.azsregistrar.json`;

let root: string;
let stick: string;
tempStickPerTest('azs-hostile-', (dirs) => {
  ({ root, stick } = dirs);
});

const machine = (name: string, mode: 'live' | 'practice' = 'live', files?: HandoffFs) => handoffMachine({ root, stick, name, mode, ...(files ? { files } : {}) });

/** Saves the live token to the stick from a stamp machine, with its sidecar. */
const saveToken = async (token = TOKEN, mode: 'live' | 'practice' = 'live') => {
  const stampSide = await machine(`stamp-${mode}`, mode);
  const created = await stampSide.createTokenHandoff({ token, stamp: STAMP, registrationName: 'azs-east-1', practice: mode === 'practice' });
  return stampSide.saveToken(created.handoff.id, 'stick');
};

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (err: unknown) => (err instanceof AppError ? err.problem.code : `untyped: ${String(err)}`),
  );

describe('special files on the stick are never opened blindly', () => {
  it('lists and refuses a FIFO, a folder and a link named *.txt, and a FIFO sidecar, without hanging', async () => {
    execFileSync('mkfifo', [join(stick, 'pipe.txt')]);
    await fs.mkdir(join(stick, 'folder.txt'));
    await fs.writeFile(join(root, 'elsewhere.txt'), TOKEN);
    await fs.symlink(join(root, 'elsewhere.txt'), join(stick, 'link.txt'));
    await fs.writeFile(join(stick, 'fine.txt'), TOKEN);
    execFileSync('mkfifo', [join(stick, 'fine.azsregistrar.json')]);
    const host = await machine('host');

    const files = await host.files('stick');
    const byName = Object.fromEntries(files.map((f) => [f.name, f]));
    expect(byName['pipe.txt']?.problem).toMatch(/special file \(a pipe/);
    // With its code, so the UI says why in its language.
    expect(byName['pipe.txt']?.problemSaid).toEqual({ problem: 'file-not-regular' });
    expect(byName['folder.txt']?.problem).toMatch(/it is a folder/);
    expect(byName['link.txt']?.problem).toMatch(/links are not followed/);
    expect(byName['fine.txt']).toMatchObject({ kind: 'token', problem: expect.stringMatching(/metadata file fine\.azsregistrar\.json .* is damaged .*special file/) });

    expect(await codeOf(host.readToken('stick', 'pipe.txt'))).toBe('file-not-regular');
    expect(await codeOf(host.readToken('stick', 'folder.txt'))).toBe('file-not-regular');
    expect(await codeOf(host.readToken('stick', 'link.txt'))).toBe('file-not-regular');
    expect(await codeOf(host.readToken('stick', 'fine.txt'))).toBe('sidecar-damaged');
    expect((await host.list(100)).handoffs).toEqual([]);
  });

  it('never reads a 50 MB sidecar: its size is checked first', async () => {
    await fs.writeFile(join(stick, 'token.txt'), TOKEN);
    await fs.writeFile(join(stick, 'token.azsregistrar.json'), '');
    await fs.truncate(join(stick, 'token.azsregistrar.json'), 50 * 1024 * 1024);
    let bytesRead = 0;
    const counting: HandoffFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
        return Object.assign(handle, {
          read: async (...a: unknown[]) => {
            const r = await read(...a);
            bytesRead += r.bytesRead;
            return r;
          },
        });
      }) as typeof fs.open,
    };
    const host = await machine('host', 'live', counting);
    expect(await codeOf(host.readToken('stick', 'token.txt'))).toBe('sidecar-damaged');
    expect((await host.files('stick'))[0]?.problem).toMatch(/too large|bytes/);
    expect(bytesRead).toBeLessThan(2 * TOKEN.length + 10);
  });

  it('reports a file the system will not open (permission, failing stick) instead of a raw error', async () => {
    // Tests run as root, which reads any file whatever its mode: the refusal is injected at open().
    await fs.writeFile(join(stick, 'locked.txt'), TOKEN);
    await fs.writeFile(join(stick, 'bad-sector.txt'), TOKEN);
    const failing: HandoffFs = {
      ...fs,
      open: (async (path: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
        const p = String(path);
        if (p.endsWith('locked.txt')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        if (p.endsWith('bad-sector.txt')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return fs.open(path, ...(rest as []));
      }) as typeof fs.open,
    };
    const host = await machine('host', 'live', failing);
    const files = await host.files('stick');
    expect(files.find((f) => f.name === 'locked.txt')?.problem).toMatch(/not allowed to read/);
    expect(files.find((f) => f.name === 'bad-sector.txt')?.problem).toMatch(/may be failing/);
    await expect(host.readToken('stick', 'locked.txt')).rejects.toMatchObject({ problem: { code: 'file-unreadable', action: expect.stringMatching(/Copy the file again/) } });
    await expect(host.readToken('stick', 'bad-sector.txt')).rejects.toMatchObject({ problem: { code: 'file-unreadable', retryable: true } });
  });

  it('saves beside a FIFO that holds the file name, without hanging', async () => {
    execFileSync('mkfifo', [join(stick, TOKEN_FILE)]);
    const saved = await saveToken();
    expect(saved.fileName).toBe(`AzureStack-${CLOUD}-registration-token (2).txt`);
  });
});

describe('the sidecar is compared with its file', () => {
  it('refuses a key file cut short, or changed where only the sidecar can tell, with what to do', async () => {
    const host = await machine('host');
    const read = await host.readTokenText(TOKEN);
    await host.recordIssuedKey(read.handoff.id, await signKey(keySample().payload), 'azstests5616');
    const saved = await host.saveKey(read.handoff.id, 'stick');
    const text = (await fs.readFile(saved.path, 'latin1')).trim();
    const stampSide = await machine('stamp');

    for (const cut of [1, 2, 3, 4, 50, 342]) {
      await fs.writeFile(saved.path, text.slice(0, text.length - cut));
      expect(await codeOf(stampSide.readKey('stick', saved.fileName, CLOUD))).toMatch(/^(input-|file-changed)/);
    }
    // One character of the signature changed: still a well-formed key, only the sidecar can tell.
    const i = text.length - 100;
    await fs.writeFile(saved.path, `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}\r\n`);
    const problem = await stampSide.readKey('stick', saved.fileName, CLOUD).catch((err: AppError) => err.problem);
    expect(problem).toMatchObject({ code: 'file-changed', action: expect.stringMatching(/Write it again on the other machine/) });
    expect((await stampSide.files('stick')).find((f) => f.name === saved.fileName)?.problem).toMatch(/changed after it was written/);
    expect((await stampSide.list(100)).handoffs).toEqual([]);
  });

  it('any single-character change to a saved token file is refused, or leaves the same token after normalisation', async () => {
    const saved = await saveToken();
    const original = await fs.readFile(saved.path, 'latin1');
    const host = await machine('host');
    const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_. \t\r\n\u200b');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length }), chars, fc.constantFrom('replace', 'insert', 'delete'), async (at, ch, kind) => {
        const edited =
          kind === 'replace' ? original.slice(0, at) + ch + original.slice(at + 1) : kind === 'insert' ? original.slice(0, at) + ch + original.slice(at) : original.slice(0, at) + original.slice(at + 1);
        await fs.writeFile(saved.path, edited, 'utf8');
        const outcome = await host.readToken('stick', saved.fileName).then(
          (r) => host.tokenFor(r.handoff.id),
          (err: unknown) => {
            if (!(err instanceof AppError)) throw err;
            return undefined;
          },
        );
        if (outcome !== undefined) expect(outcome).toBe(TOKEN);
      }),
      { numRuns: 150 },
    );
  });

  it('reports a sidecar that fails its schema, keeping its practice marker in force', async () => {
    const saved = await saveToken(encodeToken({ ...tokenSample(), issuer: PRACTICE_ISSUER }), 'practice');
    const metaPath = join(stick, saved.metadataFileName);
    const meta = JSON.parse(await fs.readFile(metaPath, 'utf8')) as Record<string, unknown>;
    // A live token copied over, and a sidecar edited by hand: practice is now a string.
    await fs.writeFile(saved.path, `${TOKEN}\r\n`);
    await fs.writeFile(metaPath, JSON.stringify({ ...meta, practice: 'yes' }));
    const host = await machine('host');
    await expect(host.readToken('stick', saved.fileName)).rejects.toMatchObject({
      problem: { code: 'sidecar-damaged', message: expect.stringMatching(/practice/), action: expect.stringMatching(/delete .*azsregistrar\.json/) },
    });
    expect((await host.files('stick'))[0]?.problem).toMatch(/damaged/);
  });

  it('never carries a stale sidecar’s registration name over to another stamp’s token', async () => {
    await saveToken();
    expect(JSON.parse(await fs.readFile(join(stick, TOKEN_META), 'utf8'))).toMatchObject({ registrationName: 'azs-east-1' });
    // Another stamp's token written over the file by another tool; the old sidecar stays.
    await fs.writeFile(join(stick, TOKEN_FILE), encodeToken({ ...tokenSample(), cloudId: OTHER }));
    const host = await machine('host');
    const listed = (await host.files('stick'))[0];
    expect(listed).toMatchObject({ kind: 'token', cloudId: OTHER, problem: expect.stringContaining(`for cloud ID ${CLOUD}`) });
    expect(listed?.registrationName).toBeUndefined();
    await expect(host.readToken('stick', TOKEN_FILE)).rejects.toMatchObject({ problem: { code: 'file-changed' } });
    expect((await host.list(100)).handoffs).toEqual([]);
  });
});

describe('the practice marker is matched robustly, both ways', () => {
  const variants = ['azs registrar practice', 'AZS REGISTRAR PRACTICE ', ' AzS  Registrar\tpractice', 'AzS\u200bRegistrar practice', 'AzS-Registrar-Practice (v2)'];

  it.each(variants)('%j is practice: refused in live mode, taken in practice mode', async (issuer) => {
    const token = encodeToken({ ...tokenSample(), issuer });
    await expect((await machine('live')).readTokenText(token)).rejects.toMatchObject({ problem: { code: 'practice-file-in-live' } });
    expect((await (await machine('practice', 'practice')).readTokenText(token)).handoff.practice).toBe(true);
    await fs.writeFile(join(stick, 'key.txt'), await signKey({ ...keySample().payload, issuer }));
    await expect((await machine('live-stamp')).readKey('stick', 'key.txt')).rejects.toMatchObject({ problem: { code: 'practice-file-in-live' } });
  });

  it('a live issuer stays live', async () => {
    expect((await (await machine('live')).readTokenText(encodeToken({ ...tokenSample(), issuer: 'someone' }))).handoff.practice).toBe(false);
  });
});

describe('messages say what the file looks like', () => {
  it.each([
    ['prose.txt', 'Hello team,\r\nplease find the token attached. Thanks!\r\n', /ordinary text \(words separated by spaces\)/],
    ['dotted.txt', 'abc.def.ghi', /not an activation key header/],
    ['zero-width.txt', `${TOKEN.slice(0, 40)}\u200b${TOKEN.slice(40)}`, /zero-width space \(U\+200B\) at position 41/],
  ])('%s', async (name, content, message) => {
    await fs.writeFile(join(stick, name), content);
    const stampSide = await machine('stamp');
    const listed = (await stampSide.files('stick'))[0];
    expect(listed).toMatchObject({ name, kind: 'unknown', problem: expect.stringMatching(message) });
    expect(listed?.problem).not.toMatch(/altered on the way/);
  });

  it('does not call dotted words an activation key when a key is expected', async () => {
    await fs.writeFile(join(stick, 'dotted.txt'), 'abc.def.ghi');
    const problem = await (await machine('stamp')).readKey('stick', 'dotted.txt').then(
      () => undefined,
      (err: AppError) => err.problem,
    );
    expect(problem?.message).toMatch(/it is not an activation key/);
    expect(problem?.message).not.toMatch(/^The (header|content) of this activation key/);
  });
});
