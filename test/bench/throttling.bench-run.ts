import { afterAll, it } from 'vitest';
import { EA_SUB, makeToken, startHarness, unique } from '../integration/azure/practice-harness';
import type { Harness } from '../integration/azure/practice-harness';
import { printBlock, row } from './report';

// Issue 12, goal 2: one 429 with `Retry-After: 1` on the registration PUT. The app's wait is what
// it asks of its sleep (the Azure layer's only way to wait). The official module, on any failure of
// the registration PUT, sleeps a fixed 10 s: RegisterWithAzure.psm1, az branch (commit 263e9a0),
// New-RegistrationResource: `$sleepSeconds = 10` (line 1324), `New-AzResource` (line 1376),
// `Start-Sleep -Seconds $sleepSeconds` in its catch (line 1385). (Az.Resources' own HTTP pipeline
// may retry a 429 before that catch is reached; the module's own wait is the 10 s.)

const MODULE_WAIT_MS = 10_000;
let h: Harness | undefined;
afterAll(async () => {
  await h?.stop();
});

it('throttled registration PUT', async () => {
  h = await startHarness();
  h.practice.faults.add({ method: 'PUT', pathPattern: /\/registrations\/[^/]+$/, kind: 'throttle', retryAfterSeconds: 1 });
  const { registration } = await h.azure.register({ subscriptionId: EA_SUB, resourceGroup: unique('rg'), location: 'westcentralus', registrationName: unique('reg'), token: makeToken() });
  if (!registration.locked) throw new Error('the registration did not complete');
  const waited = h.sleeps.reduce((a, b) => a + b, 0);
  printBlock('AzS Registrar bench: throttling (one 429, Retry-After: 1, on the registration PUT)', [
    row('app: wait before retrying, ms', waited, '(goal <= 1000: no longer than the server asked)'),
    row('app: waits', h.sleeps.length),
    row('RegisterWithAzure.psm1: fixed wait, ms', MODULE_WAIT_MS),
    row('module wait / app wait (ratio)', (MODULE_WAIT_MS / Math.max(waited, 1)).toFixed(1)),
  ]);
});
