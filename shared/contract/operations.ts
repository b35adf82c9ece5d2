import type { Result } from './problems';
import type { Said } from './said';
import type { OperationKind } from './schemas';
import type { ConnectedRecord } from '../domain/connected';
import type {
  HandoffSummary,
  KeyPreview,
  RegistrationInfo,
  TokenPreview,
} from '../domain/types';

// Long operations (activation takes up to 30 minutes): `operation.start` returns at once,
// progress and the outcome arrive as events, and `operation.list` re-syncs after a reload.

export type OperationOutcomes = {
  'stamp.createToken': { handoff: HandoffSummary; token: TokenPreview };
  'stamp.activate': { handoff: HandoffSummary; activatedAt: string };
  'stamp.removeActivation': { removedAt: string };
  'azure.register': { handoff: HandoffSummary; registration: RegistrationInfo; key: KeyPreview; reused: boolean };
  /** `alreadyDeleted`: Azure had no registration, and an Unregister of the same target had been interrupted (the app closed): it had deleted it. */
  'azure.unregister': { registration: RegistrationInfo; deletedAt: string; alreadyDeleted?: Said };
  'azure.move': { from: RegistrationInfo; to: RegistrationInfo };
  /** Connected removal; `stampDeactivatedAt` null when an earlier run had deactivated the stamp. */
  'registration.remove': { registration: RegistrationInfo; stampDeactivatedAt: string | null; deletedAt: string; alreadyGone: boolean };
  'connected.register': { record: ConnectedRecord; registration: RegistrationInfo; reused: boolean; roleAssignmentCreated: boolean; activatedAt: string };
};
export type OperationOutcome = { [K in OperationKind]: { kind: K } & OperationOutcomes[K] }[OperationKind];

export type OperationStatus =
  | 'running'
  | 'cancelling'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  /** The stamp or Azure may have carried on after we stopped listening: verify, don't retry blindly. */
  | 'outcome-unknown'
  /** The app quit while it ran. */
  | 'interrupted';

export type ProgressLevel = 'progress' | 'verbose' | 'warning' | 'info';

export type OperationProgress = {
  operationId: string;
  seq: number;
  at: string;
  level: ProgressLevel;
  phase: string;
  /** In English; the stamp's own words for its verbose and warning lines. */
  message: string;
  /** The message as a sentence the UI translates (absent for the stamp's and Azure's own words). */
  said?: Said;
  percent?: number;
};

export type OperationFinished = {
  operationId: string;
  seq: number;
  status: Exclude<OperationStatus, 'running' | 'cancelling'>;
  outcome: Result<OperationOutcome>;
};

export type OperationSnapshot = {
  operationId: string;
  kind: OperationKind;
  status: OperationStatus;
  seq: number;
  startedAt: string;
  deadline: string;
  /** Whether `operation.cancel` is safe now. */
  cancellable: boolean;
  lastProgress?: OperationProgress;
  /** Recent progress, oldest first (bounded): a page that reloads or subscribes late sees the whole story. */
  log: OperationProgress[];
  finished?: OperationFinished;
};
