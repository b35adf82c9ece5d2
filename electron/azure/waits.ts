// How long the Azure flows wait on Azure, in one place with no imports: the operation handlers read the
// move's budget from here without loading the Azure SDKs at startup.

/** Long-running operations (validate, move): polled at Azure's pace, within a budget. */
export const LRO = {
  defaultIntervalMs: 5_000,
  minIntervalMs: 1_000,
  /** A longer Retry-After is shortened to this: the budget, not Azure, decides when we stop. */
  maxIntervalMs: 60_000,
  /** How long one operation is polled before its outcome is declared unknown. */
  budgetMs: 10 * 60_000,
};

/** Retrying a call refused with ScopeLocked right after the app lifted its own lock. */
export const LOCK_PROPAGATION = { intervalMs: 5_000, maxMs: 120_000 };

/** Reads of a registration at its new id: ARM may answer 404 briefly after a move. */
export const MOVED_READ = { attempts: 5, intervalMs: 3_000 };

/**
 * The longest a move can wait on Azure by design: two long-running operations (validate, move), each
 * possibly after waiting out the lock we lifted, and the reads of the new id. The operation's own time
 * limit must exceed it, or a move Azure is still running would be cut off with a misleading "timeout".
 */
export const MOVE_TIME_BUDGET_MS = 2 * (LRO.budgetMs + LOCK_PROPAGATION.maxMs) + 2 * MOVED_READ.attempts * MOVED_READ.intervalMs;
