import type { WebContents } from 'electron';
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../shared/contract';
import { RECORD_PAGE, RECORD_STATE_ATTRIBUTE } from '../../shared/domain/handoff-record';
import { APP_URL } from '../ipc';
import type { PrintRecord } from '../records';
import { createAppWindow } from './window';

const READY_WITHIN_MS = 15_000;

/** The record page's state once it has rendered or given up; null if it says nothing in time. */
const renderedState = async (contents: WebContents): Promise<string | null> => {
  const read = `document.documentElement.getAttribute(${JSON.stringify(RECORD_STATE_ATTRIBUTE)})`;
  for (let waited = 0; waited < READY_WITHIN_MS; waited += 100) {
    const state: unknown = await contents.executeJavaScript(read);
    if (typeof state === 'string') return state;
    await delay(100);
  }
  return null;
};

/**
 * Prints a hand-off's record to PDF: a hidden window (the main window's options, never shown) loads
 * the record page from app:// (same CSP, no remote content; it reads the record over the same IPC
 * contract as every screen), then webContents.printToPDF. The window is destroyed either way.
 */
export const printRecordWith =
  (preloadPath: string): PrintRecord =>
  async ({ handoffId, language }) => {
    const win = createAppWindow(preloadPath);
    try {
      const url = new URL(RECORD_PAGE, APP_URL);
      url.searchParams.set('handoff', handoffId);
      url.searchParams.set('lang', language);
      await win.loadURL(url.toString());
      const state = await renderedState(win.webContents);
      if (state !== 'ready') {
        throw new AppError('internal', 'The record of this hand-off could not be prepared for printing.', {
          action: 'Try again; if it fails again, export diagnostics and send them to support.',
          detail: `record page state: ${state ?? 'no answer'}`,
        });
      }
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  };
