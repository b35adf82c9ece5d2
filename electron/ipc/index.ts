export * from './dispatcher';
export * from './trusted-frame';
