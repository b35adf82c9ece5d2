import { setTimeout as delay } from 'node:timers/promises';
import type { OperationStart, PepConnected } from '../../../shared/contract';
import type { PracticeSettings } from '../../../electron/practice';
import { FAST_PRACTICE } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { PEP } from './air-gap-flow';

// What the kill tests of the Azure and connected flows share with their child process (azure-child.ts):
// the requests, the practice stamp and Azure they run against, and which answers count as a step that
// changed Azure or the stamp.

type Start<K extends OperationStart['kind']> = Extract<OperationStart, { kind: K }>;
/** The connected flows' requests without their PEP session: whoever runs one connects first (`withSession`). */
export type AzureKillRequest =
  | Start<'azure.unregister'>
  | Start<'azure.move'>
  | { kind: 'azure.createRole'; subscriptionId: string }
  | Omit<Start<'connected.register'>, 'sessionId'>
  | Omit<Start<'registration.remove'>, 'sessionId'>;

/** Sentinel secrets of the connected cells: the data folder is searched for them after the kill and after the re-run. */
export const SECRETS = { pepPassword: 'SentinelKillPep-5e2a', accessToken: 'SentinelKillToken-81c4', refreshToken: 'SentinelKillRefresh-0d7b' } as const;

const usesStamp = (kind: AzureKillRequest['kind']): boolean => kind === 'connected.register' || kind === 'registration.remove';

/** Role creation is run by an account that may assign roles but not register (it then gets the role); the connected flows carry sentinel secrets. */
export const practiceFor = (kind: AzureKillRequest['kind']): PracticeSettings => {
  if (kind === 'azure.createRole') return { ...FAST_PRACTICE, azure: { ...FAST_PRACTICE.azure, permissions: 'user-access-administrator' } };
  if (!usesStamp(kind)) return FAST_PRACTICE;
  return {
    ...FAST_PRACTICE,
    stamp: { ...FAST_PRACTICE.stamp, cloudAdminPassword: SECRETS.pepPassword },
    azure: { ...FAST_PRACTICE.azure, accessTokenMarker: SECRETS.accessToken, refreshTokenMarker: SECRETS.refreshToken },
  };
};

/** The request as the app takes it: the connected flows open their PEP session first, as the screens do. */
export const withSession = async (m: PracticeMachine, request: AzureKillRequest): Promise<AzureKillRequest & { sessionId?: string }> =>
  usesStamp(request.kind) ? { ...request, sessionId: (await m.call<PepConnected>('pep.connect', { ...PEP, password: SECRETS.pepPassword })).sessionId } : request;

const WRITES = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

/**
 * A step Azure or the stamp carried out, logged before the app reads the answer: a write Azure accepted
 * (the activation key's POST reads, it changes nothing), or a PEP command other than a Get- that the
 * practice stamp completed (its state is on its disk).
 */
export const isChange = (message: string, data: Record<string, unknown> | undefined): boolean =>
  message === 'Practice Azure answered'
    ? WRITES.has(String(data?.['method'])) && Number(data?.['status']) < 300 && !/\/getactivationkey$/i.test(String(data?.['path']))
    : message === 'practice stamp: answered' && data?.['errors'] === 0 && !String(data['cmd']).startsWith('Get-');

/** Names the step for the record: `DELETE lock`, `POST moveResources`, `PUT role assignment`, `New-AzureStackActivation`. */
export const stepName = (data: Record<string, unknown> | undefined): string => {
  if (data?.['cmd'] !== undefined) return String(data['cmd']);
  const path = String(data?.['path']).toLowerCase();
  const what = /\/locks\/[^/]+$/.test(path)
    ? 'lock'
    : /\/registrations\/[^/]+$/.test(path)
      ? 'registration'
      : /\/roledefinitions\/[^/]+$/.test(path)
        ? 'role definition'
        : /\/roleassignments\/[^/]+$/.test(path)
          ? 'role assignment'
          : /\/(validatemoveresources|moveresources)$/.test(path)
            ? (path.split('/').at(-1) ?? '').replace('validatemoveresources', 'validateMoveResources').replace('moveresources', 'moveResources')
            : /\/providers\/microsoft\.azurestack\/register$/.test(path)
              ? 'provider registration'
              : /\/resourcegroups\/[^/]+$/.test(path)
                ? 'resource group'
                : path;
  return `${String(data?.['method'])} ${what}`;
};

/** The connected flow's step record in a practice data folder (connected.json in live mode). */
export const CONNECTED_FILE = 'practice-connected.json';

/**
 * The waits, shortened: every Azure wait (Retry-After, back-off, replication) to 5 ms; with the stamp in
 * the flow, the PEP time limits (minutes, raced against real answers) stay as they are.
 */
export const sleepFor =
  (kind: AzureKillRequest['kind']) =>
  (ms: number, signal?: AbortSignal): Promise<void> =>
    delay(usesStamp(kind) && ms >= 60_000 ? ms : Math.min(ms, 5), undefined, signal ? { signal } : {});
