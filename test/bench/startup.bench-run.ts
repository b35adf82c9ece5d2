import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { it } from 'vitest';
import { serveRenderer } from '../browser/harness/app-server';
import { startBackend } from '../browser/harness/backend';
import { launchChromium, openApp } from '../browser/harness/browser';
import { rendererSize } from '../browser/harness/renderer-size';
import { median, printBlock, row } from './report';

// Issue 12, goals 3 and 4: startup of the built main bundle (out/main/index.js, loaded in a fresh
// Node process with a stand-in electron module: startup-child.mjs), first paint of the built
// renderer in Chromium, and the renderer's size. `npm run bench` builds first.

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const RUNS = 5;

type Marks = { cpuStart: number; cpuBundleLoaded: number; cpuServicesReady: number; start: number; window: number; bundleLoaded: number; servicesReady: number; mode: string; lateBeforeWindow: string[]; lateAtReady: string[] };

const startOnce = async (mode: 'practice' | 'live'): Promise<Marks> => {
  const userData = await mkdtemp(join(tmpdir(), 'azs-bench-start-'));
  if (mode === 'live') await writeFile(join(userData, 'settings.json'), JSON.stringify({ mode: 'live' }));
  const { stdout } = await promisify(execFile)(process.execPath, [join(import.meta.dirname, 'startup-child.mjs'), MAIN, userData]);
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as Marks;
};

it('startup, first paint and renderer size', async () => {
  const lines: string[] = [row('machine: CPUs, model', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`), row('machine: load average (1 min) at start', loadavg()[0]?.toFixed(1) ?? '?', '(other work on the machine inflates every time below)')];
  for (const mode of ['live', 'practice'] as const) {
    const runs: Marks[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(mode));
    const m = (f: (r: Marks) => number) => median(runs.map(f)).toFixed(0);
    lines.push(row(`${mode}: main-bundle load, ms (import to evaluated)`, m((r) => r.bundleLoaded - r.start)));
    lines.push(row(`${mode}: window created, ms since process start`, m((r) => r.window)));
    lines.push(row(`${mode}: main-bundle load, CPU ms`, m((r) => r.cpuBundleLoaded - r.cpuStart)));
    lines.push(row(`${mode}: services ready (first IPC answered), ms since start`, m((r) => r.servicesReady), '(goal <= 300)'));
    lines.push(row(`${mode}: services ready, CPU ms since start`, m((r) => r.cpuServicesReady), '(less sensitive to other load)'));
    lines.push(row(`${mode}: late modules loaded before the window`, Math.max(...runs.map((r) => r.lateBeforeWindow.length)), '(goal 0: Azure SDKs, selfsigned, jose)'));
    lines.push(row(`${mode}: late modules loaded when services are ready`, Math.max(...runs.map((r) => r.lateAtReady.length)), '(Azure loads on first call)'));
  }

  // Renderer, gzipped: what the first screen loads (the goal) and everything shipped (test/browser/harness/renderer-size.ts).
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const size = await rendererSize();
  lines.push(row('renderer: first screen JS + CSS gzipped, KiB, English', kib(size.firstScreen.en), '(goal <= 120: what loads before the first screen)'));
  lines.push(row('renderer: first screen JS + CSS gzipped, KiB, French', kib(size.firstScreen.fr), '(goal <= 120)'));
  lines.push(row('renderer: total shipped JS + CSS gzipped, KiB', kib(size.total), '(every screen, both languages)'));
  for (const f of size.files) lines.push(row(`    ${f.file.replace(/-[\w-]{8}\.(js|css)$/, '.$1')}`, kib(f.gzip)));

  // First paint and first screen interactive in Chromium, against a practice backend.
  const server = await serveRenderer();
  const browser = await launchChromium();
  const usbDir = await mkdtemp(join(tmpdir(), 'azs-bench-usb-'));
  const backend = await startBackend({ name: 'bench', usbDir });
  try {
    const paints: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page } = await openApp(browser, backend, server.url);
      await page.getByTestId('side-stamp').waitFor();
      // The paint entry is queued after the frame is shown: wait for it (the screen's own time is taken first).
      const t = await page.evaluate(async () => {
        const now = performance.now();
        const fcp = await new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        });
        return { fcp, now };
      });
      paints.push(t.fcp);
      ready.push(t.now);
      await page.context().close();
    }
    lines.push(row('renderer: first contentful paint in Chromium, ms', median(paints).toFixed(0)));
    lines.push(row('renderer: first screen interactive (side choice shown), ms', median(ready).toFixed(0), '(goal <= 500)'));
  } finally {
    await browser.close();
    await server.close();
    await backend.dispose();
  }
  printBlock(`AzS Registrar bench: startup (median of ${RUNS} starts)`, lines);
});
