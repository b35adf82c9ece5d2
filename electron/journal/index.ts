export { createJournal, journalLoaded } from './journal';
export type { Clock, HandoffChange, Journal, JournalDeps, JournalFs, KeptTexts, NewHandoff, UnfinishedOperation } from './journal';
export type { EndStatus, HandoffEntry, OperationMeta, StampMeta } from './journal-lines';
export { isTemporaryName, replaceFileAtomic } from './atomic-file';
export type { AtomicFs } from './atomic-file';
