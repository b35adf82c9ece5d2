import type * as fsp from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../shared/contract';
import { said } from '../../shared/contract/said';
import { MAX_INPUT_BYTES, bytesToText, compactText, decodeActivationKey, decodeRegistrationToken, sameGuid } from '../../shared/domain';
import type { DecodedKey, DecodedToken, HandoffFile } from '../../shared/domain';
import { isTemporaryName } from '../journal';
import { fingerprintOf } from './fingerprint';
import { METADATA_SUFFIX, metadataNameFor, parseMetadata } from './metadata';
import type { HandoffMetadata } from './metadata';
import { mediaMissing } from './media';
import { entryKind, notAFile, readRegularFile } from './safe-read';
import type { SafeReadFs } from './safe-read';

// Reading token and key files from a stick: ours (with a sidecar) and plain ones written by the
// PowerShell module (UTF-16 LE with BOM, no sidecar). On each entry: regular file only (no folder,
// link, pipe or device), at most 1 MiB (a sidecar 64 KiB), opened without blocking; the text decoded
// once by the decoder its shape calls for; the sidecar, when there is one, must be readable and
// match the file's kind, cloud ID and fingerprint.

export type ReadFs = SafeReadFs & Pick<typeof fsp, 'readdir' | 'stat'>;

export type Detected = { kind: 'token'; decoded: DecodedToken } | { kind: 'key'; decoded: DecodedKey };

export type Sidecar = { state: 'none' } | { state: 'ok'; meta: HandoffMetadata } | { state: 'damaged'; name: string; why: string };

export const MAX_SIDECAR_BYTES = 65_536;
/** Candidates read when listing a drive, newest first; older ones are listed unread. */
export const MAX_LISTED = 200;

const CANDIDATE = /\.(txt|json)$/i;
const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

export const readSmallFile = async (fs: ReadFs, dir: string, name: string): Promise<Uint8Array> => {
  if (basename(name) !== name || name === '..' || name === '.') {
    throw new AppError('bad-request', 'Pick a file by its name in the chosen folder, not by a path.');
  }
  try {
    return await readRegularFile(fs, join(dir, name), name, MAX_INPUT_BYTES);
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
    const present = await fs.stat(dir).then(() => true, () => false);
    if (!present) throw mediaMissing(dir);
    throw new AppError('not-found', `There is no file ${name} in ${dir}.`, { action: 'Refresh the list of files and pick again.' });
  }
};

export const readSidecar = async (fs: ReadFs, dir: string, textName: string): Promise<Sidecar> => {
  const name = metadataNameFor(textName);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(fs, join(dir, name), name, MAX_SIDECAR_BYTES);
  } catch (err) {
    if (code(err) === 'ENOENT') return { state: 'none' };
    return { state: 'damaged', name, why: err instanceof AppError ? err.problem.message : String(err) };
  }
  const parsed = parseMetadata(Buffer.from(bytes).toString('utf8'));
  return 'meta' in parsed ? { state: 'ok', meta: parsed.meta } : { state: 'damaged', name, why: parsed.why };
};

/** The sidecar's metadata; refuses a file whose sidecar exists but cannot be read. */
export const sidecarMeta = (sidecar: Sidecar, fileName: string): HandoffMetadata | undefined => {
  if (sidecar.state === 'none') return undefined;
  if (sidecar.state === 'damaged') {
    throw new AppError(
      'sidecar-damaged',
      `The metadata file ${sidecar.name} beside ${fileName} is damaged (${sidecar.why}). It may be what marks ${fileName} as a practice file, so ${fileName} is not used.`,
      { action: `Write the file again on the other machine. If you are sure ${fileName} is a real (live) file, delete ${sidecar.name} and read it again.` },
    );
  }
  return sidecar.meta;
};

/** Refuses a file that is not what its sidecar says it is: changed after it was written. */
export const checkSidecar = (
  meta: HandoffMetadata | undefined,
  fileName: string,
  found: { kind: 'token' | 'key'; decoded: DecodedToken | DecodedKey },
): void => {
  if (meta === undefined) return;
  const fingerprint = fingerprintOf(found.decoded.canonical);
  if (meta.kind !== found.kind || !sameGuid(meta.cloudId, found.decoded.summary.cloudId) || meta.fingerprint !== fingerprint) {
    throw new AppError(
      'file-changed',
      `${fileName} changed after it was written: it holds ${found.kind === 'token' ? 'a token' : 'a key'} with fingerprint ${fingerprint} for cloud ID ${found.decoded.summary.cloudId}, but the metadata file written with it says ${meta.kind === 'token' ? 'a token' : 'a key'} with fingerprint ${meta.fingerprint} for cloud ID ${meta.cloudId}.`,
      {
        action: `Write it again on the other machine (save it to the stick again), then read it here. If you replaced ${fileName} on purpose, delete ${metadataNameFor(fileName)} beside it.`,
      },
    );
  }
};

/** Decodes once, with the decoder the text's shape calls for: a key has dots or is JSON, a token never. */
export const detect = (bytes: Uint8Array): Detected => {
  const { text } = bytesToText(bytes);
  const compact = compactText(text);
  if (compact.includes('.') || compact.startsWith('{')) return { kind: 'key', decoded: decodeActivationKey(text) };
  return { kind: 'token', decoded: decodeRegistrationToken(text) };
};

/** Why a file cannot be used: main's problem (its English and its code), or the error as it came. */
const problemOf = (err: unknown): Pick<HandoffFile, 'problem' | 'problemSaid'> =>
  err instanceof AppError
    ? { problem: err.problem.message, problemSaid: { problem: err.problem.code } }
    : { problem: `It could not be read (${String(err)}).`, problemSaid: said('file.unreadable', `It could not be read (${String(err)}).`, { error: String(err) }) };

export const listFiles = async (fs: ReadFs, dir: string): Promise<HandoffFile[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw mediaMissing(dir, String(err));
  });
  const names = entries
    .filter((e) => CANDIDATE.test(e.name) && !e.name.toLowerCase().endsWith(METADATA_SUFFIX) && !isTemporaryName(e.name))
    .map((e) => e.name);
  const seen: HandoffFile[] = [];
  for (const name of names) {
    const info = await fs.lstat(join(dir, name)).catch(() => undefined);
    if (info) seen.push({ name, kind: 'unknown', bytes: info.size, modifiedAt: info.mtime.toISOString() });
  }
  seen.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  // One file at a time, letting the event loop run between files: each file is at most 1 MiB and
  // every decoder is linear, so IPC and running operations wait at most one file's decoding.
  for (const [i, file] of seen.entries()) {
    if (i >= MAX_LISTED) {
      file.problem = `Not read: only the newest ${MAX_LISTED} candidate files on a drive are read.`;
      file.problemSaid = said('file.not-read', file.problem, { limit: MAX_LISTED });
    }
    else {
      await describe(fs, dir, file);
      await nextTurn();
    }
  }
  return seen;
};

const describe = async (fs: ReadFs, dir: string, file: HandoffFile): Promise<void> => {
  try {
    const info = await fs.lstat(join(dir, file.name));
    const kind = entryKind(info);
    if (kind !== 'file') throw notAFile(file.name, kind);
    const found = detect(await readRegularFile(fs, join(dir, file.name), file.name, MAX_INPUT_BYTES));
    file.kind = found.kind;
    file.cloudId = found.decoded.summary.cloudId;
    file.fingerprint = fingerprintOf(found.decoded.canonical);
    file.practice = found.decoded.summary.practice;
    const meta = sidecarMeta(await readSidecar(fs, dir, file.name), file.name);
    if (meta?.practice) file.practice = true;
    checkSidecar(meta, file.name, found);
    const registrationName = found.kind === 'key' ? found.decoded.summary.registrationName : meta?.registrationName;
    if (registrationName) file.registrationName = registrationName;
    if (meta?.purpose) file.purpose = meta.purpose;
  } catch (err) {
    Object.assign(file, problemOf(err));
  }
};
