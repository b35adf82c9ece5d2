import { join } from 'node:path';
import type { DriveInfo, HandoffSummary, SavedFile } from '../../shared/domain';
import type { Clock, StampMeta } from '../journal';
import type { Logger } from '../log';
import { fingerprintOf } from './fingerprint';
import { chooseFileBase, mediaWriteError, writeVerified } from './media';
import type { MediaFs } from './media';
import { APP_NAME, METADATA_SUFFIX, baseNameFor } from './metadata';
import type { HandoffMetadata } from './metadata';

// The token or key goes on the stick as one ASCII line + CRLF, exactly what
// `Register-AzsEnvironment -RegistrationToken (Get-Content …)` and `New-AzsActivationResource
// -ActivationKey (Get-Content …)` expect, with our sidecar next to it.

export type SaveInput = { drive: DriveInfo; handoff: HandoffSummary; kind: 'token' | 'key'; text: string; stamp?: StampMeta };

export const saveHandoffFile = async (deps: { fs: MediaFs; clock: Clock; log: Logger }, input: SaveInput): Promise<SavedFile> => {
  const { drive, handoff: h, kind, text, stamp } = input;
  const fingerprint = fingerprintOf(text);
  const data = Buffer.from(`${text}\r\n`, 'ascii');
  try {
    const base = await chooseFileBase(deps.fs, drive.path, baseNameFor(kind, h.cloudId, h.practice, h.purpose), data, METADATA_SUFFIX);
    const fileName = `${base}.txt`;
    const metadataFileName = `${base}${METADATA_SUFFIX}`;
    const meta: HandoffMetadata = {
      app: APP_NAME,
      kind,
      file: fileName,
      cloudId: h.cloudId,
      createdAt: deps.clock.now().toISOString(),
      fingerprint,
      practice: h.practice,
      ...(h.registrationName ? { registrationName: h.registrationName } : {}),
      ...(h.purpose ? { purpose: h.purpose } : {}),
      ...(stamp?.stampVersion ? { stampVersion: stamp.stampVersion } : {}),
      ...(stamp?.regionName ? { regionName: stamp.regionName } : {}),
    };
    const path = join(drive.path, fileName);
    await writeVerified(deps.fs, path, data);
    await writeVerified(deps.fs, join(drive.path, metadataFileName), Buffer.from(`${JSON.stringify(meta, null, 2)}\r\n`, 'utf8'));
    deps.log.info('Hand-off file saved.', { kind, path, fingerprint });
    return { driveId: drive.id, path, fileName, metadataFileName, fingerprint, bytes: data.length, verified: true };
  } catch (err) {
    throw await mediaWriteError(deps.fs, drive.path, err);
  }
};
