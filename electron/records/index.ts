export { recordHandlers } from './record-handlers';
export type { ChooseSavePath, PrintRecord, RecordChannel, RecordDeps } from './record-handlers';
export { DIAGNOSTICS_HANDOFFS, diagnosticsFiles, zipDiagnostics } from './diagnostics';
export type { DiagnosticsInput } from './diagnostics';
export { handoffRecord } from './record-data';
export { recentLog } from './recent-log';
export type { TimedLogLine } from './recent-log';
