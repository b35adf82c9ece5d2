import { planToken, type TokenFlow } from './billing';
import { renewalName } from './connected';
import { STAMP_GATES } from './stamp-version';
import type { BillingModel, RegistrationInfo, StampInfo } from './types';

// The registration lifecycle after the first registration (contract §2.9, §2.11): what each change
// takes, connected or disconnected, and the rules that decide it. Every hand-off says what it is for.

/** What a hand-off is for; carried in the journal and in each file's sidecar. */
export const HANDOFF_PURPOSES = [
  'first-registration',
  'renewal',
  'billing-change',
  'subscription-change',
  'scale-change',
  'usage-reporting-change',
  're-registration',
] as const;
export type HandoffPurpose = (typeof HANDOFF_PURPOSES)[number];

/** The changes an operator can ask for on the "Change the registration" screen. */
export const REGISTRATION_CHANGES = ['renewal', 'billing-change', 'subscription-change', 'scale-change', 'usage-reporting-change', 're-registration'] as const;
export type RegistrationChange = (typeof REGISTRATION_CHANGES)[number];

export const isHandoffPurpose = (v: unknown): v is HandoffPurpose => typeof v === 'string' && (HANDOFF_PURPOSES as readonly string[]).includes(v);

/** How the stamp reaches Azure. */
export type Connectivity = 'connected' | 'disconnected';

/**
 * The route a change takes (contract §2.11, REGDOC "Renew or change registration"):
 * - disconnected, any change: remove the activation on the stamp, unregister on the connected host,
 *   then a new three-leg hand-off with a new token;
 * - connected, new subscription or directory: remove the registration (§2.9) under the old
 *   subscription, then register under the new one;
 * - connected, anything else: register again with the same name and resource group.
 */
export type ChangeRoute = 'disconnected-cycle' | 'remove-then-register' | 'register-again-same-name';

export const changeRoute = (change: RegistrationChange, connectivity: Connectivity): ChangeRoute =>
  connectivity === 'disconnected' ? 'disconnected-cycle' : change === 'subscription-change' ? 'remove-then-register' : 'register-again-same-name';

// Usage reporting does not depend on the stamp's build; only the asset-tag gate does, which this passes.
const ANY_STAMP: StampInfo = { cloudId: '00000000-0000-0000-0000-000000000000', stampVersion: STAMP_GATES.msAssetTag, emergencyConsoleIpAddresses: [] };

/**
 * Usage reporting as the billing rules leave it (billing.ts, contract §3): PayAsYouUse keeps it on,
 * Capacity turns it off, a disconnected stamp leaves it off unless asked. `notices` say why.
 */
export const usageReportingAfter = (
  billingModel: BillingModel,
  flow: TokenFlow,
  wanted: boolean,
): { effective: boolean; honoured: boolean; notices: string[]; errors: string[] } => {
  const plan = planToken(ANY_STAMP, { billingModel, targetCloud: 'AzureCloud', usageReportingEnabled: wanted, agreementNumber: '-', msAssetTag: '-' }, flow);
  const effective = plan.params.UsageReportingEnabled;
  return { effective, honoured: effective === wanted, notices: plan.notices.filter((n) => /usage/i.test(n)), errors: plan.errors };
};

/**
 * REGDOC: a renewed Capacity registration needs a new unique name unless the old one is deleted
 * first. `existing` is what Azure has under the chosen name (undefined: nothing). Returns the
 * problem and its fix, or undefined when the name can be used.
 */
export const renewalNameProblem = (
  purpose: HandoffPurpose | undefined,
  name: string,
  existing: Pick<RegistrationInfo, 'id' | 'name' | 'billingModel'> | undefined,
): { message: string; fix: string; suggestion: string } | undefined => {
  if (purpose !== 'renewal' || !existing) return undefined;
  return {
    message: `A registration named ${existing.name} is still in Azure (${existing.id}${existing.billingModel ? `, billing model ${existing.billingModel}` : ''}). A renewed Capacity registration needs a new unique name unless the old one is deleted first.`,
    fix: `Unregister ${existing.name} first (Unregister screen), or use a new unique name such as ${renewalName(name)}.`,
    suggestion: renewalName(name),
  };
};
