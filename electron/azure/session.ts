import type { TokenCredential } from '@azure/core-auth';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AzureAccount } from '../../shared/domain/types';
import { ARM_API_VERSIONS, type ArmApiVersions } from './api-versions';
import type { Logger } from '../log';
import type { ResolvedRoute } from '../proxy';
import { createArmHttp, type ArmHttp } from './arm-http';
import type { CloudEndpoints } from './clouds';
import { createLockApi, type LockApi } from './locks';
import { createArmClients, createArmPipeline, type ArmClients } from './pipeline';
import { createRegistrationApi, type RegistrationApi } from './registration-api';
import type { RequestStats } from './request-stats';
import type { Ctl, Sleep } from './types';

/** Everything one signed-in account uses; dropped on sign-out, so tokens live only here, in memory. */
export type Session = {
  account: AzureAccount;
  clients: ArmClients;
  http: ArmHttp;
  registrations: RegistrationApi;
  locks: LockApi;
  stats: RequestStats;
  sleep: Sleep;
  clock: { now(): Date };
  log: Logger;
  /** Opens connections to Resource Manager ahead of the calls that need them. */
  warmUp(count: number): Promise<void>;
  /** Pinned ARM api-versions of the signed-in cloud. */
  api: ArmApiVersions;
  /** Runs fan-out reads (one per registration) at most FAN_OUT at a time, session-wide. */
  fanOut: LimitFunction;
  /** The signed-in user's object ID: from the sign-in, else the access token's `oid` claim. */
  principalId(): Promise<string | undefined>;
  /** The sign-in's refresh token for the stamp, when it can give one. */
  refreshToken?(): Promise<string>;
};

const oidOf = (jwt: string): string | undefined => {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { oid?: unknown };
    return typeof payload.oid === 'string' ? payload.oid : undefined;
  } catch {
    return undefined;
  }
};

/** Requests in flight together when reading many items: more draws 429s from ARM's per-instance limits. */
export const FAN_OUT = 8;

export const openSession = (deps: {
  account: AzureAccount;
  credential: TokenCredential;
  refreshToken?(): Promise<string>;
  cloud: CloudEndpoints;
  route: ResolvedRoute;
  tlsCa?: string;
  registrationApiVersion: string;
  stats: RequestStats;
  sleep: Sleep;
  clock: { now(): Date };
  log: Logger;
}): Session => {
  const api = ARM_API_VERSIONS[deps.cloud.name];
  const { pipeline, warmUp } = createArmPipeline({ ...deps, api });
  const clients = createArmClients(deps.credential, deps.cloud, pipeline, api);
  const http = createArmHttp(clients.raw, deps.cloud.resourceManager);
  const fanOut = pLimit(FAN_OUT);
  return {
    api,
    fanOut,
    account: deps.account,
    clients,
    http,
    registrations: createRegistrationApi(http, deps.registrationApiVersion, fanOut, api.resources),
    locks: createLockApi(http, api.locks),
    stats: deps.stats,
    sleep: deps.sleep,
    clock: deps.clock,
    log: deps.log,
    warmUp,
    ...(deps.refreshToken ? { refreshToken: deps.refreshToken } : {}),
    principalId: async () => {
      if (deps.account.objectId) return deps.account.objectId;
      const token = await deps.credential.getToken(deps.cloud.scope).catch(() => null);
      return token ? oidOf(token.token) : undefined;
    },
  };
};

/** Runs one phase of an operation: reports it, attributes its requests, stops early when cancelled. */
export const phase = async <T>(s: Session, ctl: Ctl, name: string, message: string, fn: () => Promise<T>): Promise<T> => {
  ctl.signal?.throwIfAborted();
  ctl.progress?.(name, message);
  return s.stats.inPhase(name, fn, ctl.progress);
};
