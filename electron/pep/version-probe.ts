import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import type { HostCommand, SpawnHost } from './host-process';
import type { Sleep } from './types';

// Runs a PowerShell through the same spawn path as the PEP host (absolute path, same environment, no
// shell) and reads `$PSVersionTable.PSVersion` and `PSEdition` from its two lines of output.

export type PowerShellVersion = { ok: true; version: string; edition: string } | { ok: false; problem: Said };

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
      const error = e instanceof Error ? e.message : String(e);
      done({ ok: false, problem: said('powershell.not-started', `${probe.command} could not be started: ${error}`, { command: probe.command, error }) });
      return;
    }
    child.stdin.end();
    child.stdout.on('data', (chunk: Buffer) => void (out = (out + chunk.toString('utf8')).slice(0, OUTPUT_LIMIT)));
    child.stderr.on('data', (chunk: Buffer) => void (err = (err + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)));
    child.once('error', (e) =>
      done({ ok: false, problem: said('powershell.not-started', `${probe.command} could not be started: ${e.message}`, { command: probe.command, error: e.message }) }),
    );
    // Exit and the end of stdout arrive in either order: judge the output once both are in.
    let exitCode: number | null | undefined;
    let outClosed = false;
    const judge = () => {
      if (exitCode === undefined || !outClosed) return;
      const [version = '', edition = ''] = out.split(/\r?\n/).map((l) => l.trim());
      if (exitCode === 0 && VERSION.test(version) && /^(?:Core|Desktop)$/.test(edition)) done({ ok: true, version, edition });
      else {
        const exit = String(exitCode);
        const output = err.trim().slice(0, 300);
        const text = `${probe.command} did not answer as PowerShell (exit code ${exit}).`;
        done({
          ok: false,
          problem: output
            ? said('powershell.not-powershell-said', `${text} ${output}`, { command: probe.command, exit, output })
            : said('powershell.not-powershell', text, { command: probe.command, exit }),
        });
      }
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
        const seconds = Math.round(deps.timeoutMs / 1000);
        done({ ok: false, problem: said('powershell.no-version', `${probe.command} did not report its version within ${seconds} s.`, { command: probe.command, seconds }) });
      },
      () => undefined,
    );
  });
