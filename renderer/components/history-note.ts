import type { TFunction } from 'i18next';
import type { Said } from '../../shared/contract/said';
import { archiveReasonOf } from '../../shared/domain/archive';
import { say } from '../i18n';

/**
 * A hand-off history note as the operator reads it, in the UI language: a sentence of ours by its code; an
 * archiving's reason by its code, with the operator's words; any other note (journals of earlier versions) as
 * it was written.
 */
export const historyNote = (t: TFunction, step: { note?: string; said?: Said }): string | undefined => {
  if (step.said) return say(step.said);
  const archived = archiveReasonOf(step.note);
  return archived ? [t(`navigation.reasons.${archived.reason}`), archived.detail].filter(Boolean).join(' — ') : step.note;
};
