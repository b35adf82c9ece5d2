// Sentences main and the domain say to the operator (billing rules, key checks, progress lines), in a form
// the UI translates. `text` is the English sentence: logs and problems use it, and the UI shows it when its
// catalogue has no words for the code (English always does: English shows main's words, as for problems).
// `code` names the sentence in the catalogue's `said:` section (renderer/i18n/fr-main.ts) and `values` fill
// its {{placeholders}}. To add a sentence: a code here with the names of its values, `said(code, text, values)`
// where it is said, and its French in fr-main.ts (the compiler and test/unit/renderer/i18n insist).

export const SAID = {
  // ERCS addresses as typed (shared/domain/ercs-address.ts)
  'ercs.empty': [],
  'ercs.ipv4-parts': ['address'],
  'ercs.ipv4-empty': ['address'],
  'ercs.ipv4-range': ['address', 'number'],
  'ercs.ipv6': ['address'],
  'ercs.host-name': ['address'],
  // billing rules of New-RegistrationToken (shared/domain/billing.ts)
  'billing.capacity-needs-agreement': [],
  'billing.capacity-no-usage': [],
  'billing.payg-disconnected': [],
  'billing.payg-usage-stays-on': [],
  'billing.custom-too-old': ['gate'],
  'billing.custom-needs-tag': [],
  'billing.ruggedized-disconnected': [],
  'billing.ruggedized-needs-tag': [],
  'billing.ruggedized-too-old': ['version', 'gate'],
  'billing.usage-disconnected': [],
  'billing.tag-not-sent': ['gate'],
  'billing.token-version-rule': ['gate', 'v6Gate'],
  'billing.token-version-not-sent': ['version', 'gate'],
  'billing.token-version-none': ['gate'],
  'billing.token-version-chosen': ['version'],
  'billing.token-version-6': ['stampVersion', 'gate'],
  'billing.token-version-4': ['stampVersion', 'gate'],
  // what an activation key enables and how it fits (shared/domain/key-match.ts, activation-key.ts)
  'key.billing-capacity': [],
  'key.billing-payg': [],
  'key.billing-development': [],
  'key.billing-custom': [],
  'key.billing-ruggedized': [],
  'key.billing-other': ['model'],
  'key.usage-on': [],
  'key.usage-off': [],
  'key.syndication-on': [],
  'key.syndication-off': [],
  'key.registration': ['name'],
  'key.registration-group': ['name', 'group'],
  'key.registration-subscription': ['name', 'subscription'],
  'key.registration-group-subscription': ['name', 'group', 'subscription'],
  'key.no-expiry': [],
  'key.valid-until': ['date'],
  'key.expiry-unreadable': ['expires'],
  'key.expired-on': ['date'],
  'key.other-stamp': ['keyCloudId', 'stampCloudId'],
  'key.other-token': ['keyCloudId', 'tokenCloudId'],
  'key.other-object': ['keyObjectId', 'tokenObjectId'],
  'key.hosts-differ': ['keyHosts', 'tokenHosts'],
  'key.host-count-differs': ['keyCount', 'tokenCount'],
  'key.signature': [],
  // connected registration re-runs (shared/domain/connected.ts)
  'connected.previous-missing': [],
  'connected.change-same-names': ['name', 'group'],
  'connected.scale-same-names': ['name', 'group'],
  'connected.renew-capacity': [],
  'connected.renew-new-name': ['suggestion', 'name'],
  // the privileged-endpoint session (electron/pep/session.ts, pep-client.ts)
  'session.address-failed': ['address', 'reason'],
  'session.host-said': ['words'],
  'session.host-restarted': ['host'],
  'session.retry': ['cmd', 'seconds', 'attempt', 'limit'],
  'session.transcripts-host-stopped': [],
  'session.transcripts-no-share': [],
  'session.transcripts-probably-copied': ['share'],
  'session.transcripts-copy-failed': ['share'],
  'session.transcripts-copy-failed-because': ['share', 'warnings'],
  // progress lines of long operations (electron/flows, electron/azure)
  'progress.role-owner-check': ['role'],
  'progress.role-owner-present': ['role', 'name'],
  'progress.role-owner-assign': ['role', 'name'],
  'progress.key-pair': [],
  'progress.connected-permissions': [],
  'progress.connected-stamp': [],
  'progress.connected-principal': [],
  'progress.remove-find': ['subscription', 'group', 'name'],
  'progress.remove-gone': [],
  'progress.remove-stamp-skipped': [],
  'progress.remove-deactivate': [],
  'progress.remove-deactivated': [],
  'progress.token': [],
  'progress.activate': [],
  'progress.deactivate': [],
  'progress.key': [],
  'progress.key-of': ['name'],
  'progress.retry-asked': ['seconds', 'reason', 'attempt', 'limit'],
  'progress.retry-waiting': ['seconds', 'reason', 'attempt', 'limit'],
  'progress.lock-propagating': ['seconds'],
  // why a call to Azure is tried again (electron/azure/retry.ts): the `reason` of the two above
  'retry.throttled': [],
  'retry.http': ['status'],
  'retry.timeout': [],
  'retry.connection': ['code'],
  'progress.register-check': [],
  'progress.register-check-existing': [],
  'progress.group-elsewhere': ['group', 'location', 'chosen'],
  'progress.create-group': ['group', 'location'],
  'progress.create-registration': ['name'],
  'progress.update-registration': ['name'],
  'progress.lock-in-place': [],
  'progress.place-lock': [],
  'progress.provider-register': [],
  'progress.provider-waiting': ['state'],
  'progress.unregister-find': [],
  'progress.unregister-locks': [],
  'progress.unregister-unlock': [],
  'progress.unregister-delete': ['name'],
  'progress.unregister-verify': [],
  'progress.move-read-group': ['group'],
  'progress.move-create-target': ['target', 'location', 'group'],
  'progress.move-cross-subscription': [],
  'progress.move-validate': [],
  'progress.move-move': ['name', 'target'],
  'progress.move-check': [],
  'progress.move-check-subscriptions': [],
  'progress.move-locks': [],
  'progress.move-unlock': [],
  'progress.move-lock': [],
  'progress.move-old-id': [],
} as const satisfies Record<string, readonly string[]>;

export type SaidCode = keyof typeof SAID;
type ValueName<C extends SaidCode> = (typeof SAID)[C][number];
/**
 * A value a sentence fills in: words passed on as they are (names, addresses, the stamp's or Windows' own
 * words), a number (the UI writes it in its language: 2.5 or 2,5), or a sentence of ours (the UI says it too).
 */
export type SaidValue = string | number | Said;
export type Said = { code: SaidCode; text: string; values?: Record<string, SaidValue> };

/** A sentence with its code and the values its translations fill in (typed by the code). Pure: a bundle drops the unused. */
export const said = /* @__NO_SIDE_EFFECTS__ */ <C extends SaidCode>(code: C, text: string, ...values: [ValueName<C>] extends [never] ? [] : [Record<ValueName<C>, SaidValue>]): Said =>
  values[0] ? { code, text, values: values[0] } : { code, text };

/** The English of a message that is a sentence of ours or words passed on as they are. */
export const textOf = (message: string | Said): string => (typeof message === 'string' ? message : message.text);
