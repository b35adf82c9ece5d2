import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser/harness/browser';
import { browserCandidates, noBrowserMessage } from '../../browser/harness/find-browser';
import type { BrowserHost } from '../../browser/harness/find-browser';

// The browser discovery's choices, on a fake file system for each platform.

const host = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): BrowserHost => ({
  platform,
  env,
  exists: (p) => files.includes(p),
});

const paths = (h: BrowserHost) => browserCandidates(h).map((c) => (c.kind === 'path' ? c.path : `channel:${c.channel}`));

describe('browser discovery', () => {
  it('takes CHROMIUM_PATH alone when set, even where other browsers are installed', () => {
    const h = host('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome'], { CHROMIUM_PATH: '/opt/my/chromium' });
    expect(browserCandidates(h)).toEqual([{ kind: 'path', path: '/opt/my/chromium', from: 'CHROMIUM_PATH' }]);
  });

  it('on Linux prefers Chromium, then Chrome, then Edge, keeping only what exists, then the channels', () => {
    const h = host('linux', ['/opt/microsoft/msedge/msedge', '/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser']);
    expect(paths(h)).toEqual([
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome-stable',
      '/opt/microsoft/msedge/msedge',
      'channel:chrome',
      'channel:msedge',
    ]);
  });

  it('on Windows looks in the per-user and per-machine Program Files folders', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const userChrome = 'C:\\Users\\op\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const h = host('win32', [edge, userChrome], {
      LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    });
    expect(paths(h)).toEqual([userChrome, edge, 'channel:chrome', 'channel:msedge']);
  });

  it('on Windows without the environment still tries the default Program Files folders', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(paths(host('win32', [edge]))[0]).toBe(edge);
  });

  it('on macOS looks in /Applications and ~/Applications', () => {
    const chrome = '/Users/op/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(paths(host('darwin', [chrome], { HOME: '/Users/op' }))).toEqual([chrome, 'channel:chrome', 'channel:msedge']);
  });

  it('with nothing installed still tries the channels, which find vendor installs the list does not know', () => {
    expect(paths(host('linux', []))).toEqual(['channel:chrome', 'channel:msedge']);
  });

  it('says how to install a browser on each platform, or to fix CHROMIUM_PATH, and lists what was tried', () => {
    const [chrome] = browserCandidates(host('win32', []));
    if (!chrome) throw new Error('no candidate');
    const tried = [{ candidate: chrome, error: 'Chromium distribution \'chrome\' is not found at C:\\...\nRun "npx playwright install chrome"' }];
    const win = noBrowserMessage(host('win32', []), tried);
    expect(win).toContain('found none');
    expect(win).toContain('install Microsoft Edge or Google Chrome');
    expect(win).toContain('set CHROMIUM_PATH');
    expect(win).toContain("channel chrome (playwright-core channel 'chrome'): Chromium distribution 'chrome' is not found");
    expect(win).not.toContain('npx playwright install');
    expect(noBrowserMessage(host('linux', []), [])).toContain('apt-get install chromium');
    expect(noBrowserMessage(host('darwin', []), [])).toContain('/Applications');
    const wrong = noBrowserMessage(host('linux', [], { CHROMIUM_PATH: '/nope/chromium' }), []);
    expect(wrong).toContain('could not start the browser in CHROMIUM_PATH (/nope/chromium)');
  });

  it('fails with that message alone, without a stack, when no candidate starts', async () => {
    const err = await launchChromium(host('linux', [], { CHROMIUM_PATH: '/nonexistent/chromium-for-test' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const { message, stack } = err as Error;
    expect(message.split('\n')[0]).toBe('The browser tests could not start the browser in CHROMIUM_PATH (/nonexistent/chromium-for-test).');
    expect(message).toContain('/nonexistent/chromium-for-test (CHROMIUM_PATH):');
    expect(stack).not.toMatch(/\n\s+at /);
  });
});
