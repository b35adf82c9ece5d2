import type { SpawnHost } from '../pep/host-process';
import { verifyScriptDigest } from './script-digest';
import type { ScriptDigestCheck } from './script-digest';

/**
 * Wraps a host spawn so the script's digest is checked right before every start of the host: a
 * file replaced while the app runs is caught too. Throwing here rejects the PEP client's launch
 * with the typed problem.
 */
export const verifiedSpawn =
  (spawn: SpawnHost, check: ScriptDigestCheck): SpawnHost =>
  (command, args, options) => {
    verifyScriptDigest(check);
    return spawn(command, args, options);
  };
