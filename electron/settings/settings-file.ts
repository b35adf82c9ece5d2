import { posix, win32 } from 'node:path';
import { z } from 'zod';
import { AppError, DEFAULT_PRACTICE_SCENARIO, PracticeScenarioSchema, SettingsSchema } from '../../shared/contract';
import type { PowerShellChoice, PracticeScenario, Settings } from '../../shared/contract';
import type { AppMode } from '../../shared/domain/types';
import { parseRecentErcs } from './recent-ercs';
import type { RecentErcs } from './recent-ercs';

// settings.json in the data folder: the mode, the operator settings and the practice scenario, nothing secret. Each part is
// read on its own, so one damaged or unknown value falls back to its default without losing the rest.

/** What is kept across restarts. */
export type SavedState = { mode: AppMode; settings: Settings; practice: PracticeScenario; recentErcs?: RecentErcs };

const Mode = z.enum(['practice', 'live']);

/** PowerShell 7 where Microsoft's packages put it; the operator changes it in Settings. */
const defaultPwsh = (platform: NodeJS.Platform): string => (platform === 'darwin' ? '/usr/local/bin/pwsh' : '/usr/bin/pwsh');

export const defaultSettings = (platform: NodeJS.Platform): Settings => ({
  powershell: platform === 'win32' ? { kind: 'windows-powershell' } : { kind: 'pwsh', path: defaultPwsh(platform) },
  registrationApiVersion: '2017-06-01',
});

/** Why this PowerShell choice cannot work on this computer, or undefined when it can. */
const powershellProblem = (choice: PowerShellChoice, platform: NodeJS.Platform): string | undefined => {
  if (choice.kind === 'windows-powershell') {
    return platform === 'win32' ? undefined : 'Windows PowerShell 5.1 exists only on Windows: choose PowerShell 7 (pwsh 7.4 or later with PSWSMan).';
  }
  if (/^[\\/]{2}/.test(choice.path)) return `${choice.path} is on the network: AzS Registrar only runs a PowerShell installed on this computer.`;
  const absolute = platform === 'win32' ? /^[A-Za-z]:[\\/]/.test(choice.path) : posix.isAbsolute(choice.path);
  return absolute ? undefined : `"${choice.path}" is not an absolute path on this computer.`;
};

/** Refuses settings that cannot work on this platform (the schema has already checked their shape). */
export const checkSettings = (settings: Settings, platform: NodeJS.Platform): Settings => {
  const problem = powershellProblem(settings.powershell, platform);
  if (problem) {
    const example = platform === 'win32' ? win32.join('C:\\Program Files', 'PowerShell', '7', 'pwsh.exe') : defaultPwsh(platform);
    throw new AppError('bad-request', problem, { action: `Choose the pwsh installed on this computer, for example ${example}.` });
  }
  return settings;
};

const field = (raw: unknown, key: string): unknown => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined);

/** The saved practice scenario, field by field: an invalid or unknown value keeps its default. */
const parseScenario = (raw: unknown): PracticeScenario => {
  const shape = PracticeScenarioSchema.shape;
  const pick = <K extends keyof PracticeScenario>(key: K): PracticeScenario[K] => {
    const parsed = shape[key].safeParse(field(raw, key));
    return parsed.success ? (parsed.data as PracticeScenario[K]) : DEFAULT_PRACTICE_SCENARIO[key];
  };
  return Object.fromEntries(Object.keys(DEFAULT_PRACTICE_SCENARIO).map((key) => [key, pick(key as keyof PracticeScenario)])) as PracticeScenario;
};

/** Reads the saved state from the file's parsed JSON (undefined when missing or not JSON). */
export const parseSavedState = (raw: unknown, platform: NodeJS.Platform): SavedState => {
  const defaults = defaultSettings(platform);
  const mode = Mode.safeParse(field(raw, 'mode'));
  const powershell = SettingsSchema.shape.powershell.safeParse(field(raw, 'powershell'));
  const apiVersion = SettingsSchema.shape.registrationApiVersion.safeParse(field(raw, 'registrationApiVersion'));
  const signInClient = SettingsSchema.shape.signInClient.safeParse(field(raw, 'signInClient'));
  const recentErcs = parseRecentErcs(field(raw, 'recentErcs'));
  return {
    mode: mode.success ? mode.data : 'practice',
    settings: {
      powershell: powershell.success && !powershellProblem(powershell.data, platform) ? powershell.data : defaults.powershell,
      registrationApiVersion: apiVersion.success ? apiVersion.data : defaults.registrationApiVersion,
      // Absent or damaged: the Azure CLI's public client until the organisation configures its own (README, "Sign-in client").
      ...(signInClient.success && signInClient.data ? { signInClient: signInClient.data } : {}),
    },
    practice: parseScenario(field(raw, 'practice')),
    ...(recentErcs ? { recentErcs } : {}),
  };
};

export const serializeSavedState = (state: SavedState): string => JSON.stringify({ mode: state.mode, ...state.settings, practice: state.practice, recentErcs: state.recentErcs }, null, 2);
