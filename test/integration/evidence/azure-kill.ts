import type { PracticeSettings } from '../../../electron/practice';
import { FAST_PRACTICE } from '../../fixtures/app/practice-app';

// What the Azure kill tests share with their child process (azure-child.ts): the requests, the
// practice Azure they run against, and which answers count as a step that changed Azure.

export type AzureKillRequest =
  | { kind: 'azure.unregister'; subscriptionId: string; resourceGroup: string; target: { by: 'name'; registrationName: string }; confirmName: string }
  | { kind: 'azure.move'; subscriptionId: string; resourceGroup: string; registrationName: string; targetResourceGroup: string }
  | { kind: 'azure.createRole'; subscriptionId: string };

/** Role creation is run by an account that may assign roles but not register (it then gets the role). */
export const practiceFor = (kind: AzureKillRequest['kind']): PracticeSettings =>
  kind === 'azure.createRole' ? { ...FAST_PRACTICE, azure: { ...FAST_PRACTICE.azure, permissions: 'user-access-administrator' } } : FAST_PRACTICE;

const WRITES = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

/** A write Azure accepted: the app is killed right after one, before it reads the answer. */
export const isAzureWrite = (data: Record<string, unknown> | undefined): boolean =>
  WRITES.has(String(data?.['method'])) && Number(data?.['status']) < 300;

/** Names the step for the record: `DELETE lock`, `POST moveResources`, `PUT role assignment`. */
export const stepName = (data: Record<string, unknown> | undefined): string => {
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
