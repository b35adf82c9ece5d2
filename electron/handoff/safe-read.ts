import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import type * as fsp from 'node:fs/promises';
import { AppError } from '../../shared/contract';

// Reading whatever is on a USB stick without ever hanging or reading too much: the kind and size
// of an entry are checked (lstat, links not followed) before it is opened; the open itself never
// blocks (O_NONBLOCK: a pipe swapped in after the check opens at once instead of waiting for a
// writer) and never follows a link (O_NOFOLLOW); the handle's own stat is checked again; at most
// `limit + 1` bytes are read. Windows has neither flag and no pipes on a stick's file system.

export type SafeReadFs = Pick<typeof fsp, 'lstat' | 'open'>;

export type EntryKind = 'file' | 'folder' | 'link' | 'special';

export const entryKind = (st: Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'>): EntryKind =>
  st.isFile() ? 'file' : st.isDirectory() ? 'folder' : st.isSymbolicLink() ? 'link' : 'special';

const WHY_NOT: Record<Exclude<EntryKind, 'file'>, string> = {
  folder: 'it is a folder, not a file',
  link: 'it is a link to somewhere else, and links are not followed',
  special: 'it is a special file (a pipe, socket or device), not a file',
};

export const notAFile = (name: string, kind: Exclude<EntryKind, 'file'>): AppError =>
  new AppError('file-not-regular', `${name} cannot be read: ${WHY_NOT[kind]}.`, {
    action: 'Pick the .txt file that holds the registration token or activation key itself.',
  });

export const tooLarge = (name: string, bytes: number, limit: number): AppError =>
  new AppError('file-too-large', `${name} is ${bytes} bytes; a token or key file is far smaller (at most ${limit} bytes are read).`, {
    action: 'Pick the .txt file that holds only the registration token or activation key.',
  });

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

/** Maps an open or read error to what the operator can do; undefined for "it is not there". */
const unreadable = (name: string, err: unknown): AppError => {
  const c = code(err);
  if (c === 'EISDIR') return notAFile(name, 'folder');
  if (c === 'ELOOP' || c === 'EMLINK') return notAFile(name, 'link');
  if (c === 'ENXIO' || c === 'EAGAIN' || c === 'ENODEV') return notAFile(name, 'special');
  const why =
    c === 'EACCES' || c === 'EPERM'
      ? 'this account is not allowed to read it'
      : c === 'EIO'
        ? 'the stick returned a read error there: it may be failing or was pulled out'
        : `reading it failed (${c ?? 'unknown error'})`;
  return new AppError('file-unreadable', `${name} cannot be read: ${why}.`, {
    action: 'Copy the file again onto the stick on the other machine (or use another stick), then read it here.',
    retryable: true,
    detail: String(err),
  });
};

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * The bytes of a regular file, at most `limit`. Throws `file-not-regular`, `file-too-large` or
 * `file-unreadable`; a missing file rejects with the file system's own ENOENT for the caller.
 */
export const readRegularFile = async (fs: SafeReadFs, path: string, name: string, limit: number): Promise<Uint8Array> => {
  const info = await fs.lstat(path);
  const kind = entryKind(info);
  if (kind !== 'file') throw notAFile(name, kind);
  if (info.size > limit) throw tooLarge(name, info.size, limit);
  let handle: fsp.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (err) {
    if (code(err) === 'ENOENT') throw err;
    throw unreadable(name, err);
  }
  try {
    const st = await handle.stat();
    const now = entryKind(st);
    if (now !== 'file') throw notAFile(name, now);
    if (st.size > limit) throw tooLarge(name, st.size, limit);
    const buf = Buffer.alloc(limit + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > limit) throw tooLarge(name, n, limit);
    }
    return buf.subarray(0, n);
  } catch (err) {
    throw err instanceof AppError ? err : unreadable(name, err);
  } finally {
    await handle.close().catch(() => undefined);
  }
};
