import { z } from 'zod';
import { duplicateKey, parseObject } from '../../shared/domain/json-fields';
import { HANDOFF_PURPOSES } from '../../shared/domain';
import type { HandoffFileKind, HandoffPurpose } from '../../shared/domain';

// Each token or key file travels with a small JSON sidecar, so the other machine can show where it
// came from and refuse practice files in live mode. The .txt stays plain: PowerShell reads it as is.

export const APP_NAME = 'AzS Registrar';
export const METADATA_SUFFIX = '.azsregistrar.json';

export const HandoffMetadata = z.object({
  app: z.literal(APP_NAME),
  kind: z.enum(['token', 'key']),
  file: z.string(),
  cloudId: z.string(),
  registrationName: z.string().optional(),
  /** What the hand-off is for (renewal, billing change…); older sidecars have none. An unknown one is left out. */
  purpose: z.enum(HANDOFF_PURPOSES).optional().catch(undefined),
  stampVersion: z.string().optional(),
  regionName: z.string().optional(),
  createdAt: z.string(),
  fingerprint: z.string(),
  practice: z.boolean(),
});
export type HandoffMetadata = z.infer<typeof HandoffMetadata>;

const KIND_WORDS: Record<Exclude<HandoffFileKind, 'unknown'>, string> = {
  token: 'registration-token',
  key: 'activation-key',
};

/**
 * `AzureStack-<cloudId>-registration-token`, prefixed `PRACTICE-` for rehearsal files; a change says
 * what it is for in the name too (`…-renewal-registration-token`), so the stick shows it at a glance.
 */
export const baseNameFor = (kind: 'token' | 'key', cloudId: string, practice: boolean, purpose?: HandoffPurpose): string =>
  `${practice ? 'PRACTICE-' : ''}AzureStack-${cloudId.toLowerCase()}-${purpose && purpose !== 'first-registration' ? `${purpose}-` : ''}${KIND_WORDS[kind]}`;

/** `X.txt` → `X.azsregistrar.json`. */
export const metadataNameFor = (textFileName: string): string => textFileName.replace(/\.[^.]*$/, '') + METADATA_SUFFIX;

/** The metadata, or why it cannot be read (its practice marker would be lost: it must be reported). */
export const parseMetadata = (text: string): { meta: HandoffMetadata } | { why: string } => {
  const json = parseObject(text);
  if (json === undefined) return { why: 'it is not JSON' };
  const repeated = duplicateKey(text);
  if (repeated !== undefined) return { why: `it names “${repeated}” twice` };
  const parsed = HandoffMetadata.safeParse(json);
  return parsed.success ? { meta: parsed.data } : { why: `it does not have the expected fields (${z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 200)})` };
};
