import { createHash } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { basename } from 'node:path';
import type { DriveInfo } from '../../shared/domain';
import { mediaMissing } from './media';

// Drives the operator can pick: removable drives found now, plus folders added with the folder
// picker, remembered for the session. Ids are stable for a path so a re-plugged stick keeps its id.

export type DriveRegistry = {
  drives(): Promise<DriveInfo[]>;
  addFolder(): Promise<DriveInfo | null>;
  /** The drive, checked to be present now. */
  resolve(driveId: string): Promise<DriveInfo>;
};

const folderId = (path: string): string => `folder-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;

export const createDriveRegistry = (deps: {
  fs: Pick<typeof fsp, 'stat'>;
  listDrives: () => Promise<DriveInfo[]>;
  pickFolder: () => Promise<string | null>;
}): DriveRegistry => {
  const added = new Map<string, DriveInfo>();
  let known = new Map<string, DriveInfo>();

  const drives = async (): Promise<DriveInfo[]> => {
    const found = await deps.listDrives();
    const all = [...found, ...[...added.values()].filter((a) => !found.some((f) => f.path === a.path))];
    known = new Map(all.map((d) => [d.id, d]));
    return all;
  };

  return {
    drives,
    addFolder: async () => {
      const path = await deps.pickFolder();
      if (path === null) return null;
      const drive: DriveInfo = { id: folderId(path), label: basename(path) || path, path, removable: false };
      added.set(drive.id, drive);
      known.set(drive.id, drive);
      return drive;
    },
    resolve: async (driveId) => {
      const drive = known.get(driveId) ?? (await drives()).find((d) => d.id === driveId);
      if (!drive) throw mediaMissing('you chose');
      const isDir = await deps.fs.stat(drive.path).then((s) => s.isDirectory(), () => false);
      if (!isDir) throw mediaMissing(`“${drive.label}” (${drive.path})`);
      return drive;
    },
  };
};
