import { LANGUAGES } from './languages';
import type { Language } from './languages';
import type { AppMode, HandoffSummary, KeySummary, TokenSummary } from './types';

// The printable record of a hand-off (for the change ticket): what was done, when, on which machine,
// by which leg. Built by main from its journal; the record page (renderer/record) renders it and main
// prints it to PDF. Fingerprints only: never a token, a key or a password.

/** Facts the journal keeps about a hand-off beyond its stages: all of them are printed on its record. */
export type HandoffFacts = {
  /** Stamp side: the ERCS addresses the privileged endpoint was reached through (export, activation). */
  ercsAddresses?: string[];
  /** The token's choices, as the stamp wrote them into it. */
  billingModel?: string;
  usageReportingEnabled?: boolean;
  marketplaceSyndicationEnabled?: boolean;
  agreementNumber?: string;
  msAssetTag?: string;
  tokenVersion?: string;
  hostCount?: number;
  /** Connected host: where the registration resource lives. */
  cloud?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
  registrationId?: string;
  /** The delete lock on the registration resource, e.g. `RegistrationResourceLock (CanNotDelete)`. */
  lock?: string;
  /** ISO-8601 expiry of the activation key. */
  keyExpires?: string;
  /** Where the token and the key were read from or saved to, last one wins. */
  tokenFile?: string;
  keyFile?: string;
};

export type HandoffRecord = {
  summary: HandoffSummary;
  stamp: { stampVersion?: string; regionName?: string };
  facts: HandoffFacts;
  app: { version: string; mode: AppMode };
  /** The machine that journaled the hand-off (this one): host name and operating system. */
  machine: { name: string; os: string };
  generatedAt: string;
};

/** The delete lock the app (like RegisterWithAzure.psm1) places on the registration resource. */
export const REGISTRATION_LOCK_NAME = 'RegistrationResourceLock';

/** The languages a record can be printed in: the UI's. */
export const RECORD_LANGUAGES = LANGUAGES;
export type RecordLanguage = Language;

/** The record page of the renderer build, loaded by main's hidden print window (and by the browser tests). */
export const RECORD_PAGE = 'record.html';
/** Set on the record page's <html> once it has rendered (`ready`) or given up (`failed`): then it can be printed. */
export const RECORD_STATE_ATTRIBUTE = 'data-record-state';

/** The facts a token carries (what the stamp was asked for). */
export const tokenFacts = (t: TokenSummary): HandoffFacts => ({
  ...(t.billingModel ? { billingModel: t.billingModel } : {}),
  ...(t.usageReportingEnabled !== undefined ? { usageReportingEnabled: t.usageReportingEnabled } : {}),
  ...(t.marketplaceSyndicationEnabled !== undefined ? { marketplaceSyndicationEnabled: t.marketplaceSyndicationEnabled } : {}),
  ...(t.agreementNumber ? { agreementNumber: t.agreementNumber } : {}),
  ...(t.msAssetTag ? { msAssetTag: t.msAssetTag } : {}),
  ...(t.version ? { tokenVersion: t.version } : {}),
  hostCount: t.hostCount,
});

/** The facts a key carries (where Azure registered it, until when it can activate). */
export const keyFacts = (k: KeySummary): HandoffFacts => ({
  ...(k.subscriptionId ? { subscriptionId: k.subscriptionId } : {}),
  ...(k.resourceGroupName ? { resourceGroup: k.resourceGroupName } : {}),
  ...(k.expires ? { keyExpires: k.expires } : {}),
  ...(k.billingModel ? { billingModel: k.billingModel } : {}),
});

/** Later facts win; ERCS addresses accumulate (in the order used, once each). */
export const mergeFacts = (before: HandoffFacts | undefined, change: HandoffFacts | undefined): HandoffFacts | undefined => {
  if (!change) return before;
  const ercs = [...(before?.ercsAddresses ?? []), ...(change.ercsAddresses ?? [])];
  const merged: HandoffFacts = { ...before, ...change };
  if (ercs.length > 0) merged.ercsAddresses = [...new Set(ercs)];
  return merged;
};
