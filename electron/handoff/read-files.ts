import type * as fsp from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/contract';
import { MAX_INPUT_BYTES, bytesToText, decodeActivationKey, decodeRegistrationToken } from '../../shared/domain';
import type { DecodedKey, DecodedToken, HandoffFile } from '../../shared/domain';
import type { Logger } from '../log';
import { isTemporaryName } from '../journal';
import { fingerprintOf } from './fingerprint';
import { METADATA_SUFFIX, metadataNameFor, parseMetadata } from './metadata';
import type { HandoffMetadata } from './metadata';
import { mediaMissing } from './media';

// Reading token and key files from a stick: ours (with a sidecar) and plain ones written by the
// PowerShell module (UTF-16 LE with BOM, no sidecar). Never reads more than 1 MiB.

export type ReadFs = Pick<typeof fsp, 'readFile' | 'readdir' | 'stat'>;

type Detected =
  | { kind: 'token'; decoded: DecodedToken; practice: boolean }
  | { kind: 'key'; decoded: DecodedKey; practice: boolean }
  | { kind: 'unknown' };

const CANDIDATE = /\.(txt|json)$/i;

export const readSmallFile = async (fs: ReadFs, dir: string, name: string): Promise<Uint8Array> => {
  if (basename(name) !== name || name === '..' || name === '.') {
    throw new AppError('bad-request', 'Pick a file by its name in the chosen folder, not by a path.');
  }
  const path = join(dir, name);
  const info = await fs.stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    return undefined;
  });
  if (!info) {
    const present = await fs.stat(dir).then(() => true, () => false);
    if (!present) throw mediaMissing(dir);
    throw new AppError('not-found', `There is no file ${name} in ${dir}.`, { action: 'Refresh the list of files and pick again.' });
  }
  if (info.size > MAX_INPUT_BYTES) {
    throw new AppError('file-too-large', `${name} is ${info.size} bytes; a token or key file is far smaller.`, {
      action: 'Pick the .txt file that holds only the registration token or activation key.',
    });
  }
  return fs.readFile(path);
};

export const readSidecar = async (fs: ReadFs, dir: string, textName: string, log: Logger): Promise<HandoffMetadata | undefined> => {
  const bytes = await fs.readFile(join(dir, metadataNameFor(textName))).catch(() => undefined);
  if (!bytes || bytes.length > MAX_INPUT_BYTES) return undefined;
  const meta = parseMetadata(Buffer.from(bytes).toString('utf8'));
  if (!meta) log.warn('Hand-off: an unreadable metadata file is ignored.', { file: metadataNameFor(textName) });
  return meta;
};

const detect = (bytes: Uint8Array): Detected => {
  try {
    const text = bytesToText(bytes).text;
    try {
      const decoded = decodeRegistrationToken(text);
      return { kind: 'token', decoded, practice: decoded.summary.practice };
    } catch {
      const decoded = decodeActivationKey(text);
      return { kind: 'key', decoded, practice: decoded.summary.practice };
    }
  } catch {
    return { kind: 'unknown' };
  }
};

export const listFiles = async (fs: ReadFs, dir: string, log: Logger): Promise<HandoffFile[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw mediaMissing(dir, String(err));
  });
  const names = entries
    .filter((e) => e.isFile() && CANDIDATE.test(e.name) && !e.name.toLowerCase().endsWith(METADATA_SUFFIX) && !isTemporaryName(e.name))
    .map((e) => e.name);
  const files = await Promise.all(names.map((name) => describe(fs, dir, name, log)));
  return files.filter((f) => f !== undefined).sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
};

const describe = async (fs: ReadFs, dir: string, name: string, log: Logger): Promise<HandoffFile | undefined> => {
  const info = await fs.stat(join(dir, name)).catch(() => undefined);
  if (!info) return undefined;
  const file: HandoffFile = { name, kind: 'unknown', bytes: info.size, modifiedAt: info.mtime.toISOString() };
  if (info.size > MAX_INPUT_BYTES) return file;
  const found = detect(await fs.readFile(join(dir, name)));
  const meta = await readSidecar(fs, dir, name, log);
  if (found.kind === 'unknown') return file;
  file.kind = found.kind;
  file.cloudId = found.decoded.summary.cloudId;
  file.fingerprint = fingerprintOf(found.decoded.canonical);
  file.practice = found.practice || meta?.practice === true;
  const registrationName = found.kind === 'key' ? found.decoded.summary.registrationName : meta?.registrationName;
  if (registrationName) file.registrationName = registrationName;
  return file;
};
