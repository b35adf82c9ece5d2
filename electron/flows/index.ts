export * as azureFlows from './azure-flows';
export * as removalFlows from './removal-flows';
export * as connectedFlows from './connected-flow';
export * as stampFlows from './stamp-flows';
export * from './stamp-sessions';
export type { AzureFlowDeps } from './azure-flows';
export type { StampFlowDeps } from './stamp-flows';
export type { RemovalFlowDeps } from './removal-flows';
export type { ConnectedFlowDeps } from './connected-flow';
