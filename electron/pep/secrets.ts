import { encodeLine } from './protocol';

// Passwords are held as Buffers (one copy each, wiped on close) rather than strings, and spliced
// into the protocol line at the last moment so no JSON string of the whole message holds them.

export type SecretField = readonly [name: string, value: Buffer];

export const toSecret = (value: string): Buffer => Buffer.from(value, 'utf8');

/** `message` encoded as a protocol line with the secret fields appended. Wipe it after writing. */
export const lineWithSecrets = (message: Record<string, unknown>, secrets: readonly SecretField[]): Buffer => {
  const head = encodeLine(message);
  const parts: Buffer[] = [Buffer.from(head.slice(0, -2), 'ascii')]; // drop the closing "}\n"
  for (const [name, value] of secrets) {
    parts.push(Buffer.from(`,${JSON.stringify(name)}:`, 'ascii'), Buffer.from(encodeLine(value.toString('utf8')).slice(0, -1), 'ascii'));
  }
  parts.push(Buffer.from('}\n', 'ascii'));
  const line = Buffer.concat(parts);
  for (const p of parts) p.fill(0);
  return line;
};

const REDACTED = Buffer.from('[redacted]');

/** Replaces every occurrence of any secret in `text`. */
export const redactWith =
  (secrets: () => readonly Buffer[]) =>
  (text: string): string => {
    let bytes = Buffer.from(text, 'utf8');
    let changed = false;
    for (const secret of secrets()) {
      if (secret.length === 0) continue;
      for (let at = bytes.indexOf(secret); at !== -1; at = bytes.indexOf(secret, at + REDACTED.length)) {
        bytes = Buffer.concat([bytes.subarray(0, at), REDACTED, bytes.subarray(at + secret.length)]);
        changed = true;
      }
    }
    return changed ? bytes.toString('utf8') : text;
  };
