export * as azureFlows from './azure-flows';
export * as connectedFlows from './connected-flow';
export * as stampFlows from './stamp-flows';
export * from './stamp-sessions';
export type { AzureFlowDeps } from './azure-flows';
export type { StampFlowDeps } from './stamp-flows';
export * as statusFlows from './status-flows';
export type { StatusFlowDeps } from './status-flows';
export type { ConnectedFlowDeps } from './connected-flow';
