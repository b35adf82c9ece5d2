import { randomUUID } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract';
import type { OperationKind } from '../../shared/contract';
import type { HandoffStage, HandoffSummary, MachineSide } from '../../shared/domain';
import type { Logger } from '../log';
import { replaceFileAtomic } from './atomic-file';
import { formatLine, parseLine } from './journal-lines';
import type { EndStatus, HandoffEntry, JournalLine, OperationMeta, StampMeta } from './journal-lines';

// The local record of hand-offs and long operations: an append-only JSON-lines file, fsynced on
// every write and replayed at open. The token and key texts are kept only until their hand-off is
// complete (the stamp is activated, or the key is on the stick); then the file is rewritten without
// them. Passwords and Azure tokens never reach it.

export type Clock = { now(): Date };
export type JournalFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename' | 'unlink' | 'mkdir'>;
export type JournalDeps = { file: string; fs: JournalFs; clock: Clock; log: Logger };

export type NewHandoff = {
  side: MachineSide;
  stage: HandoffStage;
  practice: boolean;
  cloudId: string;
  registrationName?: string;
  tokenFingerprint?: string;
  keyFingerprint?: string;
  token?: string;
  key?: string;
  stamp?: StampMeta;
  note?: string;
  file?: string;
};

export type HandoffChange = {
  stage?: HandoffStage;
  note?: string;
  registrationName?: string;
  tokenFingerprint?: string;
  keyFingerprint?: string;
  token?: string;
  key?: string;
  file?: string;
};

export type KeptTexts = { token?: string; key?: string; stamp?: StampMeta };
export type UnfinishedOperation = { id: string; kind: OperationKind; startedAt: string; meta: OperationMeta };

export type Journal = {
  createHandoff(init: NewHandoff): Promise<HandoffSummary>;
  updateHandoff(id: string, change: HandoffChange): Promise<HandoffSummary>;
  handoff(id: string): HandoffSummary | undefined;
  kept(id: string): KeptTexts | undefined;
  /** Newest first. */
  list(): HandoffSummary[];
  /** Only string, number, boolean and null values are kept; secret-looking names are dropped. */
  operationStarted(id: string, kind: OperationKind, meta: Record<string, unknown>): Promise<void>;
  operationEnded(id: string, status: EndStatus): Promise<void>;
  /** Operations that started and never ended: the app quit or crashed while they ran. */
  unfinishedOperations(): UnfinishedOperation[];
  close(): Promise<void>;
};

/** The stage that closes a hand-off on each side. */
// The host cannot see the stamp: its side ends when the operator confirms the activation, so a lost
// or damaged stick can still be written again until then.
const FINAL_STAGE: Record<MachineSide, HandoffStage> = { stamp: 'activated', host: 'activation-confirmed' };

// Secrets must never be journaled; operation metadata with such a name is dropped, not stored.
const SECRET_NAME = /pass(word)?|secret|refresh|access.?token|bearer|credential|authorization/i;

type State = { handoffs: Map<string, HandoffEntry>; ops: Map<string, { start: Extract<JournalLine, { t: 'op-start' }>; end?: Extract<JournalLine, { t: 'op-end' }> }> };

const replay = (text: string, log: Logger): { state: State; dirty: boolean } => {
  const state: State = { handoffs: new Map(), ops: new Map() };
  const lines = text.split('\n');
  const last = lines.length - 1;
  let dirty = false;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw);
    if (!line) {
      dirty = true;
      if (i === last) log.warn('Journal: the last line was cut short (the app stopped while writing); it is ignored.', { line: i + 1 });
      else log.error('Journal: an unreadable line is ignored.', { line: i + 1 });
      return;
    }
    if (line.t === 'handoff') state.handoffs.set(line.entry.summary.id, line.entry);
    else if (line.t === 'op-start') state.ops.set(line.id, { start: line });
    else {
      const op = state.ops.get(line.id);
      if (op) op.end = line;
    }
  });
  // A completed hand-off must not keep its texts (a crash between append and rewrite).
  for (const e of state.handoffs.values()) if (e.summary.complete && (e.token || e.key)) dirty = true;
  return { state, dirty };
};

const strip = (e: HandoffEntry): HandoffEntry => {
  if (!e.summary.complete) return e;
  const { token: _t, key: _k, ...rest } = e;
  return rest;
};

const snapshot = (state: State): string => {
  const lines: JournalLine[] = [...state.handoffs.values()].map((entry) => ({ t: 'handoff', entry: strip(entry) }));
  for (const op of state.ops.values()) lines.push(op.start, ...(op.end ? [op.end] : []));
  return lines.map(formatLine).join('');
};

const readText = async (fs: JournalFs, file: string): Promise<string> => {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
};

export const createJournal = async ({ file, fs, clock, log }: JournalDeps): Promise<Journal> => {
  await fs.mkdir(dirname(file), { recursive: true });
  const { state, dirty } = replay(await readText(fs, file), log);
  for (const e of state.handoffs.values()) state.handoffs.set(e.summary.id, strip(e));
  if (dirty) await replaceFileAtomic(fs, file, snapshot(state));

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  // Writes are serialised, and memory changes only once the line is on disk.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new AppError('internal', 'The journal is closed.'));
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const append = async (line: JournalLine): Promise<void> => {
    try {
      const handle = await fs.open(file, 'a');
      try {
        await handle.appendFile(formatLine(line));
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      log.error('Journal: write failed.', { error: String(err) });
      throw new AppError('internal', 'The local journal could not be written.', {
        action: 'Check free space and permissions of the app data folder, then try again.',
        detail: String(err),
      });
    }
  };

  const save = async (entry: HandoffEntry): Promise<HandoffSummary> => {
    if (entry.summary.complete) {
      // Rewrite rather than append: the earlier lines that hold the token or key must go.
      const prev = state.handoffs.get(entry.summary.id);
      state.handoffs.set(entry.summary.id, strip(entry));
      try {
        await replaceFileAtomic(fs, file, snapshot(state));
      } catch (err) {
        if (prev) state.handoffs.set(entry.summary.id, prev);
        else state.handoffs.delete(entry.summary.id);
        log.error('Journal: rewrite failed.', { error: String(err) });
        throw new AppError('internal', 'The local journal could not be written.', {
          action: 'Check free space and permissions of the app data folder, then try again.',
          detail: String(err),
        });
      }
    } else {
      await append({ t: 'handoff', entry });
      state.handoffs.set(entry.summary.id, entry);
    }
    return structuredClone(entry.summary);
  };

  const existing = (id: string): HandoffEntry => {
    const e = state.handoffs.get(id);
    if (!e) throw new AppError('not-found', 'This hand-off is not in the journal.', { action: 'Start again from the token step.' });
    return e;
  };

  return {
    createHandoff: (init) =>
      serial(() => {
        const at = clock.now().toISOString();
        const summary: HandoffSummary = {
          id: randomUUID(),
          side: init.side,
          stage: init.stage,
          complete: init.stage === FINAL_STAGE[init.side],
          practice: init.practice,
          cloudId: init.cloudId,
          files: init.file ? [init.file] : [],
          createdAt: at,
          updatedAt: at,
          history: [{ stage: init.stage, at, ...(init.note ? { note: init.note } : {}) }],
        };
        if (init.registrationName) summary.registrationName = init.registrationName;
        if (init.tokenFingerprint) summary.tokenFingerprint = init.tokenFingerprint;
        if (init.keyFingerprint) summary.keyFingerprint = init.keyFingerprint;
        const entry: HandoffEntry = { summary };
        if (init.token) entry.token = init.token;
        if (init.key) entry.key = init.key;
        if (init.stamp) entry.stamp = init.stamp;
        return save(entry);
      }),
    updateHandoff: (id, change) =>
      serial(() => {
        const prev = existing(id);
        const at = clock.now().toISOString();
        const summary: HandoffSummary = structuredClone(prev.summary);
        summary.updatedAt = at;
        if (change.stage) {
          summary.stage = change.stage;
          summary.complete = change.stage === FINAL_STAGE[summary.side];
          summary.history.push({ stage: change.stage, at, ...(change.note ? { note: change.note } : {}) });
        }
        if (change.registrationName) summary.registrationName = change.registrationName;
        if (change.tokenFingerprint) summary.tokenFingerprint = change.tokenFingerprint;
        if (change.keyFingerprint) summary.keyFingerprint = change.keyFingerprint;
        if (change.file && !summary.files.includes(change.file)) summary.files.push(change.file);
        const entry: HandoffEntry = { ...prev, summary };
        if (change.token) entry.token = change.token;
        if (change.key) entry.key = change.key;
        return save(entry);
      }),
    handoff: (id) => {
      const e = state.handoffs.get(id);
      return e && structuredClone(e.summary);
    },
    kept: (id) => {
      const e = state.handoffs.get(id);
      return e && { ...(e.token ? { token: e.token } : {}), ...(e.key ? { key: e.key } : {}), ...(e.stamp ? { stamp: e.stamp } : {}) };
    },
    list: () =>
      [...state.handoffs.values()]
        .map((e) => structuredClone(e.summary))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.updatedAt.localeCompare(a.updatedAt)),
    operationStarted: (id, kind, meta) =>
      serial(async () => {
        const safe: OperationMeta = {};
        const dropped: string[] = [];
        for (const [k, v] of Object.entries(meta)) {
          const plain = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
          if (plain && !SECRET_NAME.test(k)) safe[k] = v;
          else dropped.push(k);
        }
        if (dropped.length > 0) log.warn('Journal: some operation fields were not recorded (secret-looking or not plain values).', { id, dropped });
        const line = { t: 'op-start', id, kind, at: clock.now().toISOString(), meta: safe } as const;
        await append(line);
        state.ops.set(id, { start: line });
      }),
    operationEnded: (id, status) =>
      serial(async () => {
        const op = state.ops.get(id);
        if (!op) {
          log.warn('Journal: end of an operation that was never recorded.', { id, status });
          return;
        }
        const line = { t: 'op-end', id, at: clock.now().toISOString(), status } as const;
        await append(line);
        op.end = line;
      }),
    unfinishedOperations: () =>
      [...state.ops.values()]
        .filter((op) => !op.end)
        .map(({ start }) => ({ id: start.id, kind: start.kind, startedAt: start.at, meta: { ...start.meta } })),
    close: async () => {
      closed = true;
      await queue;
    },
  };
};
