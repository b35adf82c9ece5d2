import type { OfferKind } from '../../shared/domain/types';

// Subscription offer from `subscriptionPolicies.quotaId`. The naming is not a documented contract
// (pain points C4), so an unknown quotaId is said to be unknown, never silently accepted.

const PATTERNS: [RegExp, OfferKind][] = [
  [/^(EnterpriseAgreement|MSDNDevTest)_/i, 'EA'],
  [/^CSP.*Shared/i, 'CSP shared services'],
  [/^CSP/i, 'CSP'],
  [/^PayAsYouGo_/i, 'Pay-As-You-Go'],
  [/^MSDN_/i, 'MSDN'],
  [/^(FreeTrial|AzurePass|AzureForStudents|Sponsored)/i, 'Free trial'],
  [/^Internal_/i, 'Internal'],
];

export const classifyOffer = (quotaId: string | undefined): OfferKind =>
  PATTERNS.find(([re]) => quotaId !== undefined && re.test(quotaId))?.[1] ?? 'Other';

const CONNECTED_OK: OfferKind[] = ['EA', 'CSP', 'CSP shared services'];

export type Flow = 'connected' | 'disconnected';

export const subscriptionWarnings = (flow: Flow, offer: OfferKind, quotaId: string | undefined, state: string): string[] => {
  const warnings: string[] = [];
  const seen = quotaId ? `quota ID ${quotaId}` : 'no quota ID';
  if (flow === 'disconnected' && offer !== 'EA') {
    warnings.push(
      offer === 'Other'
        ? `Disconnected registration needs an EA subscription; the type of this one cannot be told (${seen}).`
        : `Disconnected registration needs an EA subscription; this one looks like ${offer} (${seen}).`,
    );
  }
  if (flow === 'connected' && !CONNECTED_OK.includes(offer)) {
    warnings.push(
      offer === 'Other'
        ? `Connected registration needs an EA, CSP or CSP shared services subscription; the type of this one cannot be told (${seen}).`
        : `Connected registration needs an EA, CSP or CSP shared services subscription; this one looks like ${offer} (${seen}).`,
    );
  }
  if (/^disabled$/i.test(state)) warnings.push('This subscription is disabled: Azure refuses to create or change resources in it.');
  if (/^(warned|pastdue)$/i.test(state)) warnings.push(`This subscription is in state ${state} (billing problem): it may be disabled soon.`);
  if (/^deleted$/i.test(state)) warnings.push('This subscription is deleted.');
  return warnings;
};
