import { AppError, isAppError } from '../../shared/contract/problems';
import type { OperationOutcomes, OperationStart } from '../../shared/contract';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import type { PepRecord } from '../pep';
import { decodeActivationKey, needsKeyPair, partialState, planConnected, sameGuid } from '../../shared/domain';
import type { ConnectedRecord, ConnectedStep } from '../../shared/domain';
import type { AzureService } from '../azure';
import { recordId, type ConnectedRecords } from '../connected';
import type { RunContext } from '../operations';
import type { StampSessions } from './stamp-sessions';

// Set-AzsRegistration, guided, on one machine and one PEP session (contract §2.7, az branch order):
// stamp information → (key pair) → Azure Bridge service principal → registration token → registration
// resource and lock → "Azure Stack Registration Owner" for the principal → activation key → activation.
// Every step is recorded as it completes. Each step is safe to run again, so a run that stopped is
// completed by running it again with the same names: the resource is reused, the lock and the role
// assignment are found, and only what is missing is done.

export type ConnectedFlowDeps = { sessions: StampSessions; azure: AzureService; records: ConnectedRecords; clock: { now(): Date }; practice: boolean };

type Request = Extract<OperationStart, { kind: 'connected.register' }>;

const recordTo = (ctx: RunContext) => ({
  signal: ctx.signal,
  onRecord: (r: PepRecord) => ctx.progress(r),
});
const ctlOf = (ctx: RunContext) => ({ signal: ctx.signal, progress: (phase: string, message: string | Said) => ctx.progress({ phase, message }) });

export const registerConnected = async (deps: ConnectedFlowDeps, req: Request, ctx: RunContext): Promise<OperationOutcomes['connected.register']> => {
  const { session, stamp } = deps.sessions.get(req.sessionId);
  const account = deps.azure.account();
  if (!account) throw new AppError('azure-not-signed-in', 'You are not signed in to Azure.', { action: 'Sign in to Azure first: connected registration uses your sign-in for the stamp too.' });
  // The token version and the bridge principal follow the cloud signed in to.
  const choices = { ...req.choices, targetCloud: account.cloud };
  const ref = { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup, registrationName: req.registrationName };
  // Checked again here: the renderer's preview is advisory.
  const plan = planConnected(stamp, choices, req.purpose, ref, req.previous);
  if (plan.errors.length > 0) throw new AppError('billing-invalid', plan.errors.map((e) => e.text).join(' '), { action: 'Change the choices and start again. Nothing was changed.' });
  for (const notice of plan.notices) ctx.progress({ level: 'info', phase: 'plan', message: notice });

  const now = () => deps.clock.now().toISOString();
  const id = recordId(ref);
  const before = deps.records.get(id);
  let record: ConnectedRecord = {
    id,
    purpose: req.purpose,
    practice: deps.practice,
    cloudId: stamp.cloudId,
    ...ref,
    location: req.location,
    billingModel: plan.params.BillingModel,
    usageReportingEnabled: plan.params.UsageReportingEnabled,
    marketplaceSyndicationEnabled: plan.params.MarketplaceSyndicationEnabled,
    // What an earlier run of these names learnt stays known until this run learns it again.
    ...(before?.principalId ? { principalId: before.principalId } : {}),
    ...(before?.registrationId ? { registrationId: before.registrationId } : {}),
    done: [],
    startedAt: now(),
    updatedAt: now(),
  };
  await deps.records.save(record);
  const mark = async (step: ConnectedStep, extra: Partial<ConnectedRecord> = {}) => {
    record = { ...record, ...extra, done: [...record.done, step], updatedAt: now() };
    await deps.records.save(record);
  };
  let current: ConnectedStep = 'stamp';

  try {
    // Contract §2.7 step 1: what Azure will refuse is found before the stamp is asked for anything.
    ctx.progress({ phase: 'permissions', message: said('progress.connected-permissions', 'Checking your permissions for registering and assigning the role…') });
    const { scope, missing } = await deps.azure.connectedPermissions(ref);
    if (missing.length > 0) {
      throw new AppError('azure-forbidden', `Your account lacks what connected registration needs at ${scope}: ${missing.join(', ')}. Nothing was changed on the stamp or in Azure.`, {
        action: 'Ask a subscription Owner for these actions (the registration role of the Permissions step plus Microsoft.Authorization/roleAssignments/write, or Owner), then start again.',
      });
    }
    ctx.progress({ phase: 'connected.stamp', message: said('progress.connected-stamp', 'Reading the stamp information (Get-AzureStackStampInformation)…') });
    const info = await session.stampInfo(recordTo(ctx));
    if (!sameGuid(info.cloudId, stamp.cloudId)) {
      throw new AppError('session-missing', `The privileged endpoint now answers for another stamp (cloud ID ${info.cloudId}, was ${stamp.cloudId}).`, { action: 'Connect to the privileged endpoint of the stamp to register, then start again.' });
    }
    await mark('stamp');

    if (needsKeyPair(info)) {
      current = 'key-pair';
      ctx.progress({ phase: 'key-pair', message: said('progress.key-pair', 'Preparing the stamp key pair (Set-RegistrationKeyPair)…') });
      await session.setKeyPair(recordTo(ctx));
      await mark('key-pair');
    }

    current = 'principal';
    ctx.progress({ phase: 'connected.principal', message: said('progress.connected-principal', 'Creating the Azure Bridge service principal on the stamp (New-AzureBridgeServicePrincipal)…') });
    const refresh = await deps.azure.stampRefreshToken();
    let principalId: string;
    try {
      principalId = await session.bridgeServicePrincipal({ refreshToken: refresh.token, azureEnvironment: refresh.environment, tenantId: refresh.tenantId }, recordTo(ctx));
    } finally {
      refresh.token.fill(0);
    }
    await mark('principal', { principalId });

    current = 'token';
    ctx.progress({ phase: 'token', message: said('progress.token', 'Asking the stamp for a registration token (New-RegistrationToken)…') });
    const token = await session.createToken(plan.params, recordTo(ctx));
    await mark('token');

    current = 'resource';
    const saving: Promise<void>[] = [];
    const { registration, reused } = await deps.azure.register(
      { ...ref, location: req.location, token },
      {
        ...ctlOf(ctx),
        onResource: (r) => {
          saving.push(mark('resource', { registrationId: r.id }));
          current = 'lock';
        },
      },
    );
    await Promise.all(saving);
    await mark('lock');

    current = 'role';
    const owner = await deps.azure.assignRegistrationOwner(ref, principalId, ctlOf(ctx));
    await mark('role', { roleAssignmentId: owner.id });

    current = 'key';
    const rawKey = await deps.azure.activationKey(ref, ctlOf(ctx));
    const key = decodeActivationKey(rawKey);
    if (!sameGuid(key.summary.cloudId, stamp.cloudId)) {
      throw new AppError('key-wrong-stamp', `Azure issued an activation key for cloud ID ${key.summary.cloudId}, not this stamp (${stamp.cloudId}).`, { action: 'Check the registration name: it must be this stamp\'s registration.' });
    }
    await mark('key');

    current = 'activation';
    ctx.progress({ phase: 'activate', message: said('progress.activate', 'Activating the stamp (New-AzureStackActivation). This can take up to 30 minutes.') });
    await session.activate(key.canonical, recordTo(ctx));
    // Activated again: an earlier removal's deactivation of these names no longer holds.
    await deps.records.setDeactivated(id, stamp.cloudId, undefined).catch(() => undefined);
    const activatedAt = now();
    record = { ...record, done: [...record.done, 'activation'], updatedAt: activatedAt, completedAt: activatedAt };
    await deps.records.save(record);
    return { record, registration, reused, roleAssignmentCreated: owner.created, activatedAt };
  } catch (err) {
    const problem = isAppError(err) ? err.problem : undefined;
    record = { ...record, failedAt: current, failure: problem?.message ?? String(err), updatedAt: now() };
    await deps.records.save(record).catch(() => undefined);
    if (!problem || !record.done.includes('resource')) throw err;
    // The registration exists: say exactly what this run left, on both sides, and that running again completes it.
    const { code, message, ...rest } = problem;
    throw new AppError(code, `${message} ${partialState(record)}`, { ...rest, action: `${problem.action ?? 'Fix the cause above.'} Then run the connected registration again with the same names.` });
  }
};
