export * from './channels';
export * from './choices';
export * from './events';
export * from './fields';
export * from './names';
export * from './operations';
export * from './problems';
export * from './schemas';
