import type { Logger } from '../log';
import { FORMAT_LINE, parseLine } from './journal-lines';
import type { HandoffEntry, JournalLine } from './journal-lines';
import type { Texts } from './kept-texts';

// The journal log as read at open, indexed without parsing its hand-off lines (journal.ts says why).
// A hand-off line that formatLine wrote starts with a fixed prefix followed by the id; the index keeps,
// per id, where each of its lines starts, and parses the last one only when the hand-off is first
// needed. A line that cannot be read is skipped for the one before it, as a full replay did.

type Op = Extract<JournalLine, { t: 'op-start' }>;
/** An operation the app closed on while it ran, until a later run settles what it did. */
export type InterruptedOp = { start: Op; end: Extract<JournalLine, { t: 'op-end' }> };
/** A hand-off: parsed (`entry`), or still as line offsets into the log, oldest first. */
type Slot = { entry?: HandoffEntry; lines?: number[] };

export type LogIndex = {
  /** Bytes of complete lines; anything after is a last line a crash cut short. */
  complete: number;
  /** Non-empty lines in the log, readable or not. */
  lines: number;
  /** Lines found unreadable so far (all of them once everything is parsed). */
  unreadable(): number;
  ops: Map<string, Op>;
  interrupted: Map<string, InterruptedOp>;
  /** Texts of lines written before they moved to their own files, by hand-off id (once parsed). */
  legacyTexts: Map<string, Texts>;
  /** False for a log of an older version (it may carry texts inline): parse it all at open and rewrite it. */
  current: boolean;
  get(id: string): HandoffEntry | undefined;
  set(id: string, entry: HandoffEntry): void;
  /** Hand-offs, parsed or not (an id whose every line is unreadable is counted until it is parsed). */
  size(): number;
  /** Parses up to `count` hand-offs not yet parsed; false once none is left. */
  parseSome(count: number): boolean;
  /** Every hand-off, in the order they first appear in the log (creation order). */
  all(): HandoffEntry[];
};

const NL = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** What formatLine writes first for a hand-off line (JSON.stringify keeps the key order). */
const PREFIX = Buffer.from('{"t":"handoff","entry":{"summary":{"id":"', 'latin1');
const FORMAT = Buffer.from(FORMAT_LINE, 'latin1');

/** The id after the prefix of the line at [start, end), or undefined when the line has another shape. */
const idAt = (bytes: Buffer, start: number, end: number): string | undefined => {
  const from = start + PREFIX.length;
  if (from >= end || bytes.compare(PREFIX, 0, PREFIX.length, start, from) !== 0) return undefined;
  const close = bytes.indexOf(QUOTE, from);
  if (close <= from || close >= end) return undefined;
  for (let i = from; i < close; i++) {
    const b = bytes[i] ?? 0;
    if (b === BACKSLASH || b >= 0x80 || b < 0x20) return undefined;
  }
  return bytes.toString('latin1', from, close);
};

/** Stored summaries are never changed in place (an update builds a new one), so readers get them as they are. */
export const freeze = (entry: HandoffEntry): HandoffEntry => {
  for (const h of entry.summary.history) Object.freeze(h);
  Object.freeze(entry.summary.history);
  Object.freeze(entry.summary.files);
  Object.freeze(entry.summary);
  if (entry.facts) Object.freeze(entry.facts.ercsAddresses);
  Object.freeze(entry.facts);
  return entry;
};

export const indexLog = (bytes: Buffer, log: Logger): LogIndex => {
  const complete = bytes.lastIndexOf(NL) + 1;
  if (complete < bytes.length) log.warn('Journal: the last line was cut short (the app stopped while writing); it is ignored.', { bytes: bytes.length - complete });
  const slots = new Map<string, Slot>();
  const ops = new Map<string, Op>();
  const interrupted = new Map<string, InterruptedOp>();
  const legacyTexts = new Map<string, Texts>();
  let lines = 0;
  let unreadable = 0;
  /** Slots with lines still to parse, in log order; `next` is where parseSome goes on. */
  const queue: string[] = [];
  let next = 0;

  // Released once every hand-off is parsed.
  let source: Buffer | undefined = bytes;
  const lineAt = (start: number) => (source ? parseLine(source.toString('utf8', start, source.indexOf(NL, start))) : undefined);
  const addLine = (id: string, start: number) => {
    const slot = slots.get(id);
    if (!slot) {
      slots.set(id, { lines: [start] });
      queue.push(id);
    } else if (slot.lines) slot.lines.push(start);
  };

  const current = complete >= FORMAT.length && bytes.compare(FORMAT, 0, FORMAT.length, 0, FORMAT.length) === 0;
  for (let start = current ? FORMAT.length : 0; start < complete; ) {
    const end = bytes.indexOf(NL, start);
    if (end > start) {
      lines += 1;
      const id = idAt(bytes, start, end);
      if (id !== undefined) addLine(id, start);
      else {
        // Another shape: an operation line, or a hand-off line written some other way. Read it now.
        const line = lineAt(start);
        if (!line) {
          unreadable += 1;
          log.error('Journal: an unreadable line is ignored.', { line: lines });
        } else if (line.t === 'handoff') addLine(line.entry.summary.id, start);
        else if (line.t === 'op-start') ops.set(line.id, line);
        else if (line.t === 'op-settled') interrupted.delete(line.id);
        else {
          const start = ops.get(line.id);
          if (start && line.status === 'interrupted') interrupted.set(line.id, { start, end: line });
          ops.delete(line.id);
        }
      }
    }
    start = end + 1;
  }

  /** The last readable line of `id` wins; the lines before it are never parsed. */
  const resolve = (id: string, slot: Slot): HandoffEntry | undefined => {
    const offsets = slot.lines;
    if (!offsets) return slot.entry;
    delete slot.lines;
    for (let i = offsets.length - 1; i >= 0; i--) {
      const start = offsets[i] ?? 0;
      const line = lineAt(start);
      if (line?.t === 'handoff' && line.entry.summary.id === id) {
        // Journals written before the texts moved to their own files carry them inline.
        const { token, key, ...entry } = line.entry;
        if (token || key) legacyTexts.set(id, { ...(token ? { token } : {}), ...(key ? { key } : {}) });
        slot.entry = freeze(entry);
        return entry;
      }
      unreadable += 1;
      log.error('Journal: an unreadable line is ignored.', { byte: start });
    }
    slots.delete(id);
    return undefined;
  };

  const parseSome = (count: number): boolean => {
    for (let done = 0; next < queue.length && done < count; next++) {
      const id = queue[next] ?? '';
      const slot = slots.get(id);
      if (slot?.lines) {
        resolve(id, slot);
        done += 1;
      }
    }
    if (next < queue.length) return true;
    source = undefined;
    return false;
  };

  return {
    complete,
    lines,
    unreadable: () => unreadable,
    ops,
    interrupted,
    legacyTexts,
    current,
    get: (id) => {
      const slot = slots.get(id);
      return slot && resolve(id, slot);
    },
    set: (id, entry) => {
      const slot = slots.get(id);
      if (slot) {
        delete slot.lines;
        slot.entry = entry;
      } else slots.set(id, { entry });
    },
    size: () => slots.size,
    parseSome,
    all: () => {
      parseSome(Infinity);
      return [...slots.values()].flatMap((s) => (s.entry ? [s.entry] : []));
    },
  };
};
