export * from './channels';
export * from './events';
export * from './names';
export * from './operations';
export * from './problems';
export * from './schemas';
