import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, PepConnected } from '../../../shared/contract';
import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// The ERCS addresses of the last sessions, through the real runtime: remembered after a connection
// without recomposing (the session stays usable), kept in settings.json without the user name or
// password, per mode, and forgotten on request.

let machines: PracticeMachine[] = [];
let dirs: string[] = [];
afterEach(async () => {
  for (const m of machines) await m.runtime.dispose();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  machines = [];
  dirs = [];
});

const start = async (dataDir?: string) => {
  const usb = await mkdtemp(join(tmpdir(), 'azs-ercs-usb-'));
  dirs.push(usb);
  const m = await startPracticeMachine(usb, FAST_PRACTICE, dataDir ? { dataDir } : {});
  machines.push(m);
  return m;
};

describe('remembered ERCS addresses', () => {
  it('are remembered after a connection, the session kept, and survive a restart; never the user name or password', async () => {
    const m = await start();
    const { practiceStamp } = m.runtime.info() as Required<AppInfo>;
    const hosts = [...practiceStamp.ercsAddresses];
    expect(await m.call<string[][]>('settings.recentErcs', {})).toEqual([]);
    const connected = await m.call<PepConnected>('pep.connect', { hosts, user: practiceStamp.user, password: practiceStamp.password });
    expect(await m.call<string[][]>('settings.recentErcs', {})).toEqual([hosts]);
    // Remembering did not recompose main: the session just opened still answers.
    expect(await m.call('pep.disconnect', { sessionId: connected.sessionId })).toMatchObject({ transcriptsCopied: false });

    const saved = await readFile(join(m.dataDir, 'settings.json'), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ recentErcs: { practice: [hosts] } });
    expect(saved).not.toContain(practiceStamp.password);
    expect(saved).not.toContain('CloudAdmin');

    await m.runtime.dispose();
    machines = [];
    const again = await start(m.dataDir);
    expect(await again.call<string[][]>('settings.recentErcs', {})).toEqual([hosts]);
    // Practice addresses are never offered in live.
    await again.call('app.setMode', { mode: 'live' });
    expect(await again.call<string[][]>('settings.recentErcs', {})).toEqual([]);
    await again.call('app.setMode', { mode: 'practice' });
    expect(await again.call<string[][]>('settings.forgetErcs', { hosts })).toEqual([]);
    expect(JSON.parse(await readFile(join(m.dataDir, 'settings.json'), 'utf8')).recentErcs).toEqual({ practice: [] });
  });

  it('are not remembered when the connection fails', async () => {
    const m = await start();
    const { practiceStamp } = m.runtime.info() as Required<AppInfo>;
    const refused = await m.runtime.dispatch('pep.connect', { hosts: [...practiceStamp.ercsAddresses], user: practiceStamp.user, password: 'wrong-password' });
    expect(refused.ok).toBe(false);
    expect(await m.call<string[][]>('settings.recentErcs', {})).toEqual([]);
  });
});
