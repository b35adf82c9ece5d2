import { randomUUID } from 'node:crypto';
import type * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../shared/contract';
import type { OperationKind } from '../../shared/contract';
import type { Said } from '../../shared/contract/said';
import type { HandoffPage, HandoffPurpose, HandoffStage, HandoffSummary, MachineSide } from '../../shared/domain';
import { mergeFacts } from '../../shared/domain/handoff-record';
import type { HandoffFacts } from '../../shared/domain/handoff-record';
import type { Logger } from '../log';
import { replaceFileAtomic } from './atomic-file';
import { freeze, indexLog } from './journal-index';
import type { LogIndex } from './journal-index';
import { FORMAT_LINE, formatLine } from './journal-lines';
import type { EndStatus, HandoffEntry, JournalLine, OperationMeta, StampMeta } from './journal-lines';
import { keptFolderFor, keptStore } from './kept-texts';
import type { Texts } from './kept-texts';

// The local record of hand-offs and long operations: an append-only JSON-lines file, fsynced on
// every write, plus one small file per open hand-off holding its token and key texts
// (kept-texts.ts). A stage change appends one line, whatever the number of hand-offs; completing a
// hand-off appends one line and deletes its texts file. Passwords and Azure tokens never reach either.
//
// Opening does not parse the log (issue 12: 10,000 hand-offs are 10 MiB, and one JSON.parse of it
// is 30-90 ms here). It reads the bytes, cuts off a torn last line, and indexes the hand-off lines by
// id and by whether they are complete, from their fixed prefix
// (`{"t":"handoff","entry":{"summary":{"id":"…","side":"…","stage":"…","complete":…`, what formatLine
// writes of the summary createHandoff builds) without parsing them; only operation lines and lines of
// another shape are parsed then. The hand-offs are parsed in the background in small slices, so the
// event loop stays free while the window loads. What the app asks for before that parses only what
// it needs: one hand-off (handoff, kept, update) its line; open() the open ones; page(), the Hand-offs
// screen's listing, the open ones plus the newest N finished (creation order: first appearance in the
// log, which compaction keeps), so a listing straight after open costs the same with 10,000 hand-offs
// as with 100. Only list(), the whole journal (the diagnostics export), finishes the parse at once.
// Each hand-off line is a full snapshot, so the last readable line of an id wins, as it did when the
// whole log was replayed at open. A damaged line (not a crash's: that one has no newline and is cut
// off) is found only when parsed, and the line before it then decides: until then a finished
// hand-off's unparsed damaged line counts by its prefix.
//
// Why not node:sqlite (measured beside it on the same 10,000 records by `npm run bench`): it opens
// in under 1 ms, and with columns for completeness and creation a paged query would list about as
// fast as this index does (reading every hand-off back costs 70-300 ms: a row and a parse each). So
// speed does not decide; what does is below. It ships in Electron 45's Node (electron/electron#47706 restored it after a build
// change had left it out; Node 24.21 loads it without an ExperimentalWarning), but in WAL mode it
// keeps -wal and -shm files beside the database, which need working file locks ("database is
// locked" on redirected or network profile folders, files held open by scanners), and its crash
// model would be SQLite's rather than the one tested here byte by byte. The log needs no
// dependency; its only whole-file rewrite is a compaction, in the background after an open that
// found more than twice as many lines as live records (plus a margin), or unreadable ones, never
// during a stage change.

export type Clock = { now(): Date };
export type JournalFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename' | 'unlink' | 'mkdir' | 'readdir'>;
export type JournalDeps = {
  file: string;
  fs: JournalFs;
  clock: Clock;
  log: Logger;
  /** Waits between tries on a busy file (compose passes its own; a timer otherwise). */
  sleep?: (ms: number) => Promise<void>;
};

export type NewHandoff = {
  side: MachineSide;
  stage: HandoffStage;
  practice: boolean;
  cloudId: string;
  registrationName?: string;
  /** What the hand-off is for; kept in its summary. */
  purpose?: HandoffPurpose;
  tokenFingerprint?: string;
  keyFingerprint?: string;
  token?: string;
  key?: string;
  stamp?: StampMeta;
  facts?: HandoffFacts;
  /** Free text (an archiving's reason code and the operator's words) or a sentence of ours. */
  note?: string | Said;
  file?: string;
};

export type HandoffChange = {
  stage?: HandoffStage;
  /** Kept in the history with the stage: free text or a sentence of ours. */
  note?: string | Said;
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
  /** Every hand-off, newest first: parses the whole log if the background load has not (diagnostics export only). */
  list(): HandoffSummary[];
  /** Every hand-off that is not complete (archived ones included), newest first; parses only those. */
  open(): HandoffSummary[];
  /**
   * Every open hand-off, the newest `finished` complete ones (creation order) and those named in
   * `also` (the ones the renderer's flows hold, whatever their age), newest first, with the count
   * of complete ones. Parses open + finished + also lines, never the whole log.
   */
  page(finished: number, also?: readonly string[]): HandoffPage;
  /** Only string, number, boolean and null values are kept; secret-looking names are dropped. */
  operationStarted(id: string, kind: OperationKind, meta: Record<string, unknown>): Promise<void>;
  operationEnded(id: string, status: EndStatus): Promise<void>;
  /** Operations that started and never ended: the app quit or crashed while they ran. */
  unfinishedOperations(): UnfinishedOperation[];
  /** Operations ended as interrupted (the app closed or crashed while they ran) that no later run has settled. */
  interruptedOperations(): UnfinishedOperation[];
  /** A later run established what the interrupted operation did: it is no longer offered (one line appended). */
  settleInterrupted(id: string): Promise<void>;
  close(): Promise<void>;
};

/** The stage that closes a hand-off on each side. */
// The host cannot see the stamp: its side ends when the operator confirms the activation, so a lost
// or damaged stick can still be written again until then.
/** A history note: free text as it is; a sentence of ours with its English beside it (any reader can show that). */
const noteOf = (note: string | Said | undefined): { note?: string; said?: Said } =>
  note === undefined || note === '' ? {} : typeof note === 'string' ? { note } : { note: note.text, said: note };

const FINAL_STAGE: Record<MachineSide, HandoffStage> = { stamp: 'activated', host: 'activation-confirmed' };

// Secrets must never be journaled; operation metadata with such a name is dropped, not stored.
const SECRET_NAME = /pass(word)?|secret|refresh|access.?token|bearer|credential|authorization/i;

/** Lines a compacted log holds: one per hand-off and running operation, two per interrupted one. */
const liveLines = (index: LogIndex): number => index.size() + index.ops.size + 2 * index.interrupted.size;

const snapshot = (index: LogIndex): string => {
  const lines: JournalLine[] = index.all().map((entry) => ({ t: 'handoff', entry }));
  lines.push(...index.ops.values());
  for (const { start, end } of index.interrupted.values()) lines.push(start, end);
  return FORMAT_LINE + lines.map(formatLine).join('');
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

const byNewest = (a: HandoffSummary, b: HandoffSummary) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
/** The listing order. Creation order reversed first, so the sort runs on an almost sorted array. */
const byNewestFirst = (entries: HandoffEntry[]): HandoffSummary[] => entries.map((e) => e.summary).reverse().sort(byNewest);

/** Settles once every hand-off of the log is parsed (bench and tests; the app never waits for it). */
const whenLoaded = new WeakMap<Journal, Promise<void>>();
export const journalLoaded = (journal: Journal): Promise<void> => whenLoaded.get(journal) ?? Promise.resolve();

// On Windows an antivirus or backup scanner may hold the journal or a texts file open for a moment:
// opening or renaming it then fails with EBUSY, EPERM or EACCES. A write is tried again a few
// times before the operator is told (a repeated append only repeats a full snapshot: harmless).
const BUSY = new Set(['EBUSY', 'EPERM', 'EACCES']);
const BUSY_WAITS_MS = [50, 200, 800];
const whileBusy = async <T>(sleep: (ms: number) => Promise<void>, log: Logger, work: () => Promise<T>): Promise<T> => {
  for (let i = 0; ; i++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const wait = BUSY_WAITS_MS[i];
      if (code === undefined || !BUSY.has(code) || wait === undefined) throw err;
      log.warn('Journal: the file is held by another program; trying again.', { code, waitMs: wait });
      await sleep(wait);
    }
  }
};

/** More than this many lines per live record (plus a margin) and the log is compacted after open. */
const COMPACT_RATIO = 2;
const COMPACT_MARGIN = 64;

/** Hand-offs parsed per slice of the background load (a few milliseconds each). */
const SLICE = 500;

export const createJournal = async ({ file, fs, clock, log, sleep = (ms) => delay(ms) }: JournalDeps): Promise<Journal> => {
  await fs.mkdir(dirname(file), { recursive: true });
  const bytes = await readBytes(fs, file);
  const index = indexLog(bytes, log);
  const { complete } = index;
  let lines = index.lines;
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
  // An empty log gets its format line with its first line (no write at open).
  let header = complete === 0 ? FORMAT_LINE : '';
  // One-time migration of an older journal (no format line): its inline texts move to their own
  // files, then the log is rewritten in this format.
  if (!index.current && complete > 0) {
    index.all();
    for (const [id, texts] of index.legacyTexts) {
      const entry = index.get(id);
      if (entry && !entry.summary.complete) {
        const merged = { ...texts, ...kept.get(id) };
        await store.write(id, merged);
        kept.set(id, merged);
      }
    }
    try {
      await replaceFileAtomic(fs, file, snapshot(index));
      log.info('Journal: migrated to the current format.', { handoffs: index.size(), withTexts: index.legacyTexts.size });
      lines = liveLines(index);
    } catch (err) {
      // Texts still inline stay readable; the next open tries again.
      if (index.legacyTexts.size > 0) throw writeFailed(log, err);
      log.warn('Journal: the format line could not be written yet.', { error: String(err) });
    }
  }
  // Texts of a hand-off completed (or never recorded: a crash before its first line) go.
  for (const id of kept.keys()) {
    if (index.get(id)?.summary.complete === false) continue;
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
      await whileBusy(sleep, log, async () => {
        const handle = await fs.open(file, 'a');
        try {
          await handle.appendFile(header + formatLine(line));
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
      header = '';
      lines += 1;
    } catch (err) {
      throw writeFailed(log, err);
    }
  };

  // Sorted listing, rebuilt only after a change: insertion order is creation order, so the sort
  // runs on an almost sorted array.
  let sorted: HandoffSummary[] | undefined;

  const compact = () => {
    const live = liveLines(index);
    if (index.unreadable() === 0 && lines <= COMPACT_RATIO * live + COMPACT_MARGIN) return;
    void serial(async () => {
      await replaceFileAtomic(fs, file, snapshot(index));
      log.info('Journal: compacted.', { linesBefore: lines, linesAfter: liveLines(index) });
      lines = liveLines(index);
    }).catch((err: unknown) => log.warn('Journal: compaction failed; the log stays as it is.', { error: String(err) }));
  };

  const save = async (entry: HandoffEntry, texts: Texts): Promise<HandoffSummary> => {
    const id = entry.summary.id;
    const before = kept.get(id);
    const changed = texts.token !== before?.token || texts.key !== before?.key;
    try {
      // Texts first, then the line that refers to them; completion in the other order.
      if (!entry.summary.complete && changed) await whileBusy(sleep, log, () => store.write(id, texts));
    } catch (err) {
      throw writeFailed(log, err);
    }
    await append({ t: 'handoff', entry });
    index.set(id, freeze(entry));
    sorted = undefined;
    if (entry.summary.complete) {
      kept.delete(id);
      // The line is on disk: the hand-off is done even if this delete fails (the next open retries it).
      await store.remove(id).catch((err: unknown) => log.warn('Journal: a token/key file could not be deleted yet.', { id, error: String(err) }));
    } else if (texts.token || texts.key) kept.set(id, texts);
    return entry.summary;
  };

  // Newest first by creation (first appearance in the log, which compaction keeps): the open ones are
  // known from their lines' prefixes, so only they and the finished ones shown are parsed.
  const page = (finished: number, also: readonly string[] = []): HandoffPage => {
    const wanted = new Set(also);
    const open: HandoffSummary[] = [];
    const shown: HandoffSummary[] = [];
    let total = 0;
    const order = index.order();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i] ?? '';
      const done = index.isComplete(id);
      if (done === undefined) continue;
      if (done && shown.length >= finished && !wanted.has(id)) {
        total += 1;
        continue;
      }
      // Parsed: a damaged last line gives way to the line before it, which may say otherwise.
      const summary = index.get(id)?.summary;
      if (!summary) continue;
      if (!summary.complete) open.push(summary);
      else {
        total += 1;
        if (shown.length < finished || wanted.has(id)) shown.push(summary);
      }
    }
    return { handoffs: [...open, ...shown].sort(byNewest), finished: { total, shown: shown.length } };
  };

  const existing = (id: string): HandoffEntry => {
    const e = index.get(id);
    if (!e) throw new AppError('not-found', 'This hand-off is not in the journal.', { action: 'Start again from the token step.' });
    return e;
  };

  // The background load: the hand-offs not parsed yet, a slice per turn of the event loop; then the
  // compaction, if the log needs one.
  const loaded = new Promise<void>((resolve) => {
    const slice = () => {
      if (index.parseSome(SLICE)) return void setImmediate(slice);
      sorted ??= byNewestFirst(index.all());
      compact();
      resolve();
    };
    setImmediate(slice);
  });

  const journal: Journal = {
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
          history: [{ stage: init.stage, at, ...noteOf(init.note) }],
        };
        if (init.registrationName) summary.registrationName = init.registrationName;
        if (init.purpose) summary.purpose = init.purpose;
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
          summary.history.push({ stage: change.stage, at, ...noteOf(change.note) });
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
    handoff: (id) => index.get(id)?.summary,
    kept: (id) => {
      const e = index.get(id);
      const t = kept.get(id);
      return e && { ...(t?.token ? { token: t.token } : {}), ...(t?.key ? { key: t.key } : {}), ...(e.stamp ? { stamp: e.stamp } : {}) };
    },
    details: (id) => index.get(id),
    list: () => {
      sorted ??= byNewestFirst(index.all());
      return [...sorted];
    },
    open: () => page(0).handoffs,
    page,
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
        index.ops.set(id, line);
      }),
    operationEnded: (id, status) =>
      serial(async () => {
        if (!index.ops.has(id)) {
          log.warn('Journal: end of an operation that was never recorded.', { id, status });
          return;
        }
        const line = { t: 'op-end', id, at: clock.now().toISOString(), status } as const;
        await append(line);
        const start = index.ops.get(id);
        if (start && status === 'interrupted') index.interrupted.set(id, { start, end: line });
        index.ops.delete(id);
      }),
    unfinishedOperations: () =>
      [...index.ops.values()].map((start) => ({ id: start.id, kind: start.kind, startedAt: start.at, meta: { ...start.meta } })),
    interruptedOperations: () =>
      [...index.interrupted.values()].map(({ start }) => ({ id: start.id, kind: start.kind, startedAt: start.at, meta: { ...start.meta } })),
    settleInterrupted: (id) =>
      serial(async () => {
        if (!index.interrupted.has(id)) return;
        await append({ t: 'op-settled', id, at: clock.now().toISOString() });
        index.interrupted.delete(id);
      }),
    close: async () => {
      await loaded;
      closed = true;
      await queue;
    },
  };
  whenLoaded.set(journal, loaded);
  return journal;
};
