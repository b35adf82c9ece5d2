import { z } from 'zod';
import type { HandoffFileKind } from '../../shared/domain';

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

/** `AzureStack-<cloudId>-registration-token`, prefixed `PRACTICE-` for rehearsal files. */
export const baseNameFor = (kind: 'token' | 'key', cloudId: string, practice: boolean): string =>
  `${practice ? 'PRACTICE-' : ''}AzureStack-${cloudId.toLowerCase()}-${KIND_WORDS[kind]}`;

/** `X.txt` → `X.azsregistrar.json`. */
export const metadataNameFor = (textFileName: string): string => textFileName.replace(/\.[^.]*$/, '') + METADATA_SUFFIX;

export const parseMetadata = (text: string): HandoffMetadata | undefined => {
  try {
    const parsed = HandoffMetadata.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
