export { createConnectedRecords, recordId } from './records';
export type { ConnectedRecords, RecordsFs } from './records';
