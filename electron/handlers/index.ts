export * from './azure-handlers';
export * from './handoff-handlers';
export * from './operation-handlers';
export * from './stamp-handlers';
export * from './connected-handlers';
