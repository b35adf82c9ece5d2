import type { Said } from '../../shared/contract/said';
import type { HostConnection } from './host-connection';
import type { SecretField } from './secrets';
import type { Clock, Logger, PepStats, PepTimeouts, Sleep } from './types';

/** What a session needs from the client that created it. */
export type ClientContext = {
  clock: Clock;
  log: Logger;
  sleep: Sleep;
  timeouts: PepTimeouts;
  stats: PepStats;
  redact(text: string): string;
  /** Redacts this secret from everything the hosts say until the returned release is called. */
  holdSecret(secret: Buffer): () => void;
  newId(): string;
  nextRequestId(): string;
  /** Starts a host and opens the PSSession with these credentials. */
  open(creds: Credentials): Promise<{ conn: HostConnection; host: string; notices: Said[] }>;
  forget(sessionId: string): void;
};

/** Connection data kept for reconnecting after a host crash; passwords as wipeable Buffers. */
export type Credentials = {
  hosts: string[];
  user: string;
  password: SecretField[1];
  share?: { path: string; user: string; password: SecretField[1] };
  wipe(): void;
};
