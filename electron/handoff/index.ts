export { createHandoff } from './handoff';
export type { Handoff, HandoffDeps, HandoffFs, KeyRead, TokenRead } from './handoff';
export { fingerprintOf } from './fingerprint';
export { mediaWriteError, writeVerified } from './media';
export type { MediaFs } from './media';
export { runCommand, systemDrives } from './system-drives';
export type { CommandRunner, SystemDrivesDeps } from './system-drives';
