// Privileged endpoint transport: a PowerShell host process per PEP connection (resources/pep-host.ps1).
export { createPepClient } from './pep-client';
export type { PepClient } from './pep-client';
export { hostForChoice, pwshHost, systemSpawn, tcpProbe, versionProbeFor, windowsPowerShellHost } from './hosts';
export type { UserEnvironment } from './hosts';
export { probePowerShellVersion } from './version-probe';
export type { CloseResult, CommandControl, ConnectRequest, PepClientDeps, PepRecord, PepSession, PepStats, PepTimeouts, ProbePort, TranscriptShare } from './types';
