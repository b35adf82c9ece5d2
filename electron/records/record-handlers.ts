import { dirname } from 'node:path';
import { AppError } from '../../shared/contract';
import type { Handlers, SavedExport } from '../../shared/contract';
import type { RecordLanguage } from '../../shared/domain/handoff-record';
import { mediaWriteError, writeVerified } from '../handoff';
import type { MediaFs } from '../handoff';
import type { Logger } from '../log';
import type { MainWords } from '../words';
import { diagnosticsFiles, zipDiagnostics } from './diagnostics';
import type { DiagnosticsInput } from './diagnostics';
import { handoffRecord } from './record-data';
import type { RecordSource } from './record-data';

/** Main's save dialog: the operator chooses where; null when cancelled. The renderer never sends a path. */
export type ChooseSavePath = (req: { title: string; defaultName: string; filter: { name: string; extensions: string[] } }) => Promise<string | null>;
/** Prints the record page of a hand-off to PDF (Electron: a hidden window and webContents.printToPDF). */
export type PrintRecord = (req: { handoffId: string; language: RecordLanguage }) => Promise<Uint8Array>;

export type RecordDeps = {
  /** Main's words in the UI language (the save dialogs' titles). */
  words(): MainWords;
  source(): RecordSource;
  diagnostics(): DiagnosticsInput;
  chooseSavePath: ChooseSavePath;
  /** Absent where nothing can print (the bench): saving a record is then refused. */
  printRecord?: PrintRecord;
  fs: MediaFs;
  log: Logger;
};

export type RecordChannel = 'handoff.record' | 'handoff.saveRecord' | 'diagnostics.export' | 'script.save';

/** A file name part from operator text: letters, digits, dot, dash and underscore only. */
const namePart = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
const day = (at: Date): string => at.toISOString().slice(0, 10);

const writeChosen = async (deps: RecordDeps, path: string, bytes: Uint8Array): Promise<SavedExport> => {
  try {
    await writeVerified(deps.fs, path, bytes);
  } catch (err) {
    throw await mediaWriteError(deps.fs, dirname(path), err);
  }
  return { path, bytes: bytes.length };
};

export const recordHandlers = (deps: RecordDeps): Pick<Handlers, RecordChannel> => ({
  'handoff.record': async ({ handoffId }) => handoffRecord(deps.source(), handoffId),
  'handoff.saveRecord': async ({ handoffId, language }) => {
    const src = deps.source();
    // Refused before any dialog: an unknown hand-off, or a build that cannot print.
    const record = handoffRecord(src, handoffId);
    const print = deps.printRecord;
    if (!print) throw new AppError('bad-request', 'This build cannot print records.', { action: 'Use the app itself (npm start or the installed app) to save a record.' });
    const name = namePart(record.summary.registrationName ?? record.summary.cloudId);
    const path = await deps.chooseSavePath({
      title: deps.words().saveRecordTitle,
      defaultName: `AzS Registrar record ${name} ${day(src.clock.now())}.pdf`,
      filter: { name: 'PDF', extensions: ['pdf'] },
    });
    if (path === null) return null;
    const saved = await writeChosen(deps, path, await print({ handoffId, language }));
    deps.log.info('Hand-off record saved', { handoffId, path, bytes: saved.bytes });
    return saved;
  },
  'diagnostics.export': async () => {
    const input = deps.diagnostics();
    const at = new Date(input.generatedAt);
    const path = await deps.chooseSavePath({
      title: deps.words().exportDiagnosticsTitle,
      defaultName: `AzS Registrar diagnostics ${input.generatedAt.slice(0, 16).replace(/:/g, '-')}.zip`,
      filter: { name: 'Zip', extensions: ['zip'] },
    });
    if (path === null) return null;
    const saved = await writeChosen(deps, path, await zipDiagnostics(diagnosticsFiles(input), at));
    deps.log.info('Diagnostics exported', { path, bytes: saved.bytes });
    return saved;
  },
  'script.save': async ({ leg, script }) => {
    const path = await deps.chooseSavePath({
      title: deps.words().saveScriptTitle,
      defaultName: `AzS Registrar ${leg} ${day(deps.source().clock.now())}.ps1`,
      filter: { name: 'PowerShell script', extensions: ['ps1'] },
    });
    if (path === null) return null;
    // UTF-8 with a byte-order mark and CRLF line ends: Windows PowerShell 5.1 reads a file without a BOM in
    // the ANSI code page, which would garble any non-ASCII value (a resource group, a user name).
    const saved = await writeChosen(deps, path, new TextEncoder().encode(`\uFEFF${script.replace(/\r?\n/g, '\r\n')}\r\n`));
    deps.log.info('PowerShell script saved', { leg, path, bytes: saved.bytes });
    return saved;
  },
});
