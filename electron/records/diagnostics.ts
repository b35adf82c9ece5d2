import type { OperationSnapshot, PracticeScenario, Settings } from '../../shared/contract';
import type { AppMode, HandoffSummary, PreflightReport } from '../../shared/domain/types';
import type { HandoffEntry } from '../journal';
import type { TimedLogLine } from './recent-log';

// Export diagnostics: one zip that support can read, built from an allow-list of what main knows.
// Left out, and why:
// - the CloudAdmin password of the privileged endpoint and the transcript share's password: main holds
//   them only for the call that connects; they are in no structure read here;
// - Azure access and refresh tokens: they live in MSAL's in-memory cache only, never read here;
// - the registration token and activation key texts kept for open hand-offs: whoever holds them can
//   register or activate a stamp; the hand-offs go in as the journal's summaries (fingerprints only);
// - the practice stamp's password (app.info shows it on the connect screen): a password all the same;
// - the environment (HTTPS_PROXY may carry proxy credentials) and the proxy addresses;
// Log lines went through the logger's redaction (secret-looking fields replaced) when they were logged.

/** The newest hand-offs listed one by one; older ones are only counted (a busy host has thousands). */
export const DIAGNOSTICS_HANDOFFS = 200;

export type DiagnosticsInput = {
  app: { version: string; mode: AppMode; locale: string };
  /** This machine's host name and operating system, as records name it. */
  machine: { name: string; os: string };
  system: { platform: string; release: string; arch: string; versions: Record<string, string | undefined> };
  settings: Settings;
  /** Practice mode: the scenario being rehearsed. */
  scenario?: PracticeScenario;
  /** Newest first, with their facts (journal.list then journal.details). */
  handoffs: { summary: HandoffSummary; entry: HandoffEntry | undefined }[];
  operations: OperationSnapshot[];
  preflights: { at: string; hosts: string[]; report: PreflightReport }[];
  log: TimedLogLine[];
  generatedAt: string;
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const README = (input: DiagnosticsInput): string =>
  [
    `AzS Registrar ${input.app.version}: diagnostics exported ${input.generatedAt}, ${input.app.mode} mode.`,
    '',
    'about.json        app version, mode, locale, machine name, operating system, runtime versions',
    'settings.json     the operator settings (PowerShell, Microsoft.AzureStack api-version, sign-in client)',
    'practice.json     the practice scenario (practice mode only)',
    `handoffs.json     hand-offs of this machine's journal: counts by stage, the newest ${DIAGNOSTICS_HANDOFFS} with their history and facts`,
    'operations.json   long operations since the app started, with their progress',
    'preflight.json    the privileged-endpoint pre-flight checks run since the app started',
    'log.jsonl         the most recent log lines',
    '',
    'Never included: passwords (privileged endpoint, transcript share, practice stamp), Azure access or',
    'refresh tokens, registration token or activation key texts (fingerprints only), environment variables.',
    '',
  ].join('\n');

/** The files of the diagnostics zip, by name. */
export const diagnosticsFiles = (input: DiagnosticsInput): Record<string, string> => {
  const byStage: Record<string, number> = {};
  for (const { summary } of input.handoffs) byStage[`${summary.side}/${summary.stage}`] = (byStage[`${summary.side}/${summary.stage}`] ?? 0) + 1;
  return {
    'README.txt': README(input),
    'about.json': json({ ...input.app, machine: input.machine, ...input.system, generatedAt: input.generatedAt }),
    'settings.json': json(input.settings),
    ...(input.scenario ? { 'practice.json': json(input.scenario) } : {}),
    'handoffs.json': json({
      total: input.handoffs.length,
      open: input.handoffs.filter((h) => !h.summary.complete).length,
      byStage,
      newest: input.handoffs.slice(0, DIAGNOSTICS_HANDOFFS).map(({ summary, entry }) => ({ ...summary, stamp: entry?.stamp, facts: entry?.facts })),
    }),
    'operations.json': json(input.operations),
    'preflight.json': json(input.preflights),
    'log.jsonl': input.log.map((l) => JSON.stringify(l)).join('\n') + (input.log.length > 0 ? '\n' : ''),
  };
};

/** The zip (fflate, loaded when first exported: not at startup). */
export const zipDiagnostics = async (files: Record<string, string>, at: Date): Promise<Uint8Array> => {
  const { strToU8, zipSync } = await import('fflate');
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: at }]])), { level: 6 });
};
