import { randomBytes } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Replace a file so that a crash or a pulled USB stick leaves either the old or the new content,
// never half of one: write a temporary file in the same folder, fsync it, rename it over the
// target, then fsync the folder so the rename itself is on disk.

export type AtomicFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink'>;

const temporaryNameFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

export const isTemporaryName = (name: string): boolean => /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);

export const replaceFileAtomic = async (fs: AtomicFs, path: string, data: string | Uint8Array): Promise<void> => {
  const tmp = temporaryNameFor(path);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncFolder(fs, dirname(path));
};

const syncFolder = async (fs: AtomicFs, dir: string): Promise<void> => {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some FAT drivers cannot fsync a folder; the rename is as durable as they allow.
  }
};
