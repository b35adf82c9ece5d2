import type { OperationKind, OperationOutcome } from '../../shared/contract';
import type { OperationView } from '../store';

/** The successful outcome of an operation of a given kind, if it has one. */
export const outcomeOf = <K extends OperationKind>(
  op: OperationView | undefined,
  kind: K,
): Extract<OperationOutcome, { kind: K }> | undefined => {
  const outcome = op?.finished?.outcome;
  if (!outcome?.ok || outcome.value.kind !== kind) return undefined;
  return outcome.value as Extract<OperationOutcome, { kind: K }>;
};
