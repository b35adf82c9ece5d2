import { randomUUID } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract';
import type { OperationKind } from '../../shared/contract';
import type { HandoffStage, HandoffSummary, MachineSide } from '../../shared/domain';
import { mergeFacts } from '../../shared/domain/handoff-record';
import type { HandoffFacts } from '../../shared/domain/handoff-record';
import type { Logger } from '../log';
import { replaceFileAtomic } from './atomic-file';
import { formatLine, parseLine } from './journal-lines';
import type { EndStatus, HandoffEntry, JournalLine, OperationMeta, StampMeta } from './journal-lines';
import { keptFolderFor, keptStore } from './kept-texts';
import type { Texts } from './kept-texts';

// The local record of hand-offs and long operations: an append-only JSON-lines file, fsynced on
// every write and replayed into memory at open, plus one small file per open hand-off holding its
// token and key texts (kept-texts.ts). A stage change appends one line, whatever the number of
// hand-offs; completing a hand-off appends one line and deletes its texts file. Passwords and Azure
// tokens never reach either.
//
// Why a log and not node:sqlite (measured on 10,000 hand-offs by `npm run bench`, issue 12):
// node:sqlite (unflagged in Node 24.21) opens in under 1 ms, but the hand-offs screen lists every
// hand-off and reading them back costs 85-320 ms per listing (a row and a JSON parse each); whether
// Electron 45's Node build ships node:sqlite cannot be checked without its binary. The log costs
// one parse at open (about 75 ms of CPU on the shared bench machine, mostly JSON.parse) and then
// serves every listing from memory in 1-2 ms; its crash model is the one tested byte by byte (a
// torn last line is cut off at open). Superseded lines are dropped by a compaction that runs in the
// background after an open that found more than twice as many lines as live records, never during
// a stage change.

export type Clock = { now(): Date };
export type JournalFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename' | 'unlink' | 'mkdir' | 'readdir'>;
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
  facts?: HandoffFacts;
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
  /** Merged into what is known (mergeFacts). */
  facts?: HandoffFacts;
};

export type KeptTexts = { token?: string; key?: string; stamp?: StampMeta };
export type UnfinishedOperation = { id: string; kind: OperationKind; startedAt: string; meta: OperationMeta };

export type Journal = {
  createHandoff(init: NewHandoff): Promise<HandoffSummary>;
  updateHandoff(id: string, change: HandoffChange): Promise<HandoffSummary>;
  handoff(id: string): HandoffSummary | undefined;
  kept(id: string): KeptTexts | undefined;
  /** What the printable record needs: the summary with the stamp and the facts, kept after completion too. */
  details(id: string): HandoffEntry | undefined;
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

type Op = Extract<JournalLine, { t: 'op-start' }>;
type State = { handoffs: Map<string, HandoffEntry>; ops: Map<string, Op>; lines: number; legacyTexts: Map<string, Texts> };

const NL = 0x0a;

/** Replays the complete lines; a last line without its newline is the write a crash cut short. */
const replay = (bytes: Buffer, log: Logger): { state: State; complete: number; unreadable: number } => {
  const state: State = { handoffs: new Map(), ops: new Map(), lines: 0, legacyTexts: new Map() };
  const complete = bytes.lastIndexOf(NL) + 1;
  if (complete < bytes.length) log.warn('Journal: the last line was cut short (the app stopped while writing); it is ignored.', { bytes: bytes.length - complete });
  const lines = bytes.toString('utf8', 0, complete).split('\n');
  let unreadable = 0;
  lines.forEach((raw, i) => {
    if (raw === '') return;
    state.lines += 1;
    const line = parseLine(raw);
    if (!line) {
      unreadable += 1;
      log.error('Journal: an unreadable line is ignored.', { line: i + 1 });
      return;
    }
    if (line.t === 'handoff') {
      // Journals written before the texts moved to their own files carry them inline.
      const { token, key, ...entry } = line.entry;
      if (token || key) state.legacyTexts.set(entry.summary.id, { ...(token ? { token } : {}), ...(key ? { key } : {}) });
      state.handoffs.set(entry.summary.id, freeze(entry));
    } else if (line.t === 'op-start') state.ops.set(line.id, line);
    else state.ops.delete(line.id);
  });
  return { state, complete, unreadable };
};

/** Stored summaries are never changed in place (an update builds a new one), so readers get them as they are. */
const freeze = (entry: HandoffEntry): HandoffEntry => {
  for (const h of entry.summary.history) Object.freeze(h);
  Object.freeze(entry.summary.history);
  Object.freeze(entry.summary.files);
  Object.freeze(entry.summary);
  if (entry.facts) Object.freeze(entry.facts.ercsAddresses);
  Object.freeze(entry.facts);
  return entry;
};

const snapshot = (state: State): string => {
  const lines: JournalLine[] = [...state.handoffs.values()].map((entry) => ({ t: 'handoff', entry }));
  lines.push(...state.ops.values());
  return lines.map(formatLine).join('');
};

const readBytes = async (fs: JournalFs, file: string): Promise<Buffer> => {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
};

const writeFailed = (log: Logger, err: unknown): AppError => {
  log.error('Journal: write failed.', { error: String(err) });
  return new AppError('internal', 'The local journal could not be written.', {
    action: 'Check free space and permissions of the app data folder, then try again.',
    detail: String(err),
  });
};

/** More than this many lines per live record (plus a margin) and the log is compacted after open. */
const COMPACT_RATIO = 2;
const COMPACT_MARGIN = 64;

export const createJournal = async ({ file, fs, clock, log }: JournalDeps): Promise<Journal> => {
  await fs.mkdir(dirname(file), { recursive: true });
  const bytes = await readBytes(fs, file);
  const { state, complete, unreadable } = replay(bytes, log);
  const store = keptStore(fs, keptFolderFor(file), log);
  const kept = await store.readAll();

  // A torn last line is cut off before anything is appended after it (else the next line would be
  // glued to it and lost too).
  if (complete < bytes.length) {
    const handle = await fs.open(file, 'r+');
    try {
      await handle.truncate(complete);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  // One-time migration of an older journal: its inline texts move to their own files, then the log
  // is rewritten without them.
  for (const [id, texts] of state.legacyTexts) {
    const entry = state.handoffs.get(id);
    if (entry && !entry.summary.complete) {
      const merged = { ...texts, ...kept.get(id) };
      await store.write(id, merged);
      kept.set(id, merged);
    }
  }
  if (state.legacyTexts.size > 0) {
    await replaceFileAtomic(fs, file, snapshot(state));
    log.info('Journal: migrated to separate token/key files.', { handoffs: state.handoffs.size, withTexts: state.legacyTexts.size });
    state.lines = state.handoffs.size + state.ops.size;
  }
  // Texts of a hand-off completed (or never recorded: a crash before its first line) go.
  for (const id of kept.keys()) {
    if (state.handoffs.get(id)?.summary.complete === false) continue;
    await store.remove(id);
    kept.delete(id);
  }

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
      state.lines += 1;
    } catch (err) {
      throw writeFailed(log, err);
    }
  };

  const live = state.handoffs.size + state.ops.size;
  if (unreadable > 0 || state.lines > COMPACT_RATIO * live + COMPACT_MARGIN) {
    void serial(async () => {
      await replaceFileAtomic(fs, file, snapshot(state));
      log.info('Journal: compacted.', { linesBefore: state.lines, linesAfter: state.handoffs.size + state.ops.size });
      state.lines = state.handoffs.size + state.ops.size;
    }).catch((err: unknown) => log.warn('Journal: compaction failed; the log stays as it is.', { error: String(err) }));
  }

  // Sorted listing, rebuilt only after a change: insertion order is creation order, so the sort
  // runs on an almost sorted array.
  let sorted: HandoffSummary[] | undefined;
  const byNewest = (a: HandoffSummary, b: HandoffSummary) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;

  const save = async (entry: HandoffEntry, texts: Texts): Promise<HandoffSummary> => {
    const id = entry.summary.id;
    const before = kept.get(id);
    const changed = texts.token !== before?.token || texts.key !== before?.key;
    try {
      // Texts first, then the line that refers to them; completion in the other order.
      if (!entry.summary.complete && changed) await store.write(id, texts);
    } catch (err) {
      throw writeFailed(log, err);
    }
    await append({ t: 'handoff', entry });
    state.handoffs.set(id, freeze(entry));
    sorted = undefined;
    if (entry.summary.complete) {
      kept.delete(id);
      // The line is on disk: the hand-off is done even if this delete fails (the next open retries it).
      await store.remove(id).catch((err: unknown) => log.warn('Journal: a token/key file could not be deleted yet.', { id, error: String(err) }));
    } else if (texts.token || texts.key) kept.set(id, texts);
    return entry.summary;
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
        const entry: HandoffEntry = { summary, ...(init.stamp ? { stamp: init.stamp } : {}), ...(init.facts ? { facts: init.facts } : {}) };
        return save(entry, { ...(init.token ? { token: init.token } : {}), ...(init.key ? { key: init.key } : {}) });
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
        const before = kept.get(id);
        const token = change.token ?? before?.token;
        const key = change.key ?? before?.key;
        const facts = mergeFacts(prev.facts, change.facts);
        return save({ ...prev, summary, ...(facts ? { facts } : {}) }, { ...(token ? { token } : {}), ...(key ? { key } : {}) });
      }),
    handoff: (id) => state.handoffs.get(id)?.summary,
    kept: (id) => {
      const e = state.handoffs.get(id);
      const t = kept.get(id);
      return e && { ...(t?.token ? { token: t.token } : {}), ...(t?.key ? { key: t.key } : {}), ...(e.stamp ? { stamp: e.stamp } : {}) };
    },
    details: (id) => state.handoffs.get(id),
    list: () => {
      sorted ??= [...state.handoffs.values()].map((e) => e.summary).reverse().sort(byNewest);
      return [...sorted];
    },
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
        state.ops.set(id, line);
      }),
    operationEnded: (id, status) =>
      serial(async () => {
        if (!state.ops.has(id)) {
          log.warn('Journal: end of an operation that was never recorded.', { id, status });
          return;
        }
        const line = { t: 'op-end', id, at: clock.now().toISOString(), status } as const;
        await append(line);
        state.ops.delete(id);
      }),
    unfinishedOperations: () =>
      [...state.ops.values()].map((start) => ({ id: start.id, kind: start.kind, startedAt: start.at, meta: { ...start.meta } })),
    close: async () => {
      closed = true;
      await queue;
    },
  };
};
