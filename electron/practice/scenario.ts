import type { PracticeScenario } from '../../shared/contract';
import type { FaultSpec } from './azure';
import type { PracticeSettings } from './index';

// The operator's practice scenario as simulation settings. The harness (tests, bench) may pass its
// own settings on top: its durations and switches win, so tests stay fast whatever is saved.

const REGISTRATION = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+$/i;
const ACTIVATION_KEY = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+\/getactivationkey$/i;
const LOCK = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i;

/** Azure faults the scenario arms when the practice Azure starts; each hits a bounded number of calls. */
const azureFaults = (s: PracticeScenario): FaultSpec[] => [
  // Twice, so the operator sees the wait; the app retries up to four times.
  ...(s.azureThrottling ? [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 2 } as const] : []),
  ...(s.activationKeyUnavailable ? [{ kind: 'status', method: 'POST', pathPattern: ACTIVATION_KEY, status: 503, times: 1 } as const] : []),
  // Once: running Register again, as the app advises, is the rehearsed recovery.
  ...(s.lockForbidden ? [{ kind: 'forbidden', method: 'PUT', pathPattern: LOCK, times: 1 } as const] : []),
];

export const practiceSettingsFor = (scenario: PracticeScenario, harness: PracticeSettings = {}): PracticeSettings => ({
  stamp: {
    stampVersion: scenario.stampVersion,
    numberOfNodes: scenario.numberOfNodes,
    firstAddressDown: scenario.firstAddressDown,
    workstationLanguage: scenario.workstationLanguage,
    ...(scenario.trustedHostsUnreadable ? { trustedHosts: null } : {}),
    ...harness.stamp,
    durations: { activationMs: scenario.activationSeconds * 1000, ...harness.stamp?.durations },
    faults: {
      actionInProgress: scenario.eceBusy,
      hardwareInfoUnreachable: scenario.hardwareInfoUnreachable,
      busyOnlyInVerbose: scenario.eceBusyVerboseOnly,
      sessionDropsDuringActivation: scenario.sessionDropsDuringActivation,
      closeBreaksSession: scenario.closeBreaksSession,
      ...harness.stamp?.faults,
    },
  },
  azure: { permissions: scenario.azurePermissions, ...harness.azure },
  azureFaults: [...azureFaults(scenario), ...(harness.azureFaults ?? [])],
  signIn: harness.signIn ?? scenario.signIn,
});
