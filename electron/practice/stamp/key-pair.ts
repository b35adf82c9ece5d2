import type { Cmdlet } from './cmdlet-context';
import { ensureNoActionPlanRunning, work } from './cmdlet-context';
import { compareVersions, GATES } from './version';

// Set-RegistrationKeyPair: only on builds after 1.2209.0.23 (registration-contract.md §1.4);
// older PEPs do not know the command at all.

export const setRegistrationKeyPair: Cmdlet = {
  params: [],
  exists: (stampVersion) => compareVersions(stampVersion, GATES.keyPair) > 0,
  async run(ctx) {
    ensureNoActionPlanRunning(ctx);
    await work(ctx, 'Setting registration key pair', ctx.settings.durations.keyPairMs, [
      'Generating key pair',
      'Distributing key pair to nodes',
    ]);
    ctx.verbose('Registration key pair set.');
    return [];
  },
};
