// Operator settings kept in settings.json (PowerShell for the PEP, registration api-version, sign-in client) with the mode.
export { checkSettings, defaultSettings, parseSavedState, serializeSavedState } from './settings-file';
export type { SavedState } from './settings-file';
export { settingsHandlers } from './settings-handlers';
export type { PowerShellPorts, SettingsChannel } from './settings-handlers';
export { systemLocationPorts } from './powershell-location';
export { forgetErcs, rememberErcs } from './recent-ercs';
export type { RecentErcs } from './recent-ercs';
