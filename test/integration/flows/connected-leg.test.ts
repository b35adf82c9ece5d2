import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestRegistrationName } from '../../../shared/domain';
import type { HandoffSummary, TokenPreview } from '../../../shared/domain/types';
import { moduleLeg, startConnectedHost, wizardLeg, type ConnectedHost } from '../../fixtures/app/connected-leg';
import { EA_SUB, makeToken } from '../azure/practice-harness';

// Issue 12, goal 1, in counts (never time): the wizard's connected-host leg, its own calls included,
// beside the official module's calls replayed against the same practice Azure. `npm run bench` runs
// the same legs with latency and prints the wall times.

let host: ConnectedHost;
beforeAll(async () => {
  host = await startConnectedHost({ requestMs: 0, connectionMs: 0 });
});
afterAll(async () => host.machine.runtime.dispose());

describe('connected-host leg: token imported to key written', () => {
  it('new resource group: 4 sequential round trips, on connections opened while the token is picked', async () => {
    const leg = await wizardLeg(host, 'azurestack-wizard');
    // prepare (7 reads together), group, registration, then lock and key together.
    expect(leg.byPhase).toEqual({ prepare: 1, 'register.resource-group': 1, 'register.resource': 1, key: 1 });
    expect(leg.roundTrips).toBe(4);
    expect(leg.requests).toBe(11);
    expect(leg.warmUp.connections).toBe(7);
    expect(leg.connections).toBe(0);
  });

  it('existing resource group: 3 sequential round trips', async () => {
    const leg = await wizardLeg(host, 'azurestack-wizard');
    expect(leg.byPhase).toEqual({ prepare: 1, 'register.resource': 1, key: 1 });
    expect(leg.roundTrips).toBe(3);
    expect(leg.requests).toBe(10);
    expect(leg.connections).toBe(0);
  });

  it('the module replay: 7 calls one after another on one connection', async () => {
    const fresh = await moduleLeg(host.practice, 'azurestack-module');
    const again = await moduleLeg(host.practice, 'azurestack-module');
    for (const leg of [fresh, again]) {
      expect(leg.requests).toBe(7);
      expect(leg.roundTrips).toBe(7);
      expect(leg.connections).toBe(1);
    }
  });

  it('registration checks for itself when the names differ from those prepare read', async () => {
    const { machine } = host;
    const read = await machine.call<{ handoff: HandoffSummary; token: TokenPreview }>('handoff.readTokenText', { text: makeToken() });
    const names = { subscriptionId: EA_SUB, resourceGroup: 'azurestack-wizard', registrationName: suggestRegistrationName(read.token.summary.cloudId) };
    await machine.call('azure.prepare', names);
    machine.runtime.resetStats();
    // The operator changed the name after the names step.
    await machine.run({ kind: 'azure.register', handoffId: read.handoff.id, ...names, registrationName: `${names.registrationName}-2`, location: 'westcentralus' });
    expect(machine.runtime.stats().azure.roundTripsByPhase['register.check']).toBe(1);
  });
});
