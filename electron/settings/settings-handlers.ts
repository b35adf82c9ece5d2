import { AppError, said } from '../../shared/contract';
import type { Handlers, PowerShellChoice, PowerShellInfo, Settings } from '../../shared/contract';
import { probePowerShellVersion, versionProbeFor } from '../pep';
import type { UserEnvironment } from '../pep';
import type { SpawnHost } from '../pep/host-process';
import type { Sleep } from '../pep/types';
import { localExecutable } from './powershell-location';
import type { LocationPorts } from './powershell-location';
import { forgetErcs } from './recent-ercs';
import { checkSettings } from './settings-file';

// The Settings channels: the renderer chooses Windows PowerShell or "the pwsh chosen", never a path;
// pwsh is chosen in main's file dialog, refused when it is not a local file, and run once to show
// what the app will start (path, version).

export type SettingsChannel = 'settings.get' | 'settings.set' | 'settings.powershell' | 'settings.choosePowerShell' | 'settings.recentErcs' | 'settings.forgetErcs';

export type PowerShellPorts = LocationPorts & {
  systemRoot: string;
  tempDir: string;
  env: UserEnvironment;
  /** Main's file dialog (electron/main); the browser harness and tests pass a fake. */
  pickExecutable(): Promise<string | null>;
  /** The process spawner the PEP host uses. */
  spawn: SpawnHost;
  sleep: Sleep;
};

type SettingsDeps = {
  current(): Settings;
  /** Saves and applies new settings (the runtime recomposes). */
  apply(next: Settings): Promise<void>;
  powershell: PowerShellPorts;
  /** The remembered ERCS addresses of the current mode; replacing them saves settings.json without recomposing. */
  ercs: { list(): string[][]; replace(list: string[][]): Promise<void> };
};

const PROBE_TIMEOUT_MS = 30_000;
const MIN_PWSH_MAJOR = 7;

export const settingsHandlers = (deps: SettingsDeps): Pick<Handlers, SettingsChannel> => {
  const ports = deps.powershell;
  const described = new Map<string, Promise<PowerShellInfo>>();

  const describe = (choice: PowerShellChoice): Promise<PowerShellInfo> => {
    const key = JSON.stringify(choice);
    let info = described.get(key);
    if (!info) {
      const probe = versionProbeFor(choice, ports);
      info = probePowerShellVersion({ spawn: ports.spawn, sleep: ports.sleep, timeoutMs: PROBE_TIMEOUT_MS }, probe).then((v) => {
        // A PowerShell that did not run is asked again next time (the operator may be installing it).
        if (!v.ok) {
          described.delete(key);
          return { path: probe.command, problem: v.problem };
        }
        const tooOld = choice.kind === 'pwsh' && Number(v.version.split('.')[0]) < MIN_PWSH_MAJOR;
        return {
          path: probe.command,
          version: v.version,
          edition: v.edition,
          ...(tooOld ? { problem: said('powershell.too-old', `This is PowerShell ${v.version} (${v.edition}), not PowerShell 7.`, { version: v.version, edition: v.edition }) } : {}),
        };
      });
      described.set(key, info);
    }
    return info;
  };

  return {
    'settings.get': async () => deps.current(),
    'settings.set': async (req) => {
      const current = deps.current();
      let powershell: PowerShellChoice = { kind: 'windows-powershell' };
      if (req.powershell.kind === 'pwsh') {
        if (current.powershell.kind !== 'pwsh') {
          throw new AppError('bad-request', 'No PowerShell 7 has been chosen yet.', { action: 'Use "Choose pwsh…" to pick the pwsh executable installed on this computer.' });
        }
        powershell = current.powershell;
      }
      const signInClient = req.signInClient && Object.keys(req.signInClient).length > 0 ? { signInClient: req.signInClient } : {};
      await deps.apply(checkSettings({ powershell, registrationApiVersion: req.registrationApiVersion, ...signInClient }, ports.platform));
      return deps.current();
    },
    'settings.powershell': () => describe(deps.current().powershell),
    'settings.recentErcs': async () => deps.ercs.list(),
    'settings.forgetErcs': async ({ hosts }) => {
      await deps.ercs.replace(forgetErcs(deps.ercs.list(), hosts));
      return deps.ercs.list();
    },
    'settings.choosePowerShell': async () => {
      const chosen = await ports.pickExecutable();
      if (chosen === null) return null;
      const path = await localExecutable(chosen, ports);
      const choice: PowerShellChoice = { kind: 'pwsh', path };
      // The file may have changed since it was last run: run it again.
      described.delete(JSON.stringify(choice));
      const info = await describe(choice);
      if (info.problem) {
        throw new AppError('bad-request', `${path} cannot drive the privileged endpoint: ${info.problem.text}`, {
          action: 'Choose the pwsh executable of PowerShell 7.4 or later (pwsh.exe on Windows), or use Windows PowerShell 5.1 on Windows.',
        });
      }
      await deps.apply(checkSettings({ ...deps.current(), powershell: choice }, ports.platform));
      return { settings: deps.current(), powershell: info };
    },
  };
};
