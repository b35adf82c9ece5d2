import type { TokenCredential } from '@azure/core-auth';
import type { AzureAccount } from '../../shared/domain/types';
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
};

export const openSession = (deps: {
  account: AzureAccount;
  credential: TokenCredential;
  cloud: CloudEndpoints;
  route: ResolvedRoute;
  tlsCa?: string;
  registrationApiVersion: string;
  stats: RequestStats;
  sleep: Sleep;
  clock: { now(): Date };
  log: Logger;
}): Session => {
  const pipeline = createArmPipeline(deps);
  const clients = createArmClients(deps.credential, deps.cloud, pipeline);
  const http = createArmHttp(clients.raw, deps.cloud.resourceManager);
  return {
    account: deps.account,
    clients,
    http,
    registrations: createRegistrationApi(http, deps.registrationApiVersion),
    locks: createLockApi(http),
    stats: deps.stats,
    sleep: deps.sleep,
    clock: deps.clock,
    log: deps.log,
  };
};

/** Runs one phase of an operation: reports it, attributes its requests, stops early when cancelled. */
export const phase = async <T>(s: Session, ctl: Ctl, name: string, message: string, fn: () => Promise<T>): Promise<T> => {
  ctl.signal?.throwIfAborted();
  ctl.progress?.(name, message);
  return s.stats.inPhase(name, fn, ctl.progress);
};
