import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseElectron, packagedName } from '../../browser/harness/find-electron';
import { packagedExecutable } from '../../browser/harness/launchers';
import type { ElectronHost } from '../../browser/harness/find-electron';

// The real-Electron launcher's choices, on a fake file system: is the binary there, which path,
// dev or packaged, and what the suite says when it cannot run.

const ELECTRON = join('/repo', 'node_modules', 'electron');
const MAIN = join('/repo', 'out', 'main', 'index.js');

const host = (platform: NodeJS.Platform, files: Record<string, string>, env: Record<string, string> = {}): ElectronHost => ({
  platform,
  env,
  electronDir: ELECTRON,
  appMain: MAIN,
  exists: (p) => p in files,
  readText: (p) => files[p],
});

describe('real-Electron launcher choice', () => {
  it('runs the built main with the binary node_modules/electron/path.txt names, and puts the packaged-like link beside it', () => {
    const exe = join(ELECTRON, 'dist', 'electron');
    const choice = chooseElectron(host('linux', { [join(ELECTRON, 'path.txt')]: 'electron', [exe]: '', [MAIN]: '' }));
    expect(choice).toEqual({ kind: 'run', executablePath: exe, args: [MAIN], packagedPath: join(ELECTRON, 'dist', 'azs-registrar-e2e') });
  });

  it('names the packaged-like executable so Electron takes it for a packaged app on every platform', () => {
    // Electron's app.isPackaged is false only for an executable named electron / electron.exe.
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const name = packagedName(platform).toLowerCase();
      expect(name).not.toBe('electron');
      expect(name).not.toBe('electron.exe');
    }
    expect(packagedName('win32')).toMatch(/\.exe$/);
    const exe = join(ELECTRON, 'dist', 'electron.exe');
    const choice = chooseElectron(host('win32', { [join(ELECTRON, 'path.txt')]: 'electron.exe', [exe]: '', [MAIN]: '' }));
    expect(choice).toMatchObject({ kind: 'run', executablePath: exe, packagedPath: join(ELECTRON, 'dist', 'azs-registrar-e2e.exe') });
  });

  it('on macOS finds the executable inside Electron.app', () => {
    const exe = join(ELECTRON, 'dist', 'Electron.app/Contents/MacOS/Electron');
    const choice = chooseElectron(host('darwin', { [join(ELECTRON, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron', [exe]: '', [MAIN]: '' }));
    expect(choice).toMatchObject({ kind: 'run', executablePath: exe });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as node_modules/electron does, with or without path.txt', () => {
    const exe = join('/opt/electron-45', 'electron');
    const choice = chooseElectron(host('linux', { [exe]: '', [MAIN]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' }));
    expect(choice).toMatchObject({ kind: 'run', executablePath: exe });
  });

  it('does not run, and says why and how to fix it, when npm install skipped the download', () => {
    const choice = chooseElectron(host('linux', { [MAIN]: '' }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
    expect(choice.kind).toBe('absent');
    const { reason } = choice as { reason: string };
    expect(reason).toContain('no Electron binary: npm install skipped its download (ELECTRON_SKIP_BINARY_DOWNLOAD is set).');
    expect(reason).toContain('npx install-electron --no');
  });

  it('does not run when path.txt is missing for another reason, or names a binary that is gone', () => {
    expect(chooseElectron(host('linux', { [MAIN]: '' }))).toMatchObject({ kind: 'absent', reason: expect.stringContaining('path.txt is missing') });
    const gone = chooseElectron(host('linux', { [join(ELECTRON, 'path.txt')]: 'electron', [MAIN]: '' }));
    expect(gone).toMatchObject({ kind: 'absent', reason: expect.stringContaining(`no Electron binary at ${join(ELECTRON, 'dist', 'electron')}`) });
  });

  it('fails instead of skipping when AZS_REQUIRE_ELECTRON=1, or when the app is not built', () => {
    const required = chooseElectron(host('linux', {}, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', AZS_REQUIRE_ELECTRON: '1' }));
    expect(required).toMatchObject({ kind: 'broken', reason: expect.stringMatching(/^AZS_REQUIRE_ELECTRON=1 but no Electron binary/) });
    const exe = join(ELECTRON, 'dist', 'electron');
    const unbuilt = chooseElectron(host('linux', { [join(ELECTRON, 'path.txt')]: 'electron', [exe]: '' }));
    expect(unbuilt).toMatchObject({ kind: 'broken', reason: expect.stringContaining('npm run build') });
  });

  it('does not run on a platform Electron has no build for', () => {
    expect(chooseElectron(host('aix', {}))).toMatchObject({ kind: 'absent', reason: expect.stringContaining('no build for aix') });
  });
});

describe('packaged-like executable', () => {
  it('is a hard link to Electron under the packaged name, made again after Electron is reinstalled', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'azs-fake-electron-'));
    try {
      const choice = { kind: 'run' as const, executablePath: join(dist, 'electron'), args: [MAIN], packagedPath: join(dist, packagedName('linux')) };
      await writeFile(choice.executablePath, 'v1');
      expect(await packagedExecutable(choice)).toBe(choice.packagedPath);
      expect((await stat(choice.packagedPath)).ino).toBe((await stat(choice.executablePath)).ino);
      await packagedExecutable(choice); // already current: kept
      expect((await stat(choice.packagedPath)).ino).toBe((await stat(choice.executablePath)).ino);
      // A reinstall writes a new file: the old link would start the old binary.
      await rm(choice.executablePath);
      await writeFile(choice.executablePath, 'v2');
      await packagedExecutable(choice);
      expect((await stat(choice.packagedPath)).ino).toBe((await stat(choice.executablePath)).ino);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
