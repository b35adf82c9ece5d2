export * as azureFlows from './azure-flows';
export * as stampFlows from './stamp-flows';
export * from './stamp-sessions';
export type { AzureFlowDeps } from './azure-flows';
export type { StampFlowDeps } from './stamp-flows';
export * as statusFlows from './status-flows';
export type { StatusFlowDeps } from './status-flows';
