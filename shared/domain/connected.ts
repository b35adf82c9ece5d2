import { planToken } from './billing';
import type { StampInfo, TokenChoices, TokenPlan } from './types';

// Connected registration (Set-AzsRegistration) and its re-runs. REGDOC: re-running connected
// registration with the SAME registration name and resource group is how the billing model or the
// flags change, and how a scale change (nodes added or removed) reaches Azure; an expired Capacity
// registration needs a new unique name unless the old one is deleted first.

export const CONNECTED_PURPOSES = ['register', 'change', 'renew', 'scale'] as const;
export type ConnectedPurpose = (typeof CONNECTED_PURPOSES)[number];

/** The registration a re-run starts from (recovered by the status screen, or typed). */
export type PreviousRegistration = {
  registrationName: string;
  resourceGroup: string;
  /** Capacity: the registration's term has ended (renewal). */
  expired?: boolean;
  /** The operator deleted the old registration before renewing (then its name may be reused). */
  deletedFirst?: boolean;
};

export type ConnectedNames = { registrationName: string; resourceGroup: string };

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A name for a renewed Capacity registration that differs from the expired one. */
export const renewalName = (previous: string): string => {
  const m = /^(.*)-renewed(?:-(\d+))?$/.exec(previous);
  if (!m) return `${previous}-renewed`;
  return `${m[1] ?? previous}-renewed-${Number(m[2] ?? '1') + 1}`;
};

/** Blocking problems of the purpose with these names; empty when the run may start. */
export const connectedRuleErrors = (purpose: ConnectedPurpose, names: ConnectedNames, choices: TokenChoices, previous?: PreviousRegistration): string[] => {
  if (purpose === 'register') return [];
  if (!previous) return ['Give the registration this stamp is registered with (its name and resource group: the status screen, or Region management > Properties in the administrator portal).'];
  const sameNames = same(names.registrationName, previous.registrationName) && same(names.resourceGroup, previous.resourceGroup);
  if (purpose === 'change' || purpose === 'scale') {
    return sameNames
      ? []
      : [
          `A ${purpose === 'change' ? 'billing model or flag change' : 'scale change'} re-runs connected registration with the same registration name and resource group (${previous.registrationName} in ${previous.resourceGroup}). Another name would be a second registration for this stamp, which Azure refuses (its cloud ID is already registered).`,
        ];
  }
  const errors: string[] = [];
  if (choices.billingModel !== 'Capacity') errors.push('Renewal applies to a Capacity registration: choose billing model Capacity with the new agreement number, or use "Change billing model" instead.');
  if (previous.expired && !previous.deletedFirst && same(names.registrationName, previous.registrationName)) {
    errors.push(
      `An expired Capacity registration cannot be renewed under the same name: choose a new unique name (for example ${renewalName(previous.registrationName)}), or remove the old registration ${previous.registrationName} first and then reuse its name.`,
    );
  }
  return errors;
};

/** The token plan with the connected rules (contract §3) plus the purpose's own rules. */
export const planConnected = (stamp: StampInfo, choices: TokenChoices, purpose: ConnectedPurpose, names: ConnectedNames, previous?: PreviousRegistration): TokenPlan => {
  const plan = planToken(stamp, choices, 'connected');
  return { ...plan, errors: [...plan.errors, ...connectedRuleErrors(purpose, names, choices, previous)] };
};

/** The legs of one connected run, in order; the record says which are done. */
export const CONNECTED_STEPS = ['stamp', 'key-pair', 'principal', 'token', 'resource', 'lock', 'role', 'key', 'activation'] as const;
export type ConnectedStep = (typeof CONNECTED_STEPS)[number];

/** One connected registration as this machine's record keeps it: no secret, no token, no key. */
export type ConnectedRecord = {
  /** subscription/group/name, lower case: a re-run with the same names continues the same record. */
  id: string;
  purpose: ConnectedPurpose;
  practice: boolean;
  cloudId: string;
  subscriptionId: string;
  resourceGroup: string;
  registrationName: string;
  location: string;
  billingModel: string;
  usageReportingEnabled: boolean;
  marketplaceSyndicationEnabled: boolean;
  /** The stamp's Azure Bridge service principal. */
  principalId?: string;
  registrationId?: string;
  roleAssignmentId?: string;
  done: ConnectedStep[];
  /** The step the last run stopped at, and why (the problem's message). */
  failedAt?: ConnectedStep;
  failure?: string;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
};

/** In words, what a stopped run left in Azure and on the stamp, and what running it again does. */
export const partialState = (r: Pick<ConnectedRecord, 'done' | 'registrationName' | 'resourceGroup' | 'principalId'>): string => {
  const has = (s: ConnectedStep) => r.done.includes(s);
  const azure = has('resource')
    ? `In Azure, registration ${r.registrationName} exists in resource group ${r.resourceGroup}${has('lock') ? ', locked' : ', not locked yet'}${has('role') ? ', with the stamp\'s role assignment' : ', without the role assignment for the stamp\'s service principal'}.`
    : 'Nothing was created in Azure.';
  const stamp = has('activation')
    ? 'The stamp is activated.'
    : `On the stamp, ${has('principal') ? `the Azure Bridge service principal exists${r.principalId ? ` (${r.principalId})` : ''}` : 'nothing changed'}; the stamp is not activated.`;
  return `${azure} ${stamp} Running it again with the same subscription, resource group and name reuses what exists and does only what is missing.`;
};
