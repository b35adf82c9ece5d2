import { z } from 'zod';
import { HANDOFF_STAGES } from '../../shared/domain';
import type { HandoffSummary } from '../../shared/domain';
import type { OperationKind, OperationStatus } from '../../shared/contract';

// One JSON object per line. A hand-off line is a full snapshot (the last one wins at replay), so a
// lost line costs one stage at most and replay needs no ordering rules. Token and key texts are kept
// in their own files (kept-texts.ts); lines of older journals may still carry them inline.

export type StampMeta = { stampVersion?: string; regionName?: string };
export type HandoffEntry = { summary: HandoffSummary; stamp?: StampMeta };
/** As read: older journals wrote the texts inline. */
type ReadEntry = HandoffEntry & { token?: string; key?: string };
export type EndStatus = Exclude<OperationStatus, 'running' | 'cancelling'>;
export type OperationMeta = Record<string, string | number | boolean | null>;

const Stage = z.enum(HANDOFF_STAGES);
const Summary = z.object({
  id: z.string().min(1),
  side: z.enum(['stamp', 'host']),
  stage: Stage,
  complete: z.boolean(),
  practice: z.boolean(),
  cloudId: z.string(),
  registrationName: z.string().optional(),
  tokenFingerprint: z.string().optional(),
  keyFingerprint: z.string().optional(),
  files: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.object({ stage: Stage, at: z.string(), note: z.string().optional() })),
});

const Line = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('handoff'),
    entry: z.object({
      summary: Summary,
      token: z.string().optional(),
      key: z.string().optional(),
      stamp: z.object({ stampVersion: z.string().optional(), regionName: z.string().optional() }).optional(),
    }),
  }),
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
    const parsed = Line.safeParse(JSON.parse(text));
    // `kind` is written only by operationStarted, which takes an OperationKind.
    return parsed.success ? (parsed.data as ReadLine) : undefined;
  } catch {
    return undefined;
  }
};

export const formatLine = (line: JournalLine): string => `${JSON.stringify(line)}\n`;
