import type { HandoffSummary } from './types';

// A hand-off that will never complete is archived with a reason, kept in its history. Its token and
// key stay kept (nothing is lost): a key read later for it brings it back, and so can the operator.

export const ARCHIVE_REASONS = ['abandoned', 'superseded', 'done-elsewhere', 'other'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

const PREFIX = 'Archived: ';

/** The history note of an archiving: the reason code, then the operator's words (English stays in the journal). */
export const archiveNote = (reason: ArchiveReason, detail?: string): string =>
  `${PREFIX}${reason}${detail?.trim() ? ` — ${detail.trim()}` : ''}`;

/** The reason and the operator's words of an archiving note, or undefined for any other note. */
export const archiveReasonOf = (note: string | undefined): { reason: ArchiveReason; detail?: string } | undefined => {
  if (!note?.startsWith(PREFIX)) return undefined;
  const [code = '', ...rest] = note.slice(PREFIX.length).split(' — ');
  const reason = ARCHIVE_REASONS.find((r) => r === code);
  if (!reason) return undefined;
  const detail = rest.join(' — ');
  return detail ? { reason, detail } : { reason };
};

export const isArchived = (h: Pick<HandoffSummary, 'stage'>): boolean => h.stage === 'archived';
