import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { plainError } from './find-browser';
import type { ElectronChoice } from './find-electron';
import { bridgeLauncher, electronChoice, electronLauncher } from './launchers';
import type { AppMachine, Launcher, LauncherKind, MachineOptions } from './launchers';

// The one fixture of the flow tests: a test file calls describeOnEachLauncher once and its tests
// run on the bridge harness in Chromium and on the real Electron app. Where Electron is absent,
// every Electron test is skipped with the reason as its note, which the summary line repeats.

const LAUNCHER_TITLES: Record<LauncherKind, string> = { bridge: 'bridge harness in Chromium', electron: 'real Electron' };

/** The note of every test the real-Electron launcher could not run. */
export const electronNotRun = (reason: string): string => `real Electron suite not run: ${reason}`;

export type Flow = {
  /** This test's folder that stands for the USB stick, shared by its machines. */
  usbDir(): string;
  /** Starts one more machine for this test; every machine is closed (and its page errors checked) after the test. */
  machine(name: string, opts?: Omit<MachineOptions, 'name' | 'usbDir'>): Promise<AppMachine>;
};

const ELECTRON_TIMEOUT_MS = 240_000;

/** Defines `body`'s tests once per launcher (or only for `kinds`). */
export const describeOnEachLauncher = (
  title: string,
  body: (flow: Flow) => void,
  kinds: readonly LauncherKind[] = ['bridge', 'electron'],
  choose: () => ElectronChoice = electronChoice,
): void => {
  for (const kind of kinds) {
    const options = kind === 'electron' ? { timeout: ELECTRON_TIMEOUT_MS } : {};
    describe(`${title} [${LAUNCHER_TITLES[kind]}]`, options, () => {
      const choice = kind === 'electron' ? choose() : undefined;
      let launcher: Launcher | undefined;
      let machines: AppMachine[] = [];
      let usb: string | undefined;

      beforeAll(async () => {
        if (!choice) launcher = await bridgeLauncher();
        else if (choice.kind === 'run') launcher = electronLauncher(choice);
      });
      afterAll(async () => {
        await launcher?.close();
      });
      beforeEach(async (ctx) => {
        if (choice?.kind === 'absent') ctx.skip(electronNotRun(choice.reason));
        if (choice?.kind === 'broken') throw plainError(choice.reason);
        machines = [];
        usb = await mkdtemp(join(tmpdir(), 'azs-usb-'));
      });
      afterEach(async (ctx) => {
        const seen: string[] = [];
        for (const [i, m] of machines.entries()) {
          if (ctx.task.result?.state === 'fail') {
            await m.page.screenshot({ path: join(tmpdir(), `azs-failed-${kind}-${i}.png`), fullPage: true }).catch(() => undefined);
          }
          seen.push(...m.errors);
          await m.close();
        }
        machines = [];
        if (usb) await rm(usb, { recursive: true, force: true });
        usb = undefined;
        expect(seen, 'page errors or CSP violations').toEqual([]);
      });

      body({
        usbDir: () => {
          if (!usb) throw new Error('usbDir() is only available inside a test');
          return usb;
        },
        machine: async (name, opts = {}) => {
          if (!launcher || !usb) throw new Error('machine() is only available inside a test');
          const m = await launcher.start({ ...opts, name, usbDir: usb });
          machines.push(m);
          m.page.setDefaultTimeout(kind === 'electron' ? 30_000 : 15_000);
          return m;
        },
      });
    });
  }
};
