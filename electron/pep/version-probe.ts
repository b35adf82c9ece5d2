import type { HostCommand, SpawnHost } from './host-process';
import type { Sleep } from './types';

// Runs a PowerShell through the same spawn path as the PEP host (absolute path, same environment, no
// shell) and reads `$PSVersionTable.PSVersion` and `PSEdition` from its two lines of output.

export type PowerShellVersion = { ok: true; version: string; edition: string } | { ok: false; problem: string };

const OUTPUT_LIMIT = 4096;
const VERSION = /^\d+\.\d+(?:\.\d+)?(?:[-.][0-9A-Za-z.-]+)?$/;

export const probePowerShellVersion = (deps: { spawn: SpawnHost; sleep: Sleep; timeoutMs: number }, probe: HostCommand): Promise<PowerShellVersion> =>
  new Promise((resolve) => {
    let out = '';
    let err = '';
    let settled = false;
    const timer = new AbortController();
    const done = (result: PowerShellVersion) => {
      if (settled) return;
      settled = true;
      timer.abort();
      resolve(result);
    };
    let child: ReturnType<SpawnHost>;
    try {
      child = deps.spawn(probe.command, probe.args, { env: probe.env, windowsHide: true, shell: false, stdio: 'pipe' });
    } catch (e) {
      done({ ok: false, problem: e instanceof Error ? e.message : String(e) });
      return;
    }
    child.stdin.end();
    child.stdout.on('data', (chunk: Buffer) => void (out = (out + chunk.toString('utf8')).slice(0, OUTPUT_LIMIT)));
    child.stderr.on('data', (chunk: Buffer) => void (err = (err + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)));
    child.once('error', (e) => done({ ok: false, problem: `${probe.command} could not be started: ${e.message}` }));
    // Exit and the end of stdout arrive in either order: judge the output once both are in.
    let exitCode: number | null | undefined;
    let outClosed = false;
    const judge = () => {
      if (exitCode === undefined || !outClosed) return;
      const [version = '', edition = ''] = out.split(/\r?\n/).map((l) => l.trim());
      if (exitCode === 0 && VERSION.test(version) && /^(?:Core|Desktop)$/.test(edition)) done({ ok: true, version, edition });
      else done({ ok: false, problem: `${probe.command} did not answer as PowerShell (exit code ${String(exitCode)}).${err.trim() ? ` ${err.trim().slice(0, 300)}` : ''}` });
    };
    child.stdout.once('close', () => {
      outClosed = true;
      judge();
    });
    child.once('exit', (code) => {
      exitCode = code;
      judge();
    });
    deps.sleep(deps.timeoutMs, timer.signal).then(
      () => {
        child.kill();
        done({ ok: false, problem: `${probe.command} did not report its version within ${Math.round(deps.timeoutMs / 1000)} s.` });
      },
      () => undefined,
    );
  });
