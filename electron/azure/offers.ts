import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
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

export const subscriptionWarnings = (flow: Flow, offer: OfferKind, quotaId: string | undefined): Said[] => {
  const warnings: Said[] = [];
  const seen = quotaId ? said('subscription.quota-id', `quota ID ${quotaId}`, { quotaId }) : said('subscription.no-quota-id', 'no quota ID');
  if (flow === 'disconnected' && offer !== 'EA') {
    warnings.push(
      offer === 'Other'
        ? said('subscription.disconnected-unknown', `Disconnected registration needs an EA subscription; the type of this one cannot be told (${seen.text}).`, { seen })
        : said('subscription.disconnected-offer', `Disconnected registration needs an EA subscription; this one looks like ${offer} (${seen.text}).`, { offer, seen }),
    );
  }
  if (flow === 'connected' && !CONNECTED_OK.includes(offer)) {
    warnings.push(
      offer === 'Other'
        ? said('subscription.connected-unknown', `Connected registration needs an EA, CSP or CSP shared services subscription; the type of this one cannot be told (${seen.text}).`, { seen })
        : said('subscription.connected-offer', `Connected registration needs an EA, CSP or CSP shared services subscription; this one looks like ${offer} (${seen.text}).`, { offer, seen }),
    );
  }
  return warnings;
};

/**
 * Why a subscription cannot hold a registration, from its state in the subscriptions list; undefined
 * when it is Enabled. Disabled ones are read-only (ARM answers ReadOnlyDisabledSubscription); Warned and
 * PastDue ones are about to be disabled, which would stop the registration's billing and syndication.
 */
export const subscriptionRefusal = (state: string): Said | undefined => {
  if (/^enabled$/i.test(state)) return undefined;
  if (/^disabled$/i.test(state)) {
    return said(
      'subscription.disabled',
      'This subscription is disabled (cancelled, expired or over its spending limit): Azure refuses any change in it. Choose an enabled subscription, or have its account administrator re-enable it.',
    );
  }
  if (/^warned$/i.test(state)) {
    return said(
      'subscription.warned',
      'This subscription is Warned (billing problem): Azure will disable it soon. Choose an enabled subscription, or have its account administrator settle the billing first.',
    );
  }
  if (/^pastdue$/i.test(state)) {
    return said(
      'subscription.past-due',
      'This subscription is PastDue (unpaid): Azure will disable it unless it is paid. Choose an enabled subscription, or have its account administrator settle the payment first.',
    );
  }
  if (/^deleted$/i.test(state)) return said('subscription.deleted', 'This subscription is deleted. Choose an enabled subscription.');
  return said('subscription.other-state', `This subscription is in state ${state}, not Enabled. Choose an enabled subscription.`, { state });
};
