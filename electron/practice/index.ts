import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import type { DriveInfo } from '../../shared/domain/types';
import type { SignInProvider } from '../azure';
import type { Logger } from '../log';
import type { HostCommand } from '../pep/host-process';
import { startPracticeAzure } from './azure';
import type { FaultSpec, PracticeAzureSettings } from './azure';
import { createPracticeStamp, PRACTICE_STAMP_FILE } from './stamp';
import type { PracticeStampSettingsInput } from './stamp';

export type PracticeSettings = {
  stamp?: PracticeStampSettingsInput;
  azure?: Partial<PracticeAzureSettings>;
  /** Armed on the practice Azure as it starts (the practice scenario's Azure faults). */
  azureFaults?: FaultSpec[];
};

export { practiceSettingsFor } from './scenario';

const PRACTICE_DRIVE_ID = 'practice-usb';

/**
 * Practice mode: a simulated stamp that speaks pep-host.ps1's protocol, a loopback Azure Resource
 * Manager reached through the real SDK clients, and a folder standing for the USB stick.
 */
export const startPractice = async (deps: {
  dataDir: string;
  clock: { now(): Date };
  log: Logger;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  settings?: PracticeSettings;
  /** Forget the practice stamp (its identity and activation): a new stamp, as the new practice Azure is. */
  fresh?: boolean;
}) => {
  const drivePath = join(deps.dataDir, 'usb-stick');
  await fs.mkdir(drivePath, { recursive: true });
  if (deps.fresh) await fs.rm(join(deps.dataDir, PRACTICE_STAMP_FILE), { force: true });
  const stamp = createPracticeStamp({
    dataDir: deps.dataDir,
    fs,
    clock: deps.clock,
    log: deps.log,
    sleep: deps.sleep,
    ...(deps.settings?.stamp ? { settings: deps.settings.stamp } : {}),
  });
  const azure = await startPracticeAzure({
    clock: deps.clock,
    log: deps.log,
    sleep: deps.sleep,
    ...(deps.settings?.azure ? { settings: deps.settings.azure } : {}),
  });
  for (const fault of deps.settings?.azureFaults ?? []) azure.faults.add(fault);

  const signIn: SignInProvider = async ({ cloud }) => ({
    credential: azure.credential(),
    account: { cloud, username: azure.account.username, tenantId: azure.account.tenantId, practice: true },
  });
  const drive: DriveInfo = { id: PRACTICE_DRIVE_ID, label: 'Practice USB stick', path: drivePath, removable: true };
  const host: HostCommand = { command: 'practice-stamp', args: [], env: {} };

  return {
    spawn: stamp.spawn,
    host,
    probePort: stamp.probePort,
    signIn,
    clouds: azure.clouds,
    ca: azure.ca,
    drivePath,
    listDrives: async () => [drive],
    stamp,
    azure,
    stop: () => azure.stop(),
  };
};
export type Practice = Awaited<ReturnType<typeof startPractice>>;
