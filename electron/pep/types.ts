import type { Said } from '../../shared/contract/said';
import type { StampInfo, TokenPlan } from '../../shared/domain/types';
import type { HostCommand, SpawnHost } from './host-process';

export type Clock = { now(): Date };
export type Logger = {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
};
/** Resolves after `ms`; may resolve or reject early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type ProbePort = (host: string, port: number, timeoutMs: number) => Promise<boolean>;

/** Node-side deadlines. Each exceeds what the PEP itself may take (activation: the cmdlet's 1800 s). */
export type PepTimeouts = {
  hello: number;
  connect: number;
  preflight: number;
  stampInfo: number;
  token: number;
  keyPair: number;
  /** New-AzureBridgeServicePrincipal: -TimeoutInSeconds 1800 on the stamp. */
  servicePrincipal: number;
  activation: number;
  removeActivation: number;
  close: number;
  /** After `cancel`, how long the host has to answer before it is killed. */
  cancelGrace: number;
  /** After stdin closes, how long the host has to exit before it is killed. */
  exitGrace: number;
  probe: number;
  /** First wait before retrying a transient failure; doubles per attempt (RWA waits 10 s). */
  retryBackoff: number;
};

export type PepClientDeps = {
  spawn: SpawnHost;
  host: HostCommand;
  clock: Clock;
  log: Logger;
  sleep: Sleep;
  probePort: ProbePort;
  /** Tests shorten these; production uses the defaults. */
  timeouts?: Partial<PepTimeouts>;
  /** Longest protocol line accepted from the host. */
  maxLineBytes?: number;
};

export type PepRecord = {
  level: 'progress' | 'verbose' | 'warning' | 'info';
  phase: string;
  /** The stamp's own words, or a sentence of ours (a retry). */
  message: string | Said;
  percent?: number;
};

export type CommandControl = { signal?: AbortSignal; onRecord?(record: PepRecord): void };

export type TranscriptShare = { path: string; user: string; password: string };

export type ConnectRequest = {
  hosts: string[];
  user: string;
  password: string;
  transcriptShare?: TranscriptShare;
};

export type CloseResult = { transcriptsCopied: boolean; notice?: Said };

export type PepSession = {
  readonly id: string;
  /** The ERCS address that answered (changes if the session had to reconnect). */
  readonly host: string;
  readonly notices: Said[];
  stampInfo(ctl?: CommandControl): Promise<StampInfo>;
  createToken(params: TokenPlan['params'], ctl?: CommandControl): Promise<string>;
  setKeyPair(ctl?: CommandControl): Promise<void>;
  /**
   * `New-AzureBridgeServicePrincipal`: the stamp redeems the refresh token and creates (or finds) its
   * Azure Bridge application in the tenant; returns the principal's ObjectId. The token crosses once,
   * as the invoke line's secret field, and is redacted from everything the host says meanwhile.
   */
  bridgeServicePrincipal(req: BridgePrincipalRequest, ctl?: CommandControl): Promise<string>;
  activate(activationKey: string, ctl?: CommandControl): Promise<void>;
  removeActivation(ctl?: CommandControl): Promise<void>;
  close(): Promise<CloseResult>;
};

export type BridgePrincipalRequest = {
  /** Wipeable copy of the refresh token; the caller wipes it afterwards. */
  refreshToken: Buffer;
  /** The Az environment name (AzureCloud, AzureUSGovernment, AzureChinaCloud). */
  azureEnvironment: string;
  tenantId: string;
};

export type PepStats = { hostsSpawned: number; sessionsOpened: number; commands: number };
