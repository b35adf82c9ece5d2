import type * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';
import { replaceFileAtomic } from './atomic-file';
import type { AtomicFs } from './atomic-file';

// The token and key texts of the hand-offs still open, one small file per hand-off in a folder next
// to the journal. They live apart from the append-only log so that completing a hand-off removes them
// by deleting one file, never by rewriting the whole journal.

export type Texts = { token?: string; key?: string };
export type KeptFs = AtomicFs & Pick<typeof fsp, 'readdir' | 'readFile' | 'mkdir'>;

const Stored = z.object({ token: z.string().optional(), key: z.string().optional() }).strict();
const SUFFIX = '.kept.json';
const ID = /^[A-Za-z0-9-]+$/;

export const keptFolderFor = (journalFile: string): string => `${journalFile}.kept`;

export type KeptStore = {
  /** Every readable file of the folder, by hand-off id. */
  readAll(): Promise<Map<string, Texts>>;
  write(id: string, texts: Texts): Promise<void>;
  remove(id: string): Promise<void>;
};

export const keptStore = (fs: KeptFs, folder: string, log: Logger): KeptStore => {
  const fileOf = (id: string) => {
    // Ids are UUIDs; anything else (a hand-edited journal) must not name a path outside the folder.
    if (!ID.test(id)) throw new Error(`Not a hand-off id: ${JSON.stringify(id)}`);
    return join(folder, `${id}${SUFFIX}`);
  };
  return {
    readAll: async () => {
      await fs.mkdir(folder, { recursive: true });
      const found = new Map<string, Texts>();
      for (const name of await fs.readdir(folder)) {
        if (!name.endsWith(SUFFIX)) continue;
        const id = name.slice(0, -SUFFIX.length);
        if (!ID.test(id)) continue;
        try {
          found.set(id, Stored.parse(JSON.parse(await fs.readFile(join(folder, name), 'utf8'))));
        } catch (err) {
          log.error('Journal: an unreadable token/key file is ignored.', { file: name, error: String(err) });
        }
      }
      return found;
    },
    write: async (id, texts) => replaceFileAtomic(fs, fileOf(id), JSON.stringify(texts)),
    remove: async (id) => {
      await fs.unlink(fileOf(id)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
  };
};
