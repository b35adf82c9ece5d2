import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { PepConnected, StateChanged } from '../../../shared/contract';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// Main tells the renderer whenever what it shows may have changed (issue 10: no stale screens):
// every recomposition with its cause, every hand-off or session change, every finished operation,
// with a generation that only grows.

const PEP = { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD };
const changes = (m: PracticeMachine): StateChanged[] =>
  m.events.filter((e) => e.name === 'app.stateChanged').map((e) => e.payload as StateChanged);

describe('app.stateChanged', () => {
  it('announces recompositions, sessions and operations with a growing generation, and nothing for reads', async () => {
    const m = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')));
    await m.call('handoff.list', {});
    await m.call('settings.get', {});
    expect(changes(m)).toEqual([]);

    const c = await m.call<PepConnected>('pep.connect', PEP);
    await m.run({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
    await m.call('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2022-06-01' });
    await m.call('practice.set', { ...DEFAULT_PRACTICE_SCENARIO, numberOfNodes: 6 });
    // Unchanged: nothing recomposed, nothing announced.
    await m.call('practice.set', { ...DEFAULT_PRACTICE_SCENARIO, numberOfNodes: 6 });

    const causes = changes(m).map((e) => e.cause);
    expect(causes).toEqual(['session', 'operation', 'operation', 'settings', 'scenario']);
    const generations = changes(m).map((e) => e.generation);
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
    expect(new Set(generations).size).toBe(generations.length);
    await m.runtime.dispose();
  });

  it('a practice reset starts a new practice stamp (new cloud ID, no activation) and says so', async () => {
    const m = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')));
    const before = await m.call<PepConnected>('pep.connect', PEP);
    await m.call('practice.reset', {});
    expect(changes(m).at(-1)?.cause).toBe('practice-reset');
    // The session of the old stamp is gone with it.
    expect(await m.runtime.dispatch('pep.disconnect', { sessionId: before.sessionId })).toMatchObject({ ok: false });
    const after = await m.call<PepConnected>('pep.connect', PEP);
    expect(after.stamp.cloudId).not.toBe(before.stamp.cloudId);

    await m.call('app.setMode', { mode: 'live' });
    expect(await m.runtime.dispatch('practice.reset', {})).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    await m.runtime.dispose();
  });
});
