// The domain's public API: token and key codecs, key checks, billing rules and version gates.
export * from './types';
export * from './practice';
export { MAX_INPUT_BYTES, bytesToText, compactText } from './text-input';
export type { TextEncoding } from './text-input';
export { sameGuid } from './ids';
export { decodeRegistrationToken } from './registration-token';
export type { DecodedToken } from './registration-token';
export { KEY_SIGNATURE_NOTICE, decodeActivationKey } from './activation-key';
export type { DecodedKey } from './activation-key';
export { assertKeyUsable, matchKey } from './key-match';
export { parseInstant } from './instant';
export type { KeyMatchContext } from './key-match';
export { ercsAddressProblem } from './ercs-address';
export { ARCHIVE_REASONS, archiveNote, archiveReasonOf, isArchived } from './archive';
export type { ArchiveReason } from './archive';
export { STAMP_GATES, compareStampVersions, isAtLeast, isNewerThan } from './stamp-version';
export {
  CAPACITY_USAGE_NOTICE,
  CUSTOM_TOO_OLD,
  DEFAULT_RESOURCE_GROUP,
  defaultLocation,
  needsKeyPair,
  planToken,
  suggestRegistrationName,
  TOKEN_VERSION_RULE,
} from './billing';
export type { TokenFlow } from './billing';
export { HANDOFF_PURPOSES, REGISTRATION_CHANGES, changeRoute, isHandoffPurpose, renewalNameProblem, usageReportingAfter } from './lifecycle';
export type { ChangeRoute, Connectivity, HandoffPurpose, RegistrationChange } from './lifecycle';
export { CONNECTED_PURPOSES, CONNECTED_STEPS, connectedRuleErrors, partialState, planConnected, renewalName } from './connected';
export type { ConnectedNames, ConnectedPurpose, ConnectedRecord, ConnectedStep, PreviousRegistration } from './connected';
