// Integrity of the files the app runs outside its asar: the PowerShell host script.
export { scriptDigest, verifyScriptDigest } from './script-digest';
export type { ScriptDigestCheck } from './script-digest';
export { systemCopyFs, verifiedSpawn } from './verified-spawn';
export type { PrivateCopyFs } from './verified-spawn';
