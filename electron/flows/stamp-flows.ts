import { AppError, said } from '../../shared/contract';
import type { OperationOutcomes } from '../../shared/contract';
import { decodeActivationKey, needsKeyPair, planToken } from '../../shared/domain';
import type { HandoffPurpose, TokenChoices } from '../../shared/domain';
import type { Handoff } from '../handoff';
import type { PepRecord } from '../pep';
import type { RunContext } from '../operations';
import type { StampSessions } from './stamp-sessions';

export type StampFlowDeps = { sessions: StampSessions; handoff: Handoff; clock: { now(): Date }; practice: boolean };

const recordTo = (ctx: RunContext) => ({
  signal: ctx.signal,
  onRecord: (r: PepRecord) => ctx.progress(r),
});

/** `Get-AzsRegistrationToken` / `New-RegistrationToken`, over the session opened for this leg. */
export const createToken = async (
  deps: StampFlowDeps,
  req: { sessionId: string; choices: TokenChoices; purpose?: HandoffPurpose },
  ctx: RunContext,
): Promise<OperationOutcomes['stamp.createToken']> => {
  const { session, stamp } = deps.sessions.get(req.sessionId);
  // Billing rules and version gates are checked again here: the renderer's preview is advisory.
  const plan = planToken(stamp, req.choices, 'disconnected');
  if (plan.errors.length > 0) {
    throw new AppError('billing-invalid', plan.errors.map((e) => e.text).join(' '), { action: 'Change the billing choices and try again.' });
  }
  for (const notice of plan.notices) ctx.progress({ level: 'info', phase: 'plan', message: notice });
  if (needsKeyPair(stamp)) {
    ctx.progress({ phase: 'key-pair', message: said('progress.key-pair', 'Preparing the stamp key pair (Set-RegistrationKeyPair)…') });
    await session.setKeyPair(recordTo(ctx));
  }
  ctx.progress({ phase: 'token', message: said('progress.token', 'Asking the stamp for a registration token (New-RegistrationToken)…') });
  const raw = await session.createToken(plan.params, recordTo(ctx));
  // createTokenHandoff decodes the token and refuses one for another cloud ID.
  // Every token the app makes says what it is for; a first registration unless a change asked otherwise.
  return deps.handoff.createTokenHandoff({ token: raw, stamp, practice: deps.practice, ercsAddress: session.host, purpose: req.purpose ?? 'first-registration' });
};

/** `New-AzsActivationResource` / `New-AzureStackActivation`, after checking the key belongs here. */
export const activate = async (
  deps: StampFlowDeps,
  req: { sessionId: string; handoffId: string },
  ctx: RunContext,
): Promise<OperationOutcomes['stamp.activate']> => {
  const { session, stamp } = deps.sessions.get(req.sessionId);
  // Refuses a key for another stamp, for another token, or expired, before the stamp sees it.
  const key = decodeActivationKey(deps.handoff.keyFor(req.handoffId, { stampCloudId: stamp.cloudId }));
  await deps.handoff.markStage(req.handoffId, 'activating', undefined, { ercsAddresses: [session.host] });
  ctx.progress({ phase: 'activate', message: said('progress.activate', 'Activating the stamp (New-AzureStackActivation). This can take up to 30 minutes.') });
  await session.activate(key.canonical, recordTo(ctx));
  const handoff = await deps.handoff.markStage(req.handoffId, 'activated');
  return { handoff, activatedAt: deps.clock.now().toISOString() };
};

/** `Remove-AzsActivationResource` / `Remove-AzureStackActivation`. */
export const removeActivation = async (
  deps: StampFlowDeps,
  req: { sessionId: string },
  ctx: RunContext,
): Promise<OperationOutcomes['stamp.removeActivation']> => {
  const { session } = deps.sessions.get(req.sessionId);
  ctx.progress({ phase: 'deactivate', message: said('progress.deactivate', 'Removing the activation from the stamp (Remove-AzureStackActivation)…') });
  await session.removeActivation(recordTo(ctx));
  return { removedAt: deps.clock.now().toISOString() };
};
