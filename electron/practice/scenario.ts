import type { PracticeScenario } from '../../shared/contract';
import type { FaultSpec, PracticeAzureSettings } from './azure';
import type { PracticeSettings } from './index';

// The operator's practice scenario as simulation settings. The harness (tests, bench) may pass its
// own settings on top: its durations and switches win, so tests stay fast whatever is saved.

const REGISTRATION = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+$/i;
const ACTIVATION_KEY = /\/providers\/Microsoft\.AzureStack\/registrations\/[^/]+\/getactivationkey$/i;
const LOCK = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i;
const RESOURCE_GROUP = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/i;
const ROLE_ASSIGNMENT = /\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i;

/** Azure faults the scenario arms when the practice Azure starts; each hits a bounded number of calls. */
const azureFaults = (s: PracticeScenario): FaultSpec[] => [
  // Twice, so the operator sees the wait; the app retries up to four times.
  ...(s.azureThrottling ? [{ kind: 'throttle', method: 'PUT', pathPattern: REGISTRATION, retryAfterSeconds: 5, times: 2 } as const] : []),
  ...(s.activationKeyUnavailable ? [{ kind: 'status', method: 'POST', pathPattern: ACTIVATION_KEY, status: 503, times: 1 } as const] : []),
  // Once: running Register again, as the app advises, is the rehearsed recovery.
  ...(s.lockForbidden ? [{ kind: 'forbidden', method: 'PUT', pathPattern: LOCK, times: 1 } as const] : []),
  // Once: the removal's re-run, as the app advises, completes it.
  ...(s.registrationDeleteRefused ? [{ kind: 'forbidden', method: 'DELETE', pathPattern: REGISTRATION, times: 1 } as const] : []),
  // A policy stays until someone changes it: every new group is refused while the scenario is on.
  // Once, after the registration resource was created: running the connected registration again completes it.
  ...(s.roleAssignmentForbidden ? [{ kind: 'forbidden', method: 'PUT', pathPattern: ROLE_ASSIGNMENT, times: 1 } as const] : []),
  ...(s.policyDeniesResourceGroups ? [{ kind: 'policy-denied', method: 'PUT', pathPattern: RESOURCE_GROUP, policy: 'Require a tag on resource groups', times: Number.MAX_SAFE_INTEGER } as const] : []),
];

const EA_SUBSCRIPTION = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
const PAYG_SUBSCRIPTION = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';

/** The practice Azure's behaviour the scenario changes (beyond faults). */
const azureSettings = (s: PracticeScenario): Partial<PracticeAzureSettings> => ({
  permissions: s.azurePermissions,
  ...(s.lockPropagationDelay ? { lockPropagationSeconds: 20 } : {}),
  ...(s.subscriptionPastDue ? { subscriptionStates: { [PAYG_SUBSCRIPTION]: 'PastDue' } } : {}),
  ...(s.foreignLocks
    ? {
        groups: [{ subscriptionId: EA_SUBSCRIPTION, name: 'archive', location: 'westcentralus' }],
        foreignLocks: [
          { scope: `/subscriptions/${EA_SUBSCRIPTION}`, name: 'BudgetHold', level: 'CanNotDelete', notes: 'Finance: nothing is deleted in this subscription' },
          { scope: `/subscriptions/${EA_SUBSCRIPTION}/resourceGroups/archive`, name: 'Frozen', level: 'ReadOnly', notes: 'Audit archive' },
        ],
      }
    : {}),
  ...(s.moveNeverFinishes ? { moveOperationPolls: Number.MAX_SAFE_INTEGER } : {}),
  ...(s.noSubscriptionWideList ? { registrationListBySubscription: false } : {}),
  ...(s.notRegistrationOwner ? { registrationsOwnedByOthers: true } : {}),
});

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
      refreshTokenRefused: scenario.refreshTokenRefused,
      ...harness.stamp?.faults,
    },
  },
  azure: { ...azureSettings(scenario), ...harness.azure },
  azureFaults: [...azureFaults(scenario), ...(harness.azureFaults ?? [])],
  signIn: harness.signIn ?? scenario.signIn,
  ...(scenario.azureRegistration !== 'none' ? { seedRegistration: scenario.azureRegistration } : {}),
  ...(harness.seedRegistration ? { seedRegistration: harness.seedRegistration } : {}),
});
