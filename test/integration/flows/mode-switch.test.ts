import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppInfo, EventName } from '../../../shared/contract';
import type { PepConnected } from '../../../shared/contract';
import type { HandoffSummary, TokenPreview } from '../../../shared/domain/types';
import { createRuntime } from '../../../electron/runtime';
import { memoryLogger } from '../../../electron/log';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';

const runtimeAt = async (dataDir: string, events: EventName[] = []) =>
  createRuntime({
    dataDir,
    resourcesDir: join(import.meta.dirname, '..', '..', '..', 'resources'),
    appVersion: '0.0.0-test',
    platform: 'linux',
    systemRoot: 'C:\\Windows',
    tempDir: tmpdir(),
    env: { HOME: tmpdir() },
    events: (name) => void events.push(name),
    log: memoryLogger(),
    pickFolder: async () => null,
    pickExecutable: async () => null,
    newId: randomUUID,
    practice: FAST_PRACTICE,
  });

describe('practice and live modes', () => {
  it('starts in practice, switches to live, and remembers the choice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-mode-'));
    const events: EventName[] = [];
    const first = await runtimeAt(dataDir, events);
    expect(first.info().mode).toBe('practice');
    expect(first.info().practiceDrivePath).toContain('practice');
    const switched = await first.dispatch('app.setMode', { mode: 'live' });
    expect(switched).toMatchObject({ ok: true, value: { mode: 'live' } });
    expect((switched as { value: AppInfo }).value.practiceDrivePath).toBeUndefined();
    expect(events).toContain('app.modeChanged');
    await first.dispose();

    const second = await runtimeAt(dataDir);
    expect(second.info().mode).toBe('live');
    await second.dispose();
  });

  it('refuses a practice token once in live mode, keeping practice and live apart', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const practice = await startPracticeMachine(usb);
    const c = await practice.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    const created = await practice.run<{ handoff: HandoffSummary; token: TokenPreview }>({
      kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
    });
    const drive = await practice.call<{ id: string }>('handoff.addFolder', {});
    const saved = await practice.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });
    await practice.runtime.dispose();
    expect(saved.fileName).toMatch(/^PRACTICE-/);

    const { readFile } = await import('node:fs/promises');
    const tokenText = await readFile(join(usb, saved.fileName), 'utf8');
    const live = await runtimeAt(await mkdtemp(join(tmpdir(), 'azs-live-')));
    await live.dispatch('app.setMode', { mode: 'live' });
    const res = await live.dispatch('handoff.readTokenText', { text: tokenText });
    expect(res).toMatchObject({ ok: false, problem: { code: 'practice-file-in-live' } });
    await live.dispose();
  });

  it('refuses to switch while an operation runs', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const slow = await startPracticeMachine(usb, { ...FAST_PRACTICE, stamp: { durations: { ...FAST_PRACTICE.stamp?.durations, tokenMs: 1_000 } } });
    const c = await slow.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    const started = await slow.call<{ operationId: string }>('operation.start', {
      kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
    });
    const res = await slow.runtime.dispatch('app.setMode', { mode: 'live' });
    expect(res).toMatchObject({ ok: false, problem: { code: 'bad-request', action: expect.stringContaining('Wait') } });
    expect(slow.runtime.info().mode).toBe('practice');
    await slow.finished(started.operationId);
    await slow.runtime.dispose();
  });
});
