import type * as fsp from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/contract';
import { replaceFileAtomic } from '../journal';
import type { AtomicFs } from '../journal';
import { readRegularFile } from './safe-read';
import type { SafeReadFs } from './safe-read';

// Writing to a USB stick: atomic replace, read back to verify, never silently overwrite someone
// else's file, and errors in the operator's words (stick pulled, full, write-protected).

export type MediaFs = AtomicFs & SafeReadFs & Pick<typeof fsp, 'readFile' | 'stat'>;

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

export const mediaMissing = (where: string, detail?: string): AppError =>
  new AppError('media-missing', `The USB stick or folder ${where} is no longer available.`, {
    action: 'Plug the USB stick back in (or reconnect the folder), then choose it again.',
    retryable: true,
    ...(detail ? { detail } : {}),
  });

/** Maps a write error to what the operator can do about it. */
export const mediaWriteError = async (fs: MediaFs, dir: string, err: unknown): Promise<AppError> => {
  if (err instanceof AppError) return err;
  const folderGone = await fs.stat(dir).then(() => false, () => true);
  if (folderGone) return mediaMissing(dir, String(err));
  const c = code(err);
  if (c === 'ENOSPC' || c === 'EDQUOT') {
    return new AppError('media-write-failed', `The USB stick ${dir} is full.`, {
      action: 'Free some space on it or use another USB stick, then save again.',
      retryable: true,
      detail: String(err),
    });
  }
  if (c === 'EROFS' || c === 'EACCES' || c === 'EPERM') {
    return new AppError('media-write-failed', `The USB stick ${dir} is read-only, or this account may not write to it.`, {
      action: 'Check the write-protect switch on the stick, or choose another stick or folder, then save again.',
      retryable: true,
      detail: String(err),
    });
  }
  return new AppError('media-write-failed', `Writing to ${dir} failed.`, {
    action: 'Try again; if it fails again, use another USB stick.',
    retryable: true,
    detail: String(err),
  });
};

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** What a name holds now: nothing, these bytes, or something else (another file, a folder, a pipe…). */
const occupant = async (fs: MediaFs, path: string, data: Uint8Array): Promise<'free' | 'same' | 'taken'> => {
  try {
    return sameBytes(await readRegularFile(fs, path, basename(path), data.length), data) ? 'same' : 'taken';
  } catch (err) {
    return code(err) === 'ENOENT' ? 'free' : 'taken';
  }
};

/** Writes and reads back; a mismatch removes the bad file so nobody carries it away. */
export const writeVerified = async (fs: MediaFs, path: string, data: Uint8Array): Promise<void> => {
  await replaceFileAtomic(fs, path, data);
  const back = await fs.readFile(path);
  if (!sameBytes(back, data)) {
    await fs.unlink(path).catch(() => undefined);
    throw new AppError('media-verify-failed', `What was read back from ${path} differs from what was written: the USB stick may be failing.`, {
      action: 'Use another USB stick and save again.',
      retryable: true,
    });
  }
};

/**
 * Picks `<base>.txt` or the first free `<base> (n).txt`: a name is free when neither the text file
 * nor its sidecar exists, or when the text file already holds exactly these bytes (saved before).
 */
export const chooseFileBase = async (fs: MediaFs, dir: string, base: string, data: Uint8Array, metaSuffix: string): Promise<string> => {
  for (let n = 1; n < 100; n += 1) {
    const candidate = n === 1 ? base : `${base} (${n})`;
    const text = await occupant(fs, join(dir, `${candidate}.txt`), data);
    if (text === 'same') return candidate;
    if (text === 'free' && (await occupant(fs, join(dir, `${candidate}${metaSuffix}`), new Uint8Array())) === 'free') return candidate;
  }
  throw new AppError('media-write-failed', `There are already 99 files named ${base} in ${dir}.`, {
    action: 'Move the old files away, or choose another folder.',
  });
};
