// Typed errors crossing IPC. A Problem always tells the operator what happened and, where it can,
// what to do next; `detail` carries the raw text (PowerShell or ARM) one click away.
export const PROBLEM_CODES = [
  // transport and plumbing
  'bad-request',
  'untrusted-sender',
  'internal',
  'cancelled',
  'timeout',
  'not-found',
  'session-missing',
  // tokens, keys and files
  'input-not-text',
  'input-empty',
  'input-not-base64',
  'input-not-json',
  'input-no-cloud-id',
  'input-is-key',
  'input-is-token',
  'input-malformed',
  'key-wrong-stamp',
  'key-expired',
  'key-token-mismatch',
  'file-too-large',
  'file-not-regular',
  'file-unreadable',
  'file-changed',
  'sidecar-damaged',
  'practice-file-in-live',
  'live-file-in-practice',
  'media-missing',
  'media-write-failed',
  'media-verify-failed',
  // billing and stamp versions
  'billing-invalid',
  'stamp-version-too-old',
  // privileged endpoint
  'pep-powershell-missing',
  'pep-language-mode',
  'pep-execution-policy',
  'pep-trusted-hosts',
  'pep-access-denied',
  'pep-unreachable',
  'pep-not-privileged-endpoint',
  'pep-scripts-not-allowed',
  'pep-unknown-parameter',
  'pep-unknown-cmdlet',
  'pep-busy',
  'pep-hardware-info',
  'pep-empty-activation-key',
  'pep-already-registered',
  /** Entra ID refused the refresh token the stamp redeems for its Azure Bridge principal (MFA, expired, revoked). */
  'pep-refresh-token-refused',
  'pep-host-crashed',
  /** A command that changes the stamp was interrupted: it may or may not have taken effect. */
  'pep-outcome-unknown',
  'pep-protocol',
  'pep-failed',
  // Azure
  'azure-cloud-unsupported',
  'azure-sign-in',
  'azure-not-signed-in',
  'azure-credential-expired',
  'azure-forbidden',
  'azure-lock-forbidden',
  'azure-throttled',
  'azure-unavailable',
  'azure-network',
  'azure-provider-unregistered',
  'azure-unknown-location',
  'azure-invalid-token',
  'azure-name-conflict',
  'azure-cloud-already-registered',
  'azure-scope-locked',
  'azure-policy-denied',
  'azure-subscription-disabled',
  'azure-outcome-unknown',
  'azure-not-found',
  'azure-confirmation-mismatch',
  'azure-partial',
  'azure-failed',
  // registration lifecycle
  /** The registration found under the searched name belongs to another stamp (another cloud ID). */
  'registration-other-stamp',
  /** A connected removal deactivated the stamp, then Azure's part failed: re-running finishes it. */
  'removal-partial',
  /** A renewal's registration name is still taken by the old registration. */
  'renewal-name-taken',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Problem = {
  code: ProblemCode;
  /** One or two sentences for the operator: what happened. */
  message: string;
  /** What to do about it, when there is something to do. */
  action?: string;
  /** Whether trying the same thing again may work. */
  retryable: boolean;
  /** Raw text from PowerShell or Azure, shown on demand. Never contains secrets. */
  detail?: string;
  /** Azure `x-ms-request-id`, PowerShell FullyQualifiedErrorId, or similar correlation id. */
  reference?: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ProblemCode,
  message: string,
  extra: Partial<Omit<Problem, 'code' | 'message'>> = {},
): { ok: false; problem: Problem } => ({
  ok: false,
  problem: { code, message, retryable: false, ...extra },
});

/**
 * Thrown by services below the dispatcher; the dispatcher turns it into `Result.problem`.
 * Anything else thrown becomes an `internal` problem with the detail logged, not shown.
 */
export class AppError extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode, message: string, extra: Partial<Omit<Problem, 'code' | 'message'>> = {}) {
    super(message);
    this.name = 'AppError';
    this.problem = { code, message, retryable: false, ...extra };
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
