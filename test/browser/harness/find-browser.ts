import { posix, win32 } from 'node:path';

// Which Chromium-family browser the browser tests drive. Pure: the file system, the platform and
// the environment are passed in, so the choice is unit-tested for every platform on any machine.

/** A browser to try: an executable found on disk, or a playwright-core channel that finds an installed Chrome or Edge. */
export type BrowserCandidate = { kind: 'path'; path: string; from: string } | { kind: 'channel'; channel: 'chrome' | 'msedge'; from: string };

export type BrowserHost = {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
};

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_RELATIVE = [
  'Chromium\\Application\\chrome.exe',
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/** Where each platform usually installs Chromium, Chrome and Edge, in the order they are preferred. */
export const usualInstalls = (host: BrowserHost): string[] => {
  if (host.platform === 'win32') {
    const roots = [host.env['LOCALAPPDATA'], host.env['PROGRAMFILES'] ?? 'C:\\Program Files', host.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'];
    return WINDOWS_RELATIVE.flatMap((rel) => roots.filter((r): r is string => !!r).map((root) => win32.join(root, rel)));
  }
  if (host.platform === 'darwin') {
    const roots = ['/Applications', ...(host.env['HOME'] ? [posix.join(host.env['HOME'], 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => posix.join(root, app)));
  }
  return LINUX_PATHS;
};

/**
 * The browsers to try, best first: CHROMIUM_PATH when set (and nothing else: a wrong setting must
 * not be papered over by another browser), else every usual install present on disk, then
 * playwright-core's 'chrome' and 'msedge' channels, which know the vendors' own install locations.
 */
export const browserCandidates = (host: BrowserHost): BrowserCandidate[] => {
  const configured = host.env['CHROMIUM_PATH'];
  if (configured) return [{ kind: 'path', path: configured, from: 'CHROMIUM_PATH' }];
  return [
    ...usualInstalls(host)
      .filter((p) => host.exists(p))
      .map((path): BrowserCandidate => ({ kind: 'path', path, from: 'usual install' })),
    { kind: 'channel', channel: 'chrome', from: "playwright-core channel 'chrome'" },
    { kind: 'channel', channel: 'msedge', from: "playwright-core channel 'msedge'" },
  ];
};

const INSTALL_HINT: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'install one (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`)',
  win32: 'install Microsoft Edge or Google Chrome (Edge ships with Windows 10 and 11)',
  darwin: 'install Google Chrome, Microsoft Edge or Chromium into /Applications',
};

/** The one message the browser tests fail with when no browser could be started. */
export const noBrowserMessage = (host: BrowserHost, tried: readonly { candidate: BrowserCandidate; error: string }[]): string => {
  const configured = host.env['CHROMIUM_PATH'];
  const lines = configured
    ? [
        `The browser tests could not start the browser in CHROMIUM_PATH (${configured}).`,
        'Set CHROMIUM_PATH to the full path of a Chromium, Chrome or Edge executable, or unset it to let the tests look for one.',
      ]
    : [
        'The browser tests need a Chromium-family browser (Chromium, Google Chrome or Microsoft Edge) and found none.',
        `Either ${INSTALL_HINT[host.platform] ?? 'install Chromium, Chrome or Edge'}, or set CHROMIUM_PATH to the full path of its executable.`,
      ];
  const summary = tried.map(({ candidate, error }) =>
    `  - ${candidate.kind === 'path' ? candidate.path : `channel ${candidate.channel}`} (${candidate.from}): ${firstLine(error)}`,
  );
  return [...lines, ...(summary.length ? ['Tried:', ...summary] : [])].join('\n');
};

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'failed';

/** An error vitest prints as its message only: the message says everything, a stack would only hide it. */
export const plainError = (message: string): Error => {
  const err = new Error(message);
  err.stack = `Error: ${message}`;
  return err;
};
