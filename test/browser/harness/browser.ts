import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, LaunchOptions, Page } from 'playwright-core';
import { channelNames, eventNames, fail } from '../../../shared/contract';
import type { Backend } from './backend';
import { browserCandidates, noBrowserMessage, plainError } from './find-browser';
import type { BrowserCandidate, BrowserHost } from './find-browser';
import { installBridge } from './install-bridge';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the first Chromium-family browser that works (see find-browser.ts for the order). When
 * none does, fails with one message saying how to install one or set CHROMIUM_PATH.
 */
export const launchChromium = async (host: BrowserHost = { platform: process.platform, env: process.env, exists: existsSync }): Promise<Browser> => {
  const tried: { candidate: BrowserCandidate; error: string }[] = [];
  for (const candidate of browserCandidates(host)) {
    const where: LaunchOptions = candidate.kind === 'path' ? { executablePath: candidate.path } : { channel: candidate.channel };
    try {
      return await chromium.launch({ ...where, args: ARGS });
    } catch (err) {
      tried.push({ candidate, error: err instanceof Error ? err.message : String(err) });
    }
  }
  throw plainError(noBrowserMessage(host, tried));
};

export type AppPage = { page: Page; errors: string[] };

/** Page errors, console errors and CSP violations, collected so tests can fail on them. */
export const collectErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' || /Content Security Policy/i.test(text)) errors.push(`console ${msg.type()}: ${text}`);
  });
  return errors;
};

/**
 * A page in its own context (its own localStorage: its own machine) wired to one backend the way
 * the preload wires the real window: calls through a binding checked against the main frame,
 * events pushed in. Page errors and CSP violations are collected so tests can fail on them.
 */
export const openApp = async (browser: Browser, backend: Backend, url: string): Promise<AppPage> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.exposeBinding('__azsInvoke', ({ frame }, name: string, req: unknown) =>
    frame === page.mainFrame() ? backend.dispatch(name, req) : Promise.resolve(fail('untrusted-sender', name)),
  );
  await page.addInitScript(installBridge, { channels: channelNames, events: eventNames });
  backend.setTarget(async (name, payload) => {
    await page.evaluate(
      ([n, p]) => (window as unknown as { __azsEmit(n: string, p: unknown): void }).__azsEmit(n, p),
      [name, payload] as const,
    );
  });
  await page.goto(url);
  return { page, errors };
};
