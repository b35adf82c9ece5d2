import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO, isAppError, SettingsSchema } from '../../../../shared/contract';
import type { PracticeScenario, Settings } from '../../../../shared/contract';
import { checkSettings, defaultSettings, parseSavedState, serializeSavedState } from '../../../../electron/settings';

const PWSH_WIN: Settings = { powershell: { kind: 'pwsh', path: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe' }, registrationApiVersion: '2022-06-01' };

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return err.problem;
    throw err;
  }
  return undefined;
};

describe('settings defaults', () => {
  it('uses Windows PowerShell 5.1 on Windows and pwsh where Microsoft installs it elsewhere', () => {
    expect(defaultSettings('win32')).toEqual({ powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' });
    expect(defaultSettings('linux').powershell).toEqual({ kind: 'pwsh', path: '/usr/bin/pwsh' });
    expect(defaultSettings('darwin').powershell).toEqual({ kind: 'pwsh', path: '/usr/local/bin/pwsh' });
  });
});

describe('saved state', () => {
  it('round-trips the mode, the settings and the practice scenario', () => {
    const practice: PracticeScenario = { ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.1910.0.58', numberOfNodes: 16, lockForbidden: true, activationSeconds: 1800 };
    const text = serializeSavedState({ mode: 'live', settings: PWSH_WIN, practice });
    expect(parseSavedState(JSON.parse(text), 'win32')).toEqual({ mode: 'live', settings: PWSH_WIN, practice });
  });

  it('reads a file written before settings existed (mode only)', () => {
    expect(parseSavedState({ mode: 'live' }, 'win32')).toEqual({ mode: 'live', settings: defaultSettings('win32'), practice: DEFAULT_PRACTICE_SCENARIO });
  });

  it('falls back field by field in the practice scenario: an unknown build or a node count out of range keeps the rest', () => {
    const practice = { ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.1807.0.1', numberOfNodes: 17, eceBusy: true, azurePermissions: 'registration-role-2019', extra: 1 };
    expect(parseSavedState({ mode: 'practice', practice }, 'win32').practice).toEqual({
      ...DEFAULT_PRACTICE_SCENARIO,
      eceBusy: true,
      azurePermissions: 'registration-role-2019',
    });
    expect(parseSavedState({ practice: 'hard' }, 'win32').practice).toEqual(DEFAULT_PRACTICE_SCENARIO);
  });

  it('falls back part by part: a bad PowerShell entry keeps the mode and the api-version', () => {
    expect(parseSavedState({ mode: 'live', powershell: { kind: 'pwsh' }, registrationApiVersion: '2022-06-01' }, 'linux')).toEqual({
      mode: 'live',
      settings: { powershell: defaultSettings('linux').powershell, registrationApiVersion: '2022-06-01' },
      practice: DEFAULT_PRACTICE_SCENARIO,
    });
    // A Windows choice copied to a Linux machine cannot run there.
    expect(parseSavedState({ powershell: { kind: 'windows-powershell' } }, 'linux').settings.powershell.kind).toBe('pwsh');
    expect(parseSavedState({ powershell: { kind: 'pwsh', path: '/usr/bin/pwsh' } }, 'win32').settings.powershell.kind).toBe('windows-powershell');
    expect(parseSavedState(['live'], 'win32')).toEqual({ mode: 'practice', settings: defaultSettings('win32'), practice: DEFAULT_PRACTICE_SCENARIO });
    expect(parseSavedState(undefined, 'darwin').mode).toBe('practice');
  });
});

describe('sign-in client settings', () => {
  const ORG = { clientId: '3f1c2a9e-7b4d-4e21-9a6c-0d5e8f7a1b23', tenant: 'contoso.onmicrosoft.com' };

  it('round-trip, and a damaged entry falls back to the default client without losing the rest', () => {
    const settings: Settings = { ...PWSH_WIN, signInClient: ORG };
    expect(parseSavedState(JSON.parse(serializeSavedState({ mode: 'live', settings, practice: DEFAULT_PRACTICE_SCENARIO })), 'win32').settings).toEqual(settings);
    expect(parseSavedState({ ...PWSH_WIN, signInClient: { clientId: 'azure-cli' } }, 'win32').settings).toEqual(PWSH_WIN);
  });

  it('accepts a GUID client ID and a tenant GUID or domain; refuses anything else with what to enter', () => {
    const client = SettingsSchema.shape.signInClient;
    expect(client.safeParse(ORG).success).toBe(true);
    expect(client.safeParse({ clientId: ORG.clientId, tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' }).success).toBe(true);
    expect(client.safeParse({}).success).toBe(true);
    const badId = client.safeParse({ clientId: 'Microsoft Azure CLI' });
    expect(badId.success ? '' : badId.error.issues[0]?.message).toBe('must be a GUID');
    for (const tenant of ['contoso', 'https://login.microsoftonline.com/contoso.com', 'contoso..com', '-contoso.com']) {
      expect(client.safeParse({ tenant }).success, tenant).toBe(false);
    }
  });
});

describe('checkSettings', () => {
  it('accepts what works on this platform', () => {
    expect(checkSettings(PWSH_WIN, 'win32')).toBe(PWSH_WIN);
    expect(checkSettings(defaultSettings('linux'), 'linux')).toEqual(defaultSettings('linux'));
  });

  it('refuses a network (UNC) path to pwsh: the program that receives the password must be local', () => {
    for (const path of ['\\\\fileserver\\tools\\pwsh.exe', '//fileserver/tools/pwsh.exe']) {
      expect(() => checkSettings({ ...PWSH_WIN, powershell: { kind: 'pwsh', path } }, 'win32')).toThrow(/is on the network/);
    }
  });

  it('refuses Windows PowerShell off Windows, and paths that are not absolute for this OS', () => {
    expect(problemOf(() => checkSettings({ ...PWSH_WIN, powershell: { kind: 'windows-powershell' } }, 'darwin'))).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('only on Windows'),
      action: expect.stringContaining('/usr/local/bin/pwsh'),
    });
    expect(problemOf(() => checkSettings({ ...PWSH_WIN, powershell: { kind: 'pwsh', path: '/usr/bin/pwsh' } }, 'win32'))).toMatchObject({
      code: 'bad-request',
      action: expect.stringContaining('C:\\Program Files\\PowerShell\\7\\pwsh.exe'),
    });
    expect(problemOf(() => checkSettings(PWSH_WIN, 'linux'))?.message).toContain('not an absolute path');
  });
});
