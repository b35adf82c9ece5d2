// Practice artefacts carry this issuer (tokens and keys) and a `practice: true` marker in hand-off
// metadata, so a live flow refuses them and the operator never mixes rehearsal and production.
export const PRACTICE_ISSUER = 'AzS Registrar practice';
