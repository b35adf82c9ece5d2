import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTemporaryName, replaceFileAtomic } from '../../../../electron/journal';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'azs-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('replaceFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const path = join(dir, 'a.txt');
    await fs.writeFile(path, 'old');
    await replaceFileAtomic(fs, path, 'new');
    expect(await fs.readFile(path, 'utf8')).toBe('new');
    expect(await fs.readdir(dir)).toEqual(['a.txt']);
  });

  it('keeps the old content and removes the temporary file when the rename fails', async () => {
    const path = join(dir, 'a.txt');
    await fs.writeFile(path, 'old');
    const failing = { ...fs, rename: async () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) };
    await expect(replaceFileAtomic(failing, path, 'new')).rejects.toThrow('EIO');
    expect(await fs.readFile(path, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['a.txt']);
  });

  it('recognises its temporary names', () => {
    expect(isTemporaryName('.a.txt.0123456789ab.tmp')).toBe(true);
    expect(isTemporaryName('a.txt')).toBe(false);
  });
});
