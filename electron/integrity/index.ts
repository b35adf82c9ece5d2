// Integrity of the files the app runs outside its asar: the PowerShell host script.
export { scriptDigest, verifyScriptDigest } from './script-digest';
export type { ScriptDigestCheck } from './script-digest';
export { verifiedSpawn } from './verified-spawn';
