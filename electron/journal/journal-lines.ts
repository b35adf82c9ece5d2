import { z } from 'zod';
import { HANDOFF_STAGES } from '../../shared/domain';
import type { HandoffSummary } from '../../shared/domain';
import type { HandoffFacts } from '../../shared/domain/handoff-record';
import type { OperationKind, OperationStatus } from '../../shared/contract';

// One JSON object per line. A hand-off line is a full snapshot (the last one wins at replay), so a
// lost line costs one stage at most and replay needs no ordering rules. Token and key texts are kept
// in their own files (kept-texts.ts); lines of older journals may still carry them inline.

export type StampMeta = { stampVersion?: string; regionName?: string };
/** `facts`: what the printable record shows beyond the stages (non-secret: ids, choices, fingerprints' context). */
export type HandoffEntry = { summary: HandoffSummary; stamp?: StampMeta; facts?: HandoffFacts };
/** As read: older journals wrote the texts inline. */
type ReadEntry = HandoffEntry & { token?: string; key?: string };
export type EndStatus = Exclude<OperationStatus, 'running' | 'cancelling'>;
export type OperationMeta = Record<string, string | number | boolean | null>;

// Hand-off lines are most of a journal (10,000 and more on a busy connected host): they are checked
// in place by the plain guard below rather than by zod, whose validated copies doubled the
// allocations (profiled, issue 12). Fields it does not know are kept as they are, not dropped: a
// field another version (or a newer part of this one) added to an entry survives a read, an update
// and a compaction. The rarer operation lines keep their zod schema.
const STAGES: ReadonlySet<string> = new Set(HANDOFF_STAGES);
type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** A sentence of ours in a history step: a code and its English (values as the UI fills them in). */
const isOptionalSaid = (v: unknown): boolean =>
  v === undefined || (isObject(v) && typeof v['code'] === 'string' && typeof v['text'] === 'string' && (v['values'] === undefined || isObject(v['values'])));

const isStep = (h: unknown): h is Loose =>
  isObject(h) &&
  typeof h['stage'] === 'string' &&
  STAGES.has(h['stage']) &&
  typeof h['at'] === 'string' &&
  isOptionalString(h['note']) &&
  isOptionalSaid(h['said']);

const readSummary = (s: unknown): HandoffSummary | undefined => {
  if (
    !isObject(s) ||
    typeof s['id'] !== 'string' ||
    s['id'] === '' ||
    (s['side'] !== 'stamp' && s['side'] !== 'host') ||
    typeof s['stage'] !== 'string' ||
    !STAGES.has(s['stage']) ||
    typeof s['complete'] !== 'boolean' ||
    typeof s['practice'] !== 'boolean' ||
    typeof s['cloudId'] !== 'string' ||
    !isOptionalString(s['registrationName']) ||
    !isOptionalString(s['tokenFingerprint']) ||
    !isOptionalString(s['keyFingerprint']) ||
    !Array.isArray(s['files']) ||
    !s['files'].every((f) => typeof f === 'string') ||
    typeof s['createdAt'] !== 'string' ||
    typeof s['updatedAt'] !== 'string' ||
    !Array.isArray(s['history'])
  ) {
    return undefined;
  }
  const history: unknown[] = s['history'];
  return history.every(isStep) ? (s as HandoffSummary) : undefined;
};

/** Facts are plain values (strings, numbers, booleans, lists of strings); anything else is a damaged line. */
const isFacts = (f: unknown): f is HandoffFacts =>
  isObject(f) &&
  Object.values(f).every((v) => ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string')));

const readHandoffLine = (line: Loose): ReadLine | undefined => {
  const entry = line['entry'];
  if (!isObject(entry) || !isOptionalString(entry['token']) || !isOptionalString(entry['key'])) return undefined;
  const stamp = entry['stamp'];
  if (stamp !== undefined && !(isObject(stamp) && isOptionalString(stamp['stampVersion']) && isOptionalString(stamp['regionName']))) return undefined;
  const facts = entry['facts'];
  if (facts !== undefined && !isFacts(facts)) return undefined;
  return readSummary(entry['summary']) ? { t: 'handoff', entry: entry as ReadEntry } : undefined;
};

const OperationLine = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('op-start'),
    id: z.string().min(1),
    kind: z.string().min(1),
    at: z.string(),
    meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  z.object({
    t: z.literal('op-end'),
    id: z.string().min(1),
    at: z.string(),
    status: z.enum(['succeeded', 'failed', 'cancelled', 'outcome-unknown', 'interrupted']),
  }),
  z.object({ t: z.literal('op-settled'), id: z.string().min(1), at: z.string() }),
]);

export type JournalLine =
  | { t: 'handoff'; entry: HandoffEntry }
  | { t: 'op-start'; id: string; kind: OperationKind; at: string; meta: OperationMeta }
  | { t: 'op-end'; id: string; at: string; status: EndStatus }
  /** An interrupted operation whose outcome a later run established (it is then no longer offered). */
  | { t: 'op-settled'; id: string; at: string };

export type ReadLine = Exclude<JournalLine, { t: 'handoff' }> | { t: 'handoff'; entry: ReadEntry };

export const parseLine = (text: string): ReadLine | undefined => {
  try {
    const raw: unknown = JSON.parse(text);
    if (!isObject(raw)) return undefined;
    if (raw['t'] === 'handoff') return readHandoffLine(raw);
    const parsed = OperationLine.safeParse(raw);
    // `kind` is written only by operationStarted, which takes an OperationKind.
    return parsed.success ? (parsed.data as ReadLine) : undefined;
  } catch {
    return undefined;
  }
};

export const formatLine = (line: JournalLine): string => `${JSON.stringify(line)}\n`;

/**
 * The first line of a journal in this format: every hand-off line starts with the prefix the index
 * reads its id from, and no line carries a token or key text. A log without it (an older version's)
 * is parsed whole once at open and rewritten with it.
 */
export const FORMAT_LINE = '{"t":"journal","format":2}\n';
