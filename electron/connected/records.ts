import type * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CONNECTED_PURPOSES, CONNECTED_STEPS } from '../../shared/domain/connected';
import type { ConnectedRecord } from '../../shared/domain/connected';
import { replaceFileAtomic } from '../journal';
import type { Logger } from '../log';

// One small JSON file of connected registrations beside the journal (which records the air-gap hand-
// offs): each step of a connected run is written as it completes, so a run that stops says what it left
// in Azure and on the stamp, and a re-run with the same names continues the same record. It also keeps a
// stamp deactivated by a connected removal until that removal is seen to finish in Azure. Nothing secret
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
/** The stamp deactivated by a connected removal of these names whose Azure part has not been seen to finish. */
const DeactivationSchema = z.object({ id: z.string(), cloudId: z.string(), at: z.string() });
type Deactivation = z.infer<typeof DeactivationSchema>;
const FileSchema = z.object({ version: z.literal(1), records: z.array(RecordSchema), deactivations: z.array(DeactivationSchema).optional() });

export const recordId = (r: { subscriptionId: string; resourceGroup: string; registrationName: string }): string =>
  [r.subscriptionId, r.resourceGroup, r.registrationName].join('/').toLowerCase();

export const createConnectedRecords = async (deps: { file: string; fs: RecordsFs; log: Logger }) => {
  const records = new Map<string, ConnectedRecord>();
  const deactivations = new Map<string, Deactivation>();
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await deps.fs.readFile(deps.file, 'utf8')));
    if (parsed.success) {
      for (const r of parsed.data.records) records.set(r.id, r as ConnectedRecord);
      for (const d of parsed.data.deactivations ?? []) deactivations.set(d.id, d);
    } else deps.log.warn('The connected registrations file is not readable; starting a new one', { file: deps.file });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') deps.log.warn('Could not read the connected registrations file', { error: String(err) });
  }
  let writing: Promise<void> = Promise.resolve();
  const write = (): Promise<void> => {
    const data = JSON.stringify({ version: 1, records: [...records.values()], ...(deactivations.size > 0 ? { deactivations: [...deactivations.values()] } : {}) });
    writing = writing.catch(() => undefined).then(async () => {
      await deps.fs.mkdir(dirname(deps.file), { recursive: true });
      await replaceFileAtomic(deps.fs, deps.file, data);
    });
    return writing;
  };
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  return {
    /** Newest first. */
    list: (): ConnectedRecord[] => [...records.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    get: (id: string): ConnectedRecord | undefined => records.get(id),
    /** Written (atomically) before it resolves: a step is recorded once this returns. */
    save: (record: ConnectedRecord): Promise<void> => {
      records.set(record.id, record);
      return write();
    },
    /** When a removal of these names deactivated this stamp and Azure's part was not seen to finish (a restart keeps it). */
    deactivatedAt: (id: string, cloudId: string): string | undefined => {
      const d = deactivations.get(id);
      return d && same(d.cloudId, cloudId) ? d.at : undefined;
    },
    /** Written before it resolves; `at` undefined forgets it (the removal finished, or the stamp was activated again). */
    setDeactivated: (id: string, cloudId: string, at: string | undefined): Promise<void> => {
      if (at === undefined && !deactivations.has(id)) return Promise.resolve();
      if (at === undefined) deactivations.delete(id);
      else deactivations.set(id, { id, cloudId, at });
      return write();
    },
  };
};
export type ConnectedRecords = Awaited<ReturnType<typeof createConnectedRecords>>;
