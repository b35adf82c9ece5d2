import { createLogger } from '../log';
import type { Logger, LogLine } from '../log';

export type TimedLogLine = LogLine & { at: string };

/**
 * A logger that keeps its last `limit` lines (with their time) for Export diagnostics and passes
 * every line on to `forward`. Lines pass createLogger's redaction first, so what is kept is what the
 * console got: secret-looking fields already replaced.
 */
export const recentLog = (forward: Logger, clock: { now(): Date }, limit: number): { log: Logger; lines(): TimedLogLine[] } => {
  const ring: TimedLogLine[] = [];
  const log = createLogger((line) => {
    ring.push({ at: clock.now().toISOString(), ...line });
    if (ring.length > limit) ring.shift();
    forward[line.level](line.message, line.data);
  });
  return { log, lines: () => [...ring] };
};
