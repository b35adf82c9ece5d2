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

// Hand-off lines are most of a journal (10,000 and more on a busy connected host) and are read
// at every start: they are checked in place by the plain guard below rather than by zod, whose
// validated copies doubled the allocations and made garbage collection most of the open time
// (profiled, issue 12). Like zod, it drops fields it does not know (copying only then). The rarer
// operation lines keep their zod schema.
const STAGES: ReadonlySet<string> = new Set(HANDOFF_STAGES);
type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const SUMMARY_KEYS = ['id', 'side', 'stage', 'complete', 'practice', 'cloudId', 'registrationName', 'tokenFingerprint', 'keyFingerprint', 'files', 'createdAt', 'updatedAt', 'history'];
const STEP_KEYS = ['stage', 'at', 'note'];
const STAMP_KEYS = ['stampVersion', 'regionName'];
const ENTRY_KEYS = ['summary', 'token', 'key', 'stamp', 'facts'];

/** `o` itself, or a copy with only `keys` when it carries others. */
const known = <T>(o: Loose, keys: readonly string[]): T => {
  if (Object.keys(o).every((k) => keys.includes(k))) return o as T;
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as T;
};

const isStep = (h: unknown): h is Loose =>
  isObject(h) && typeof h['stage'] === 'string' && STAGES.has(h['stage']) && typeof h['at'] === 'string' && isOptionalString(h['note']);

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
  if (!history.every(isStep)) return undefined;
  const summary = known<HandoffSummary>(s, SUMMARY_KEYS);
  if (history.some((h) => Object.keys(h).some((k) => !STEP_KEYS.includes(k)))) summary.history = history.map((h) => known(h, STEP_KEYS));
  return summary;
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
  const summary = readSummary(entry['summary']);
  if (!summary) return undefined;
  const read = known<ReadEntry>(entry, ENTRY_KEYS);
  read.summary = summary;
  if (stamp !== undefined) read.stamp = known(stamp, STAMP_KEYS);
  return { t: 'handoff', entry: read };
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
]);

export type JournalLine =
  | { t: 'handoff'; entry: HandoffEntry }
  | { t: 'op-start'; id: string; kind: OperationKind; at: string; meta: OperationMeta }
  | { t: 'op-end'; id: string; at: string; status: EndStatus };

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
