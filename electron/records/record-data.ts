import { AppError } from '../../shared/contract';
import type { HandoffRecord } from '../../shared/domain/handoff-record';
import type { AppMode } from '../../shared/domain/types';
import type { Journal } from '../journal';

export type RecordSource = {
  journal: Pick<Journal, 'details'>;
  app: { version: string; mode: AppMode };
  machine: { name: string; os: string };
  clock: { now(): Date };
};

/** The printable record of one hand-off, from the journal: fingerprints and ids, never a token or key text. */
export const handoffRecord = (src: RecordSource, handoffId: string): HandoffRecord => {
  const entry = src.journal.details(handoffId);
  if (!entry) {
    throw new AppError('not-found', 'This hand-off is not in the journal of this machine.', {
      action: 'Open the Hand-offs screen and choose a hand-off it lists.',
    });
  }
  return {
    summary: entry.summary,
    stamp: { ...entry.stamp },
    facts: { ...entry.facts },
    app: src.app,
    machine: src.machine,
    generatedAt: src.clock.now().toISOString(),
  };
};
