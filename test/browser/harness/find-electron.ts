import { dirname, join } from 'node:path';

// Whether the real-Electron suite can run here, and how to start the app. Pure: the file system
// and the environment are passed in, so every choice is unit-tested on any machine. It never
// `require('electron')`: that would try to download the binary.

export type ElectronHost = {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** node_modules/electron of this checkout. */
  electronDir: string;
  /** The built main process, out/main/index.js. */
  appMain: string;
  exists(path: string): boolean;
  readText(path: string): string | undefined;
};

export type ElectronChoice =
  /** Start `executablePath` with `args`; `packagedPath` is where the packaged-like copy goes. */
  | { kind: 'run'; executablePath: string; args: string[]; packagedPath: string }
  /** The suite does not run here, and says why. */
  | { kind: 'absent'; reason: string }
  /** The suite should run but cannot: a failure, not a skip. */
  | { kind: 'broken'; reason: string };

/** Electron's executable inside its dist folder, as node_modules/electron/install.js names it. */
const platformPath = (platform: NodeJS.Platform): string | undefined =>
  ({ darwin: 'Electron.app/Contents/MacOS/Electron', linux: 'electron', freebsd: 'electron', openbsd: 'electron', win32: 'electron.exe' })[
    platform as string
  ];

/**
 * A hard link to the Electron executable under another name, beside it (it needs its resources
 * folder). Electron reports `app.isPackaged` from the executable's name, so the app started through
 * it takes every packaged-build branch (DevTools off, resources from process.resourcesPath) while
 * keeping the stock fuses Playwright needs; a real package turns the inspector fuse off, so
 * Playwright cannot drive it at all.
 */
export const packagedName = (platform: NodeJS.Platform): string => (platform === 'win32' ? 'azs-registrar-e2e.exe' : 'azs-registrar-e2e');

const HOW_TO_INSTALL =
  'To run it: unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npx install-electron --no` (or delete node_modules/electron and `npm install` again).';

export const chooseElectron = (host: ElectronHost): ElectronChoice => {
  const required = host.env['AZS_REQUIRE_ELECTRON'] === '1';
  const absent = (why: string): ElectronChoice => ({
    kind: required ? 'broken' : 'absent',
    reason: required ? `AZS_REQUIRE_ELECTRON=1 but ${why} ${HOW_TO_INSTALL}` : `${why} ${HOW_TO_INSTALL}`,
  });
  const exe = platformPath(host.platform);
  if (!exe) return absent(`Electron has no build for ${host.platform}.`);
  const recorded = host.readText(join(host.electronDir, 'path.txt'))?.trim();
  const override = host.env['ELECTRON_OVERRIDE_DIST_PATH'];
  let executablePath: string;
  if (override) {
    executablePath = join(override, recorded || exe);
  } else if (recorded) {
    executablePath = join(host.electronDir, 'dist', recorded);
  } else {
    const skipped = host.env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
    return absent(
      skipped && skipped !== '0' && skipped !== 'false'
        ? 'no Electron binary: npm install skipped its download (ELECTRON_SKIP_BINARY_DOWNLOAD is set).'
        : 'no Electron binary: node_modules/electron/path.txt is missing (its download failed or was skipped).',
    );
  }
  if (!host.exists(executablePath)) return absent(`no Electron binary at ${executablePath}.`);
  if (!host.exists(host.appMain)) {
    return { kind: 'broken', reason: `The app is not built (${host.appMain} is missing): run \`npm run build\` first.` };
  }
  return { kind: 'run', executablePath, args: [host.appMain], packagedPath: join(dirname(executablePath), packagedName(host.platform)) };
};
