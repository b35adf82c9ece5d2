import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/contract';
import type { Settings } from '../../../../shared/contract';
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
  it('round-trips the mode and the settings', () => {
    const text = serializeSavedState({ mode: 'live', settings: PWSH_WIN });
    expect(parseSavedState(JSON.parse(text), 'win32')).toEqual({ mode: 'live', settings: PWSH_WIN });
  });

  it('reads a file written before settings existed (mode only)', () => {
    expect(parseSavedState({ mode: 'live' }, 'win32')).toEqual({ mode: 'live', settings: defaultSettings('win32') });
  });

  it('falls back part by part: a bad PowerShell entry keeps the mode and the api-version', () => {
    expect(parseSavedState({ mode: 'live', powershell: { kind: 'pwsh' }, registrationApiVersion: '2022-06-01' }, 'linux')).toEqual({
      mode: 'live',
      settings: { powershell: defaultSettings('linux').powershell, registrationApiVersion: '2022-06-01' },
    });
    // A Windows choice copied to a Linux machine cannot run there.
    expect(parseSavedState({ powershell: { kind: 'windows-powershell' } }, 'linux').settings.powershell.kind).toBe('pwsh');
    expect(parseSavedState({ powershell: { kind: 'pwsh', path: '/usr/bin/pwsh' } }, 'win32').settings.powershell.kind).toBe('windows-powershell');
    expect(parseSavedState(['live'], 'win32')).toEqual({ mode: 'practice', settings: defaultSettings('win32') });
    expect(parseSavedState(undefined, 'darwin').mode).toBe('practice');
  });
});

describe('checkSettings', () => {
  it('accepts what works on this platform', () => {
    expect(checkSettings(PWSH_WIN, 'win32')).toBe(PWSH_WIN);
    expect(checkSettings({ ...PWSH_WIN, powershell: { kind: 'pwsh', path: '\\\\fileserver\\tools\\pwsh.exe' } }, 'win32').powershell.kind).toBe('pwsh');
    expect(checkSettings(defaultSettings('linux'), 'linux')).toEqual(defaultSettings('linux'));
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
