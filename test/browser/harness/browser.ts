import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core';
import { RECORD_PAGE, RECORD_STATE_ATTRIBUTE } from '../../../shared/domain/handoff-record';
import type { RecordLanguage } from '../../../shared/domain/handoff-record';
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
 * Wires a page to one backend the way the preload wires a real window: calls through a binding
 * checked against the page's main frame, the same `window.api` shape from the contract's lists.
 */
export const bridgePage = async (page: Page, backend: Pick<Backend, 'dispatch'>): Promise<void> => {
  await page.exposeBinding('__azsInvoke', ({ frame }, name: string, req: unknown) =>
    frame === page.mainFrame() ? backend.dispatch(name, req) : Promise.resolve(fail('untrusted-sender', name)),
  );
  await page.addInitScript(installBridge, { channels: channelNames, events: eventNames });
};

/**
 * A page in its own context (its own localStorage: its own machine) wired to one backend, with
 * events pushed in. Page errors and CSP violations are collected so tests can fail on them. The
 * backend prints records with Chromium's page.pdf on the record page of the same context.
 */
export const openApp = async (browser: Browser, backend: Backend, url: string): Promise<AppPage> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await bridgePage(page, backend);
  backend.setTarget(async (name, payload) => {
    await page.evaluate(
      ([n, p]) => (window as unknown as { __azsEmit(n: string, p: unknown): void }).__azsEmit(n, p),
      [name, payload] as const,
    );
  });
  backend.setPrinter((req) => printRecordPage(context, backend, url, req, errors));
  await page.goto(url);
  return { page, errors };
};

/**
 * What electron/main/print-record.ts does, with Chromium's page.pdf for webContents.printToPDF: the
 * record page of the built renderer (same CSP), reading the record through the same contract call,
 * printed once it says it is ready. Its page errors join `errors`.
 */
export const printRecordPage = async (
  context: BrowserContext,
  backend: Pick<Backend, 'dispatch'>,
  url: string,
  req: { handoffId: string; language: RecordLanguage },
  errors: string[] = [],
): Promise<Uint8Array> => {
  const page = await context.newPage();
  try {
    const seen = collectErrors(page);
    await bridgePage(page, backend);
    const address = new URL(RECORD_PAGE, url);
    address.searchParams.set('handoff', req.handoffId);
    address.searchParams.set('lang', req.language);
    await page.goto(address.toString());
    await page.locator(`html[${RECORD_STATE_ATTRIBUTE}]`).waitFor({ state: 'attached' });
    const state = await page.locator('html').getAttribute(RECORD_STATE_ATTRIBUTE);
    errors.push(...seen);
    if (state !== 'ready') throw new Error(`the record page says ${state ?? 'nothing'}`);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, tagged: true }));
  } finally {
    await page.close();
  }
};
