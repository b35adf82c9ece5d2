import { spawn } from 'node:child_process';
import type { ElectronApplication } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../electron/main/csp';
import { channelNames } from '../../shared/contract';
import { describeOnEachLauncher, electronNotRun } from './harness/fixture';
import { electronChoice } from './harness/launchers';
import type { AppMachine } from './harness/launchers';
import { connectStamp, exportTokenToUsb, next, stepIs, text } from './harness/operator';

// What only the real app can show, checked at run time in Electron: the window's web preferences,
// the app:// protocol's headers, navigation, new windows and permissions refused, DevTools and the
// menu of a packaged build, one instance per data folder, and the journal across a killed main
// process. Where Electron is absent these tests are skipped with the reason, and the test below
// asserts that reason.

const choice = electronChoice();

describe('real-Electron suite on this machine', () => {
  it('reports that it did not run and why when there is no Electron binary', (ctx) => {
    if (choice.kind === 'run') ctx.skip('Electron is present here: the real-Electron suite runs instead.');
    expect(choice.kind).toBe(process.env['AZS_REQUIRE_ELECTRON'] === '1' ? 'broken' : 'absent');
    const reason = (choice as { reason: string }).reason;
    expect(reason).toMatch(/no Electron binary|no build for/);
    expect(reason).toContain('npx install-electron --no');
    if (process.env['ELECTRON_SKIP_BINARY_DOWNLOAD'] === '1') expect(reason).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(electronNotRun(reason)).toBe(`real Electron suite not run: ${reason}`);
  });
});

// The page's own calls, on both launchers: through the preload and ipcMain in Electron, through the
// binding and the same dispatcher in the harness.
describeOnEachLauncher('IPC from the page', (flow) => {
  it('answers malformed calls from the page with typed rejections and keeps running', async () => {
    const m = await flow.machine('ipc');
    const answers = await m.page.evaluate(async (names) => {
      const api = (window as unknown as { api: Record<string, (r: unknown) => Promise<{ ok: boolean; problem?: { code: string } }>> }).api;
      const bad: unknown[] = [null, 42, 'x', [], { injected: 'A'.repeat(1 << 20) }];
      const codes: string[] = [];
      for (const name of names) for (const payload of bad) codes.push(`${name}: ${(await api[name]?.(payload))?.problem?.code ?? 'accepted'}`);
      return codes;
    }, channelNames);
    expect(answers).toEqual(channelNames.flatMap((n) => Array.from({ length: 5 }, () => `${n}: bad-request`)));
    expect(await m.call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'practice' } });
  });
});

const main = (m: AppMachine): ElectronApplication => {
  if (!m.electron) throw new Error('not an Electron machine');
  return m.electron;
};

const APP_PAGE = 'app://registrar/index.html';

describeOnEachLauncher(
  'the real app at run time',
  (flow) => {
    it('runs the window with contextIsolation, sandbox and no Node, and gives the page only window.api', async () => {
      const m = await flow.machine('prefs');
      const prefs = await main(m).evaluate(({ app, BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows().at(0)?.webContents;
        if (!wc) throw new Error('the app has no window');
        // Not in Electron's typings, but kept by its WebContents; null when an Electron drops it.
        const last = (wc as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }).getLastWebPreferences?.() ?? null;
        const pick = (p: Record<string, unknown>) => ({ contextIsolation: p['contextIsolation'], sandbox: p['sandbox'], nodeIntegration: p['nodeIntegration'], nodeIntegrationInWorker: p['nodeIntegrationInWorker'], webviewTag: p['webviewTag'], webSecurity: p['webSecurity'] });
        const renderer = app.getAppMetrics().find((p) => p.pid === wc.getOSProcessId());
        return { last: last && pick(last), sandboxAll: app.commandLine.hasSwitch('enable-sandbox'), osSandboxed: renderer?.sandboxed ?? null };
      });
      // app.enableSandbox() sandboxes every renderer; Windows and macOS also report the window's process as sandboxed.
      expect(prefs.sandboxAll).toBe(true);
      if (prefs.osSandboxed !== null) expect(prefs.osSandboxed).toBe(true);
      // The preferences the window really got, where this Electron still reports them.
      if (prefs.last !== null) expect(prefs.last).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
      });
      // No Node in the page; window.api exists only through contextBridge, which refuses to work without contextIsolation.
      const seen = await m.page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { require: typeof w['require'], process: typeof w['process'], module: typeof w['module'], ipc: typeof w['ipcRenderer'], api: typeof w['api'], url: location.href };
      });
      expect(seen).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipc: 'undefined', api: 'object', url: APP_PAGE });
      await expect.poll(() => text(m.page, 'mode-banner')).toContain('Practice mode');
    });

    it('serves app:// with the CSP header, refuses paths outside the renderer, and the window enforces the policy', async () => {
      const m = await flow.machine('csp');
      const responses = await main(m).evaluate(async ({ session }) => {
        const get = async (url: string) => {
          const r = await session.defaultSession.fetch(url);
          return { status: r.status, csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') };
        };
        return Promise.all(['app://registrar/index.html', 'app://registrar/%2e%2e/%2e%2e/package.json', 'app://elsewhere/index.html'].map(get));
      });
      expect(responses[0]).toEqual({ status: 200, csp: APP_CSP, nosniff: 'nosniff' });
      expect(responses.slice(1).map((r) => r.status)).toEqual([404, 404]);

      const violated = await m.page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
            const img = document.createElement('img');
            img.src = 'https://example.invalid/tracker.png';
            document.body.append(img);
          }),
      );
      expect(violated).toBe('img-src');
      // The violation this test caused is expected; any other page error still fails the test.
      m.errors.splice(0, m.errors.length, ...m.errors.filter((e) => !e.includes('example.invalid')));
    });

    it('refuses navigation away from app:// and every window.open', async () => {
      const m = await flow.machine('nav');
      const app = main(m);
      const navigated = app.evaluate(
        ({ BrowserWindow }) =>
          new Promise<string>((resolve, reject) => {
            const wc = BrowserWindow.getAllWindows().at(0)?.webContents;
            if (!wc) return reject(new Error('the app has no window'));
            wc.once('will-navigate', (_e, url) => setImmediate(() => resolve(url)));
          }),
      );
      await m.page.evaluate(() => {
        location.href = 'https://example.invalid/phish';
      });
      expect(await navigated).toBe('https://example.invalid/phish');
      await m.page.getByTestId('mode-banner').waitFor();
      expect(m.page.url()).toBe(APP_PAGE);

      const opened = await m.page.evaluate(() => [window.open('https://example.invalid/'), window.open('app://registrar/index.html')].map((w) => w === null));
      expect(opened).toEqual([true, true]);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(app.windows()).toHaveLength(1);
    });

    it('denies every permission request', async () => {
      const m = await flow.machine('perm');
      const answers = await m.page.evaluate(async () => ({
        notifications: await Notification.requestPermission(),
        query: (await navigator.permissions.query({ name: 'geolocation' })).state,
        geolocation: await new Promise<string>((resolve) =>
          navigator.geolocation.getCurrentPosition(
            () => resolve('granted'),
            (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : `error ${e.code}`),
          ),
        ),
        clipboard: await navigator.clipboard.readText().then(
          () => 'granted',
          (e: Error) => e.name,
        ),
      }));
      expect(answers).toEqual({ notifications: 'denied', query: 'denied', geolocation: 'denied', clipboard: 'NotAllowedError' });
    });

    it('cannot open DevTools, and has no reload or DevTools menu item, when packaged; can when run from source', async () => {
      const devToolsOpens = (m: AppMachine) =>
        main(m).evaluate(async ({ app, BrowserWindow, Menu }) => {
          const wc = BrowserWindow.getAllWindows().at(0)?.webContents;
          if (!wc) throw new Error('the app has no window');
          wc.openDevTools({ mode: 'detach' });
          // Opening is asynchronous: wait for the event, or for a round of the event loop when it never comes.
          await new Promise<void>((resolve) => {
            wc.once('devtools-opened', () => resolve());
            setTimeout(resolve, 2_000);
          });
          const roles = (items: Electron.MenuItem[]): string[] =>
            items.flatMap((i) => [...(i.role ? [String(i.role).toLowerCase()] : []), ...(i.submenu ? roles(i.submenu.items) : [])]);
          return { packaged: app.isPackaged, opened: wc.isDevToolsOpened(), menu: roles(Menu.getApplicationMenu()?.items ?? []) };
        });

      const source = await devToolsOpens(await flow.machine('source'));
      expect(source.packaged).toBe(false);
      expect(source.opened).toBe(true);
      expect(source.menu).toEqual(expect.arrayContaining(['toggledevtools', 'reload', 'copy', 'paste']));

      const packaged = await devToolsOpens(await flow.machine('packaged', { packaged: true }));
      expect(packaged.packaged).toBe(true);
      expect(packaged.opened).toBe(false);
      expect(packaged.menu).not.toContain('toggledevtools');
      expect(packaged.menu).not.toContain('reload');
      expect(packaged.menu).toEqual(expect.arrayContaining(['copy', 'paste']));
    });

    it('keeps one instance per data folder: a second start quits and focuses the first window', async () => {
      const m = await flow.machine('single');
      const app = main(m);
      await app.evaluate(({ app: a }) => {
        const g = globalThis as unknown as { azsSecondInstances: number };
        g.azsSecondInstances = 0;
        a.on('second-instance', () => (g.azsSecondInstances += 1));
      });
      if (choice.kind !== 'run' || !m.userDataDir) throw new Error('unreachable: the Electron launcher runs');
      const second = spawn(choice.executablePath, [...choice.args, `--user-data-dir=${m.userDataDir}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])], {
        stdio: 'ignore',
      });
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        second.once('exit', (code) => resolve(code));
        second.once('error', reject);
      });
      expect(exitCode).toBe(0);
      await expect.poll(() => app.evaluate(() => (globalThis as unknown as { azsSecondInstances: number }).azsSecondInstances)).toBe(1);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    });

    /** Kills main outright (no quit handlers), after the page's storage reached the disk. */
    const kill = async (m: AppMachine) => {
      const app = main(m);
      await app.evaluate(({ session }) => session.defaultSession.flushStorageData());
      const gone = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
      app.process().kill('SIGKILL');
      await gone;
    };

    it('keeps a saved hand-off in the journal across a killed main process', async () => {
      const first = await flow.machine('stamp');
      const { fingerprint } = await exportTokenToUsb(first.page);
      const userDataDir = first.userDataDir;
      await kill(first);

      const again = await flow.machine('stamp-again', userDataDir ? { userDataDir } : {});
      await again.page.getByRole('button', { name: 'Hand-offs', exact: true }).click();
      await expect.poll(() => text(again.page, 'handoff')).toContain('Token saved to the drive');
      expect(await text(again.page, 'handoff')).toContain(fingerprint);
      const list = await again.call('handoff.list', {});
      expect(JSON.stringify(list)).toContain(fingerprint);
    });

    it('shows an operation that was running when main was killed as interrupted after the restart', async () => {
      const first = await flow.machine('stamp');
      await connectStamp(first.page);
      await next(first.page);
      await stepIs(first.page, 'billing');
      await first.page.getByLabel('EA agreement number', { exact: true }).fill('EA-KILL-1');
      await next(first.page);
      await first.page.getByRole('button', { name: 'Generate the registration token' }).click();
      await first.page.locator('[data-testid="operation"][data-status="running"]').waitFor();
      const userDataDir = first.userDataDir;
      await kill(first);

      const again = await flow.machine('stamp-again', userDataDir ? { userDataDir } : {});
      const ops = (await again.call('operation.list', {})) as { ok: true; value: { kind: string; status: string }[] };
      // Main's record of it came back from the journal.
      expect(ops.value.map((o) => [o.kind, o.status])).toContainEqual(['stamp.createToken', 'interrupted']);
      const panel = again.page.locator('[data-testid="operation"][data-status="interrupted"]');
      await panel.waitFor();
      expect(await panel.textContent()).toContain('AzS Registrar closed while this ran. Check the result on the system before trying again.');
    });
  },
  ['electron'],
  () => choice,
);
