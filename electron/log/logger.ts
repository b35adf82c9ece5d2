// The logger every service receives. Messages are plain English; `data` is structured context.
// Callers never pass secrets: the redacting sink below is a second line of defence, not the first.
export type Logger = {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
};

export type LogLine = { level: 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> };

const SECRET_KEYS = /pass(word)?|secret|token|authorization|credential|refresh/i;

/** Replaces values of secret-looking keys; keeps the rest for diagnostics. */
const redact = (data: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
  if (!data) return undefined;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : v]),
  );
};

export const createLogger = (write: (line: LogLine) => void): Logger => ({
  info: (message, data) => write({ level: 'info', message, data: redact(data) }),
  warn: (message, data) => write({ level: 'warn', message, data: redact(data) }),
  error: (message, data) => write({ level: 'error', message, data: redact(data) }),
});

/** Collects lines in memory (tests, and the diagnostics view). */
export const memoryLogger = (): Logger & { lines: LogLine[] } => {
  const lines: LogLine[] = [];
  return Object.assign(createLogger((l) => lines.push(l)), { lines });
};
