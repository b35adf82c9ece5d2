import type { HostProcess, SpawnHost } from '../../pep/host-process';
import type { Sleep } from './cmdlet-context';
import { InProcessHost } from './host-shim';
import { runHostLoop } from './host-loop';
import { answers, createSession } from './session';
import { resolveSettings, type PracticeStampSettings, type PracticeStampSettingsInput } from './settings';
import { createStampStore, type ActivationRecord, type Clock, type Logger, type PracticeStampFs } from './stamp-store';
import { createWire } from './wire';

// The practice stamp: a simulated Azure Stack Hub privileged endpoint that speaks pep-host.ps1's
// line protocol, so the app's real PEP client drives it unchanged.

export type { PracticeStampSettings, PracticeStampSettingsInput } from './settings';
export { PRACTICE_PEP_PASSWORD } from './settings';
export type { ActivationRecord, PracticeStampFs } from './stamp-store';
export { STATE_FILE as PRACTICE_STAMP_FILE } from './stamp-store';

export type PracticeStampDeps = {
  dataDir: string;
  fs: PracticeStampFs;
  clock: Clock;
  log: Logger;
  sleep: Sleep;
  settings?: PracticeStampSettingsInput;
};

export type PracticeStampState = {
  cloudId: string;
  /** The Azure Bridge principal New-AzureBridgeServicePrincipal returns (the practice Azure's directory knows it). */
  bridgeObjectId: string;
  stampVersion: string;
  activation?: { record: ActivationRecord; activatedAt: string; billingModel?: string };
};

export type PracticeStamp = {
  /** Spawn-compatible: each call starts one in-process PEP host; command and arguments are ignored. */
  spawn: SpawnHost;
  /** The stamp's identity and activation, for status screens and the composition root. */
  state(): Promise<PracticeStampState>;
  /** TCP reachability of an ERCS address (WinRM HTTP is 5985). */
  probePort(host: string, port: number): Promise<boolean>;
  readonly settings: PracticeStampSettings;
};

const WINRM_HTTP_PORT = 5985;

export const createPracticeStamp = (deps: PracticeStampDeps): PracticeStamp => {
  const settings = resolveSettings(deps.settings);
  const store = createStampStore({
    dataDir: deps.dataDir,
    fs: deps.fs,
    clock: deps.clock,
    log: deps.log,
    numberOfNodes: settings.numberOfNodes,
  });

  const once = new Set<'activation-drop'>();
  const spawn: SpawnHost = (): HostProcess => {
    const proc = new InProcessHost();
    const wire = createWire(proc);
    const session = createSession({ wire, settings, store, clock: deps.clock, log: deps.log, sleep: deps.sleep, once });
    runHostLoop(proc, wire, session, deps.log);
    return proc;
  };

  return {
    spawn,
    settings,
    async state() {
      const { identity, activation } = await store.read();
      return { cloudId: identity.cloudId, bridgeObjectId: identity.objectId, stampVersion: settings.stampVersion, ...(activation ? { activation } : {}) };
    },
    probePort: (host, port) => Promise.resolve(port === WINRM_HTTP_PORT && answers(settings, host)),
  };
};
