import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AZURE_CLI_CLIENT_ID, createAzure, type AzureService } from '../../../electron/azure';
import { practiceRoutes, type ProxyResolver } from '../../../electron/proxy';
import { memoryLogger } from '../../../electron/log';
import { startPracticeAzure, type PracticeAzure, type PracticeAzureSettings } from '../../../electron/practice/azure';
import { isAppError, type Problem } from '../../../shared/contract/problems';
import { PRACTICE_ISSUER } from '../../../shared/domain/practice';

// The real Azure layer (SDK clients, one pipeline, TLS with the practice CA) against the practice
// ARM server on loopback. Waits go through a recording fake sleep, so Retry-After costs no time.

export const EA_SUB = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
export const CSP_SUB = '5a3c9e71-2b84-4f06-9d1e-7c2b8a4f6e03';
export const CSP_SHARED_SUB = '8e2d4f60-1a93-4c7b-b5e8-3d6f9a0c2b14';
export const PAYG_SUB = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';
export const DISABLED_SUB = 'f1e6c3b8-4d72-4a59-8c0e-6a2d7b9f1e35';

export type Harness = {
  practice: PracticeAzure;
  azure: AzureService;
  sleeps: number[];
  /** Called on every wait (and awaited), before it checks for cancellation. */
  onSleep?: (ms: number) => void | Promise<void>;
  log: ReturnType<typeof memoryLogger>;
  stop(): Promise<void>;
};

export const startHarness = async (
  settings: Partial<PracticeAzureSettings> = {},
  opts: { realServerDelays?: boolean; /** How ARM is reached (default: practice, never proxied). */ routes?: ProxyResolver } = {},
): Promise<Harness> => {
  // The real time at start, frozen: the SDK's token cache judges expiry with the real clock, so a
  // fixed date would make every token look expired to it once that date has passed.
  // Each fake wait moves it on, so what the practice Azure times (lock propagation, budgets) passes.
  const start = Date.now();
  let waited = 0;
  const clock = { now: () => new Date(start + waited) };
  const log = memoryLogger();
  const sleeps: number[] = [];
  const harness = { sleeps, log, stop: () => harness.practice.stop() } as Harness;
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    sleeps.push(ms);
    waited += ms;
    await harness.onSleep?.(ms);
    signal?.throwIfAborted();
  };
  const practice = await startPracticeAzure({
    clock,
    log,
    // The server's own waits ("slow" faults) are instant unless a test wants them on the wire.
    sleep: opts.realServerDelays ? (ms) => new Promise((resolve) => setTimeout(resolve, ms)) : async () => undefined,
    // Tokens outlive every fake wait of a test file; expiry is tested with expireTokens().
    settings: { azureStackRegisteredIn: [EA_SUB, CSP_SUB, CSP_SHARED_SUB], tokenLifetimeSeconds: 30 * 24 * 3600, ...settings },
  });
  const azure = createAzure({
    signIn: async (req) => ({
      credential: practice.credential(),
      account: { cloud: req.cloud, username: practice.account.username, tenantId: practice.account.tenantId, practice: true },
    }),
    clouds: practice.clouds,
    tlsCa: practice.ca,
    clock,
    log,
    sleep,
    routes: opts.routes ?? practiceRoutes,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    signInClient: { kind: 'default', clientId: AZURE_CLI_CLIENT_ID },
  });
  await azure.signIn({ cloud: 'AzureCloud', method: 'browser' });
  harness.practice = practice;
  harness.azure = azure;
  return harness;
};

/** A registration token as New-RegistrationToken writes it: base64 of JSON. */
/**
 * One practice Azure per test file, handed to `onStart`; after each test its faults are cleared,
 * permissions are back to owner and the recorded sleeps are emptied.
 */
export const usePracticeAzure = (onStart: (h: Harness) => void, settings: Partial<PracticeAzureSettings> = {}): void => {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(settings);
    onStart(h);
  });
  afterAll(async () => h?.stop());
  afterEach(() => {
    h?.practice.faults.clear();
    h?.practice.state.setPermissions('owner');
    if (h) h.sleeps.length = 0;
  });
};

export const makeToken = (cloudId: string = randomUUID(), extra: Record<string, unknown> = {}): string =>
  Buffer.from(
    JSON.stringify({
      billingModel: 'Development',
      objectId: randomUUID(),
      cloudId,
      marketplaceSyndicationEnabled: false,
      usageReportingEnabled: false,
      hardwareInfo: [{ name: 'node01', uuid: randomUUID(), numCores: 16 }],
      issuer: PRACTICE_ISSUER,
      version: '1.0',
      ...extra,
    }),
  ).toString('base64');

/** The Problem an operation failed with (fails the test if it succeeded or threw something else). */
export const problemOf = async (p: Promise<unknown>): Promise<Problem> => {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.problem;
    throw err;
  }
  throw new Error('expected the operation to fail');
};

let counter = 0;
/** Unique resource names per test, so tests sharing one practice server never collide. */
export const unique = (prefix: string): string => `${prefix}-${++counter}-${randomUUID().slice(0, 6)}`;

/** A plain ARM call from "someone else" (another admin placing a lock, for instance). */
export const armRequest = async (h: Harness, method: string, path: string, body?: unknown): Promise<number> => {
  const token = await h.practice.credential().getToken(h.practice.clouds.AzureCloud.scope);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(`${h.practice.endpoint}${path}`, {
      method,
      ca: h.practice.ca,
      headers: { authorization: `Bearer ${token?.token ?? ''}`, 'content-type': 'application/json' },
    }, resolve);
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
  res.resume();
  return res.statusCode ?? 0;
};

export const lockPath = (scope: string, name: string): string => `${scope}/providers/Microsoft.Authorization/locks/${name}?api-version=2020-05-01`;
