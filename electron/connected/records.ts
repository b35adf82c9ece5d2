import type * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CONNECTED_PURPOSES, CONNECTED_STEPS } from '../../shared/domain/connected';
import type { ConnectedRecord } from '../../shared/domain/connected';
import { replaceFileAtomic } from '../journal';
import type { Logger } from '../log';

// One small JSON file of connected registrations beside the journal (which records the air-gap hand-
// offs): each step of a connected run is written as it completes, so a run that stops says what it left
// in Azure and on the stamp, and a re-run with the same names continues the same record. Nothing secret
// is ever in it (no refresh token, no registration token, no activation key).

export type RecordsFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'readFile' | 'mkdir'>;

const RecordSchema = z.object({
  id: z.string(),
  purpose: z.enum(CONNECTED_PURPOSES),
  practice: z.boolean(),
  cloudId: z.string(),
  subscriptionId: z.string(),
  resourceGroup: z.string(),
  registrationName: z.string(),
  location: z.string(),
  billingModel: z.string(),
  usageReportingEnabled: z.boolean(),
  marketplaceSyndicationEnabled: z.boolean(),
  principalId: z.string().optional(),
  registrationId: z.string().optional(),
  roleAssignmentId: z.string().optional(),
  done: z.array(z.enum(CONNECTED_STEPS)),
  failedAt: z.enum(CONNECTED_STEPS).optional(),
  failure: z.string().optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
});
const FileSchema = z.object({ version: z.literal(1), records: z.array(RecordSchema) });

export const recordId = (r: { subscriptionId: string; resourceGroup: string; registrationName: string }): string =>
  [r.subscriptionId, r.resourceGroup, r.registrationName].join('/').toLowerCase();

export const createConnectedRecords = async (deps: { file: string; fs: RecordsFs; log: Logger }) => {
  const records = new Map<string, ConnectedRecord>();
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await deps.fs.readFile(deps.file, 'utf8')));
    if (parsed.success) for (const r of parsed.data.records) records.set(r.id, r as ConnectedRecord);
    else deps.log.warn('The connected registrations file is not readable; starting a new one', { file: deps.file });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') deps.log.warn('Could not read the connected registrations file', { error: String(err) });
  }
  let writing: Promise<void> = Promise.resolve();
  return {
    /** Newest first. */
    list: (): ConnectedRecord[] => [...records.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    get: (id: string): ConnectedRecord | undefined => records.get(id),
    /** Written (atomically) before it resolves: a step is recorded once this returns. */
    save: (record: ConnectedRecord): Promise<void> => {
      records.set(record.id, record);
      const data = JSON.stringify({ version: 1, records: [...records.values()] });
      writing = writing.catch(() => undefined).then(async () => {
        await deps.fs.mkdir(dirname(deps.file), { recursive: true });
        await replaceFileAtomic(deps.fs, deps.file, data);
      });
      return writing;
    },
  };
};
export type ConnectedRecords = Awaited<ReturnType<typeof createConnectedRecords>>;
