import { join } from 'node:path';
import { z } from 'zod';
import { newIdentity, withNodeCount, type StampIdentity } from './identity';

// `<dataDir>/practice-stamp.json`: the practice stamp's identity and activation record, so a
// rehearsal survives app restarts exactly like a real stamp would.

export const STATE_FILE = 'practice-stamp.json';

export type PracticeStampFs = {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
};
export type Clock = { now(): Date };
export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

const Hashes = z.array(z.string().regex(/^[0-9a-f]{32}$/));
const Identity = z.object({
  cloudId: z.uuid(),
  deploymentId: z.uuid(),
  objectId: z.uuid(),
  aadTenantId: z.uuid(),
  defaultProviderSubscriptionId: z.uuid(),
  nodes: z.array(
    z.object({
      name: z.string(),
      uuid: z.uuid(),
      numCores: z.number().int().positive(),
      Bios: Hashes,
      nic: Hashes,
      cpu: Hashes,
      disk: Hashes,
      memory: Hashes,
    }),
  ),
  createdAt: z.string(),
}) satisfies z.ZodType<StampIdentity>;

/** `Microsoft.AzureBridge.Admin/activations/default`, as the stamp's admin ARM returns it. */
const ActivationRecord = z.object({
  id: z.string(),
  name: z.literal('default'),
  type: z.literal('Microsoft.AzureBridge.Admin/activations'),
  location: z.string(),
  properties: z.object({
    azureRegistrationResourceIdentifier: z.string(),
    displayName: z.string(),
    expiration: z.string(),
    marketplaceSyndicationEnabled: z.boolean(),
    usageReportingEnabled: z.boolean(),
    provisioningState: z.string(),
  }),
});
export type ActivationRecord = z.infer<typeof ActivationRecord>;

const State = z.object({
  version: z.literal(1),
  identity: Identity,
  activation: z
    .object({ record: ActivationRecord, activatedAt: z.string(), billingModel: z.string().optional() })
    .optional(),
});
export type StampState = z.infer<typeof State>;

export type StampStore = {
  read(): Promise<StampState>;
  /** Applies a change and persists it; changes are serialized. */
  update(change: (state: StampState) => StampState): Promise<StampState>;
};

export const createStampStore = (deps: {
  dataDir: string;
  fs: PracticeStampFs;
  clock: Clock;
  log: Logger;
  numberOfNodes: number;
}): StampStore => {
  const file = join(deps.dataDir, STATE_FILE);

  const write = async (state: StampState): Promise<StampState> => {
    await deps.fs.mkdir(deps.dataDir, { recursive: true });
    // Write then rename, so a crash never leaves a half-written stamp identity behind.
    await deps.fs.writeFile(`${file}.tmp`, JSON.stringify(state, null, 2), 'utf8');
    await deps.fs.rename(`${file}.tmp`, file);
    return state;
  };

  const load = async (): Promise<StampState> => {
    let text: string | undefined;
    try {
      text = await deps.fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text !== undefined) {
      const parsed = State.safeParse(safeJson(text));
      if (parsed.success) {
        const identity = withNodeCount(parsed.data.identity, deps.numberOfNodes);
        return identity === parsed.data.identity ? parsed.data : write({ ...parsed.data, identity });
      }
      // Practice data only: set the unreadable file aside and start a fresh stamp.
      deps.log.warn('practice stamp: state file unreadable, starting a new practice stamp', { file });
      await deps.fs.rename(file, `${file}.unreadable`);
    }
    const state = await write({ version: 1, identity: newIdentity(deps.numberOfNodes, deps.clock.now()) });
    deps.log.info('practice stamp: new practice stamp created', { cloudId: state.identity.cloudId });
    return state;
  };

  let current: Promise<StampState> | undefined;
  const read = (): Promise<StampState> => (current ??= load().catch((err: unknown) => {
    current = undefined;
    throw err;
  }));

  return {
    read,
    update(change) {
      const previous = read();
      const next = previous.then((state) => write(change(state)));
      // Later reads see the new state; a failed write keeps the previous one.
      current = next.catch(() => previous);
      return next;
    },
  };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
