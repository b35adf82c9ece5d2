import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import type { PracticeScenario } from '../../shared/contract';
import type { DriveInfo } from '../../shared/domain/types';
import type { SignInProvider } from '../azure';
import type { Logger } from '../log';
import type { HostCommand } from '../pep/host-process';
import type { FaultSpec, PracticeAzure, PracticeAzureSettings, SeedRegistration } from './azure';
import { createPracticeStamp, PRACTICE_STAMP_FILE } from './stamp';
import type { PracticeStampSettingsInput } from './stamp';

export type PracticeSettings = {
  stamp?: PracticeStampSettingsInput;
  azure?: Partial<PracticeAzureSettings>;
  /** Armed on the practice Azure as it starts (the practice scenario's Azure faults). */
  azureFaults?: FaultSpec[];
  /** How practice sign-in ends (the practice scenario). */
  signIn?: PracticeScenario['signIn'];
  /** A registration the practice Azure holds from the start, relative to the practice stamp (the practice scenario). */
  seedRegistration?: Exclude<PracticeScenario['azureRegistration'], 'none'>;
};

const EA_SUBSCRIPTION = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
/** The cloud ID of "another stamp" whose registration took this stamp's default name. */
export const OTHER_STAMP_CLOUD_ID = '5e7b2c41-93d8-4a0f-b6e2-1c9d8f7a3b50';

/** The seeded registration, named as the app suggests for this stamp (`AzureStack-<cloud ID>`). */
const seedFor = (kind: NonNullable<PracticeSettings['seedRegistration']>, cloudId: string): SeedRegistration => ({
  subscriptionId: EA_SUBSCRIPTION,
  resourceGroup: 'azurestack',
  location: 'westcentralus',
  name: `AzureStack-${cloudId}`,
  cloudId: kind === 'another-stamp' ? OTHER_STAMP_CLOUD_ID : cloudId,
  billingModel: kind === 'this-stamp' ? 'Development' : 'Capacity',
  locked: true,
  ...(kind === 'expired-capacity' ? { expired: true } : {}),
});

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
  // The practice Azure (its TLS certificate, its HTTPS server, selfsigned and jose) starts on the
  // first Azure call, not with the practice stamp: rehearsing the stamp leg never waits for it.
  let starting: Promise<PracticeAzure> | undefined;
  const azure = (): Promise<PracticeAzure> =>
    (starting ??= import('./azure').then(async ({ startPracticeAzure }) => {
      const seed = deps.settings?.seedRegistration;
      const seeded = seed ? [seedFor(seed, (await stamp.state()).cloudId)] : [];
      const settings = deps.settings?.azure ?? (seeded.length > 0 ? {} : undefined);
      const started = await startPracticeAzure({
        clock: deps.clock,
        log: deps.log,
        sleep: deps.sleep,
        ...(settings ? { settings: { ...settings, ...(seeded.length > 0 ? { registrations: [...(settings.registrations ?? []), ...seeded] } : {}) } } : {}),
      });
      for (const fault of deps.settings?.azureFaults ?? []) started.faults.add(fault);
      // The stamp's Azure Bridge principal lives in the practice directory, as it would once the stamp created it.
      started.directory.add((await stamp.state()).bridgeObjectId);
      return started;
    }).catch((err: unknown) => {
      starting = undefined;
      throw err;
    }));

  // Practice sign-in goes through the live sign-in pieces (redirect listener, network client): loaded with them.
  const signIn: SignInProvider = async (req) => {
    const [{ practiceSignIn }, started] = await Promise.all([import('./sign-in'), azure()]);
    return practiceSignIn(started, deps.settings?.signIn ?? 'completes', deps.log)(req);
  };
  const drive: DriveInfo = { id: PRACTICE_DRIVE_ID, label: 'Practice USB stick', path: drivePath, removable: true };
  const host: HostCommand = { command: 'practice-stamp', args: [], env: {} };

  return {
    spawn: stamp.spawn,
    host,
    probePort: stamp.probePort,
    signIn,
    drivePath,
    listDrives: async () => [drive],
    stamp,
    /** The practice Azure, started on first use. */
    azure,
    stop: async () => {
      const started = await starting?.catch(() => undefined);
      await started?.stop();
    },
  };
};
export type Practice = Awaited<ReturnType<typeof startPractice>>;
