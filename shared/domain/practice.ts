// Practice artefacts carry this issuer (tokens and keys) and a `practice: true` marker in hand-off
// metadata, so a live flow refuses them and the operator never mixes rehearsal and production.
export const PRACTICE_ISSUER = 'AzS Registrar practice';

const folded = (text: string): string => {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
};
const PRACTICE_FOLDED = folded(PRACTICE_ISSUER);

/**
 * Whether an issuer marks a practice file. Matched loosely on purpose, in both directions: a copy
 * whose issuer changed case, gained spaces, invisible characters or punctuation, or was wrapped in
 * other words, still reads as practice, so live mode refuses it and practice mode takes it.
 */
export const isPracticeIssuer = (issuer: string | undefined): boolean =>
  issuer !== undefined && folded(issuer).includes(PRACTICE_FOLDED);
