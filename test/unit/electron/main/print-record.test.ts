import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RECORD_STATE_ATTRIBUTE } from '../../../../shared/domain/handoff-record';

// Electron's print path without Electron: a stand-in BrowserWindow records what main's printer does
// with it (the real one runs in the real-Electron suite, test/browser/records.test.ts).

const electron = vi.hoisted(() => ({
  app: { isPackaged: true },
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; destroyed: boolean; scripts: string[]; printed: unknown[] }>,
  states: [] as (string | null)[],
}));
vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: class {
    private readonly seen: (typeof electron.windows)[number];
    readonly webContents;
    constructor(options: Record<string, unknown>) {
      const seen = { options, loaded: [] as string[], destroyed: false, scripts: [] as string[], printed: [] as unknown[] };
      this.seen = seen;
      electron.windows.push(seen);
      this.webContents = {
        executeJavaScript: async (code: string) => {
          seen.scripts.push(code);
          return electron.states.shift() ?? null;
        },
        printToPDF: async (opts: unknown) => {
          seen.printed.push(opts);
          return Buffer.from('%PDF-1.7 stand-in');
        },
      };
    }
    loadURL(url: string) {
      this.seen.loaded.push(url);
      return Promise.resolve();
    }
    destroy() {
      this.seen.destroyed = true;
    }
  },
}));

const { printRecordWith } = await import('../../../../electron/main/print-record');

describe('printing a record (main)', () => {
  beforeEach(() => {
    electron.windows.length = 0;
  });

  it('loads the record page in a hidden sandboxed window, waits until it has rendered, prints, and destroys the window', async () => {
    electron.states = [null, null, 'ready'];
    const pdf = await printRecordWith('/app/preload/index.cjs')({ handoffId: 'h-1', language: 'fr' });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 stand-in');
    const [w] = electron.windows;
    expect(w?.options).toMatchObject({ show: false, webPreferences: { preload: '/app/preload/index.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(w?.loaded).toEqual(['app://registrar/record.html?handoff=h-1&lang=fr']);
    expect(w?.scripts).toHaveLength(3);
    expect(w?.scripts[0]).toContain(RECORD_STATE_ATTRIBUTE);
    expect(w?.printed).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true })]);
    expect(w?.destroyed).toBe(true);
  });

  it('prints nothing from a page that could not show the record, and still destroys the window', async () => {
    electron.states = ['failed'];
    await expect(printRecordWith('/p')({ handoffId: 'h-2', language: 'en' })).rejects.toMatchObject({ problem: { code: 'internal', action: expect.any(String) } });
    expect(electron.windows[0]?.printed).toEqual([]);
    expect(electron.windows[0]?.destroyed).toBe(true);
  });
});
