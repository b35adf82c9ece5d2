import { join } from 'node:path';
import { AppError } from '../../shared/contract';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import {
  archiveNote,
  assertKeyUsable,
  bytesToText,
  isArchived,
  decodeActivationKey,
  decodeRegistrationToken,
  matchKey,
  sameGuid,
} from '../../shared/domain';
import type {
  AppMode,
  ArchiveReason,
  DecodedKey,
  DecodedToken,
  DriveInfo,
  HandoffFile,
  HandoffPage,
  HandoffPurpose,
  HandoffStage,
  HandoffSummary,
  KeyMatch,
  KeyPreview,
  MachineSide,
  SavedFile,
  StampInfo,
  TokenPreview,
  TokenSummary,
} from '../../shared/domain';
import { keyFacts, tokenFacts } from '../../shared/domain/handoff-record';
import type { HandoffFacts } from '../../shared/domain/handoff-record';
import type { Clock, Journal } from '../journal';
import type { Logger } from '../log';
import { createDriveRegistry } from './drive-registry';
import { fingerprintOf } from './fingerprint';
import type { MediaFs } from './media';
import { checkSidecar, listFiles, readSidecar, readSmallFile, sidecarMeta } from './read-files';
import type { ReadFs } from './read-files';
import type { HandoffMetadata } from './metadata';
import { saveHandoffFile } from './save-file';

// The USB-stick leg of a disconnected registration, on both machines. Stamp side: keep the token
// New-RegistrationToken returned, save it, read the key back. Host side: read the token, record the
// key Azure issued, save it. Every stage goes to the journal.

export type HandoffFs = MediaFs & ReadFs;

export type HandoffDeps = {
  fs: HandoffFs;
  clock: Clock;
  log: Logger;
  mode: AppMode;
  journal: Journal;
  listDrives: () => Promise<DriveInfo[]>;
  pickFolder: () => Promise<string | null>;
};

export type TokenRead = { handoff: HandoffSummary; token: TokenPreview };
export type KeyRead = { handoff: HandoffSummary; key: KeyPreview; match: KeyMatch };

export type Handoff = {
  drives(): Promise<DriveInfo[]>;
  addFolder(): Promise<DriveInfo | null>;
  files(driveId: string): Promise<HandoffFile[]>;
  readToken(driveId: string, file: string): Promise<TokenRead>;
  readTokenText(text: string): Promise<TokenRead>;
  saveToken(handoffId: string, driveId: string): Promise<SavedFile>;
  readKey(driveId: string, file: string, stampCloudId?: string): Promise<KeyRead>;
  saveKey(handoffId: string, driveId: string): Promise<SavedFile>;
  /** Every open hand-off, the newest `finished` complete ones and those named in `also` (Journal.page). */
  list(finished: number, also?: readonly string[]): Promise<HandoffPage>;
  /** One hand-off of the journal, complete or not. */
  find(handoffId: string): HandoffSummary | undefined;
  /** Host side: the operator says the stamp is activated; only after the key went to a drive. */
  /** Host side: the stamp is activated, the kept token and key may go. Stamp side: an activation whose outcome was unknown was checked. */
  confirmActivated(handoffId: string): Promise<HandoffSummary>;
  /** Stamp side, after New-RegistrationToken returned `token`. */
  createTokenHandoff(input: { token: string; stamp: StampInfo; registrationName?: string; practice: boolean; ercsAddress?: string; purpose?: HandoffPurpose }): Promise<TokenRead>;
  /** Host side, after getactivationkey returned `key`. */
  recordIssuedKey(handoffId: string, key: string, registrationName: string): Promise<KeyRead>;
  /** The kept token text, exactly as to send to Azure (main only, never to the renderer). */
  tokenFor(handoffId: string): string;
  /** The kept key text. With `stampCloudId`, also refuses a key for another stamp, another token, or expired. */
  keyFor(handoffId: string, check?: { stampCloudId: string }): string;
  /** `facts` go to the journal for the printable record (the ERCS address used, the registration resource). */
  markStage(handoffId: string, stage: HandoffStage, note?: Said, facts?: HandoffFacts): Promise<HandoffSummary>;
  /**
   * Either side: a hand-off that will never complete, set aside with a reason (kept in its history).
   * Its token and key stay kept, so nothing is lost: restore() brings it back, and so does reading its key.
   */
  archive(handoffId: string, reason: ArchiveReason, detail?: string): Promise<HandoffSummary>;
  /** An archived hand-off back at the stage it had. */
  restore(handoffId: string): Promise<HandoffSummary>;
};

const SIDE_STAGES: Record<MachineSide, readonly HandoffStage[]> = {
  stamp: ['token-created', 'token-saved', 'key-received', 'activating', 'activated'],
  host: ['token-received', 'registered', 'key-issued', 'key-saved', 'activation-confirmed'],
};

export const createHandoff = (deps: HandoffDeps): Handoff => {
  const { fs, clock, mode, journal } = deps;
  const registry = createDriveRegistry(deps);

  const checkMode = (practice: boolean, what: string): void => {
    if (mode === 'live' && practice) {
      throw new AppError('practice-file-in-live', `This ${what} was made in practice mode; a real stamp and Azure must never use it.`, {
        action: 'Use the file made by the real stamp or Azure, or switch to practice mode to rehearse with this one.',
      });
    }
    if (mode === 'practice' && !practice) {
      throw new AppError('live-file-in-practice', `This ${what} is a real one; practice mode only takes files made in practice.`, {
        action: 'Switch to live mode to use it, or use a file made by the practice stamp or practice Azure.',
      });
    }
  };

  const entry = (id: string, side: MachineSide): HandoffSummary => {
    const h = journal.handoff(id);
    if (!h || h.side !== side) {
      throw new AppError('not-found', 'This hand-off is not in the journal of this machine.', { action: 'Start again from the token step.' });
    }
    return h;
  };
  const keptToken = (id: string): string => {
    const token = journal.kept(id)?.token;
    if (!token) throw new AppError('not-found', 'The registration token of this hand-off is no longer kept.', { action: 'Generate or read the token again.' });
    return token;
  };
  const keptKey = (id: string): string => {
    const key = journal.kept(id)?.key;
    if (!key) throw new AppError('not-found', 'The activation key of this hand-off is no longer kept.', { action: 'Read the key file again.' });
    return key;
  };
  const keptTokenSummary = (id: string): TokenSummary | undefined => {
    const token = journal.kept(id)?.token;
    return token === undefined ? undefined : decodeRegistrationToken(token).summary;
  };
  /** Moves forward only: re-saving a token after the key came back must not rewind the hand-off. */
  const advance = (h: HandoffSummary, stage: HandoffStage): HandoffStage | undefined => {
    const order = SIDE_STAGES[h.side];
    return order.indexOf(stage) > order.indexOf(h.stage) ? stage : undefined;
  };

  const tokenReceived = async (decoded: DecodedToken, source: Said, registrationName?: string, path?: string, purpose?: HandoffPurpose): Promise<TokenRead> => {
    checkMode(decoded.summary.practice, 'registration token');
    const fingerprint = fingerprintOf(decoded.canonical);
    const preview: TokenPreview = { summary: decoded.summary, fingerprint };
    // An archived hand-off of the same token comes back rather than a second one being started.
    const same = journal.open().find((h) => h.side === 'host' && h.tokenFingerprint === fingerprint);
    if (same && isArchived(same)) return { handoff: await restoreTo(same, said('history.token-read-again', 'Token read again')), token: preview };
    if (same) return { handoff: same, token: preview };
    const handoff = await journal.createHandoff({
      side: 'host',
      stage: 'token-received',
      practice: decoded.summary.practice,
      cloudId: decoded.summary.cloudId,
      tokenFingerprint: fingerprint,
      token: decoded.canonical,
      facts: { ...tokenFacts(decoded.summary), ...(path ? { tokenFile: path } : {}) },
      note: source,
      ...(registrationName ? { registrationName } : {}),
      ...(purpose ? { purpose } : {}),
    });
    return { handoff, token: preview };
  };

  /**
   * A key read on the stamp side. A key that can never activate this stamp (for another stamp, for
   * another token, or expired) is refused here, before anything is journaled: a hand-off made for
   * it could never be completed.
   */
  const keyReceived = async (decoded: DecodedKey, source: Said, stampCloudId: string | undefined, path: string, purpose?: HandoffPurpose): Promise<KeyRead> => {
    const { summary } = decoded;
    checkMode(summary.practice, 'activation key');
    const fingerprint = fingerprintOf(decoded.canonical);
    const ctx = (h?: HandoffSummary) => ({ stampCloudId, token: h && keptTokenSummary(h.id), keyHosts: decoded.hosts, now: clock.now() });
    // Archived hand-offs last: a key for one of them brings it back only when no open one takes it.
    const stampSide = journal.open().filter((h) => h.side === 'stamp' && sameGuid(h.cloudId, summary.cloudId));
    const open = [...stampSide.filter((h) => !isArchived(h)), ...stampSide.filter(isArchived)];
    const target =
      open.find((h) => h.keyFingerprint === fingerprint) ?? open.find((h) => matchKey(summary, ctx(h)).matchesToken !== false) ?? open[0];
    const match = assertKeyUsable(summary, ctx(target));
    const key: KeyPreview = { summary, fingerprint };
    // Where it was read from, then what the checks found (each a sentence of ours).
    const note = match.problems.reduce((n, p) => said('history.note-and', `${n.text}; ${p.text}`, { note: n, more: p }), source);
    if (target?.keyFingerprint === fingerprint && !isArchived(target)) return { handoff: target, key, match };
    const change = { key: decoded.canonical, keyFingerprint: fingerprint, note, facts: { ...keyFacts(summary), keyFile: path }, ...(summary.registrationName ? { registrationName: summary.registrationName } : {}) };
    const handoff = target
      ? await journal.updateHandoff(target.id, { ...change, stage: 'key-received' })
      : await journal.createHandoff({ side: 'stamp', stage: 'key-received', practice: summary.practice, cloudId: summary.cloudId, ...change, ...(purpose ? { purpose } : {}) });
    return { handoff, key, match };
  };

  /** The stage an archived hand-off had before it was archived. */
  const restoreTo = (h: HandoffSummary, note: Said): Promise<HandoffSummary> => {
    const before = h.history.findLast((e) => !isArchived(e))?.stage ?? SIDE_STAGES[h.side][0];
    return journal.updateHandoff(h.id, { stage: before, note });
  };

  /** A file from a drive: its sidecar first (a practice marker is honoured before anything else). */
  const readChecked = async <T extends DecodedToken | DecodedKey>(
    driveId: string,
    file: string,
    kind: 'token' | 'key',
    decode: (text: string) => T,
  ): Promise<{ decoded: T; meta: HandoffMetadata | undefined; source: Said; path: string }> => {
    const drive = await registry.resolve(driveId);
    const bytes = await readSmallFile(fs, drive.path, file);
    const meta = sidecarMeta(await readSidecar(fs, drive.path, file), file);
    const what = kind === 'token' ? 'registration token' : 'activation key';
    if (meta?.practice === true) checkMode(true, what);
    const decoded = decode(bytesToText(bytes).text);
    checkSidecar(meta, file, { kind, decoded });
    const path = join(drive.path, file);
    return { decoded, meta, source: said('history.read-from', `Read from ${path}`, { path }), path };
  };

  return {
    drives: () => registry.drives(),
    addFolder: () => registry.addFolder(),
    files: async (driveId) => listFiles(fs, (await registry.resolve(driveId)).path),
    readToken: async (driveId, file) => {
      const { decoded, meta, source, path } = await readChecked(driveId, file, 'token', decodeRegistrationToken);
      return tokenReceived(decoded, source, meta?.registrationName, path, meta?.purpose);
    },
    readTokenText: (text) => tokenReceived(decodeRegistrationToken(text), said('history.pasted', 'Pasted')),
    saveToken: async (handoffId, driveId) => {
      const h = entry(handoffId, 'stamp');
      const text = keptToken(handoffId);
      const stamp = journal.kept(handoffId)?.stamp;
      const saved = await saveHandoffFile(deps, { drive: await registry.resolve(driveId), handoff: h, kind: 'token', text, ...(stamp ? { stamp } : {}) });
      const stage = advance(h, 'token-saved');
      await journal.updateHandoff(handoffId, { file: saved.path, note: said('history.saved-to', `Saved to ${saved.path}`, { path: saved.path }), facts: { tokenFile: saved.path }, ...(stage ? { stage } : {}) });
      return saved;
    },
    readKey: async (driveId, file, stampCloudId) => {
      const { decoded, meta, source, path } = await readChecked(driveId, file, 'key', decodeActivationKey);
      return keyReceived(decoded, source, stampCloudId, path, meta?.purpose);
    },
    saveKey: async (handoffId, driveId) => {
      const h = entry(handoffId, 'host');
      const saved = await saveHandoffFile(deps, { drive: await registry.resolve(driveId), handoff: h, kind: 'key', text: keptKey(handoffId) });
      // Key on the stick. Both texts stay kept until the operator confirms the stamp is activated.
      await journal.updateHandoff(handoffId, { file: saved.path, stage: 'key-saved', note: said('history.saved-to', `Saved to ${saved.path}`, { path: saved.path }), facts: { keyFile: saved.path } });
      return saved;
    },
    list: async (finished, also) => journal.page(finished, also),
    find: (handoffId) => journal.handoff(handoffId),
    confirmActivated: async (handoffId) => {
      // Stamp side, after an activation whose outcome was unknown: the operator checked the portal.
      const own = journal.handoff(handoffId);
      if (own?.side === 'stamp' && own.stage === 'activating') {
        return journal.updateHandoff(handoffId, { stage: 'activated', note: said('history.activation-confirmed-unknown', 'Activation confirmed by the operator after an unknown outcome') });
      }
      const h = entry(handoffId, 'host');
      if (h.stage !== 'key-saved') {
        throw new AppError('bad-request', 'Save the activation key to a drive before closing this hand-off.', {
          action: 'Finish the registration steps first; the key is still only on this machine.',
        });
      }
      return journal.updateHandoff(handoffId, { stage: 'activation-confirmed', note: said('history.activation-confirmed', 'Stamp activation confirmed by the operator') });
    },
    createTokenHandoff: async ({ token, stamp: info, registrationName, practice, ercsAddress, purpose }) => {
      const decoded = decodeRegistrationToken(token);
      if (!sameGuid(decoded.summary.cloudId, info.cloudId)) {
        throw new AppError('pep-failed', `The stamp returned a token for cloud ID ${decoded.summary.cloudId}, but its own cloud ID is ${info.cloudId}.`, {
          action: 'Generate the token again; if this repeats, contact Microsoft support.',
        });
      }
      checkMode(practice || decoded.summary.practice, 'registration token');
      const fingerprint = fingerprintOf(decoded.canonical);
      const stamp = { stampVersion: info.stampVersion, ...(info.regionName ? { regionName: info.regionName } : {}) };
      const handoff = await journal.createHandoff({
        side: 'stamp',
        stage: 'token-created',
        practice: decoded.summary.practice || practice,
        cloudId: decoded.summary.cloudId,
        tokenFingerprint: fingerprint,
        token: decoded.canonical,
        stamp,
        facts: { ...tokenFacts(decoded.summary), ...(ercsAddress ? { ercsAddresses: [ercsAddress] } : {}) },
        ...(registrationName ? { registrationName } : {}),
        ...(purpose ? { purpose } : {}),
      });
      return { handoff, token: { summary: decoded.summary, fingerprint } };
    },
    recordIssuedKey: async (handoffId, keyText, registrationName) => {
      const h = entry(handoffId, 'host');
      const decoded = decodeActivationKey(keyText);
      checkMode(decoded.summary.practice, 'activation key');
      const match = matchKey(decoded.summary, { token: keptTokenSummary(handoffId), keyHosts: decoded.hosts, now: clock.now() });
      if (match.expired) {
        throw new AppError('key-expired', `Azure returned an activation key that expired on ${decoded.summary.expires}.`, {
          action: 'Get the activation key again; if Azure keeps returning an expired key, register again with a new token from the stamp.',
        });
      }
      if (match.matchesToken === false) {
        throw new AppError('key-token-mismatch', 'Azure returned an activation key that does not answer this registration token.', {
          action: 'Check the registration name: it may belong to another stamp. Register again with a unique name.',
          detail: match.problems.map((p) => p.text).join('\n'),
        });
      }
      const fingerprint = fingerprintOf(decoded.canonical);
      const stage = advance(h, 'key-issued');
      const handoff = await journal.updateHandoff(handoffId, {
        key: decoded.canonical,
        keyFingerprint: fingerprint,
        registrationName,
        facts: keyFacts(decoded.summary),
        ...(stage ? { stage } : {}),
      });
      return { handoff, key: { summary: decoded.summary, fingerprint }, match };
    },
    tokenFor: (handoffId) => keptToken(handoffId),
    keyFor: (handoffId, check) => {
      const key = keptKey(handoffId);
      if (check) {
        const decoded = decodeActivationKey(key);
        assertKeyUsable(decoded.summary, {
          stampCloudId: check.stampCloudId,
          token: keptTokenSummary(handoffId),
          keyHosts: decoded.hosts,
          now: clock.now(),
        });
      }
      return key;
    },
    markStage: async (handoffId, stage, note, facts) => {
      const h = journal.handoff(handoffId);
      if (!h) throw new AppError('not-found', 'This hand-off is not in the journal of this machine.');
      if (!SIDE_STAGES[h.side].includes(stage)) {
        throw new AppError('bad-request', `Stage ${stage} does not belong to the ${h.side} side of a hand-off.`);
      }
      return journal.updateHandoff(handoffId, { stage, ...(note ? { note } : {}), ...(facts ? { facts } : {}) });
    },
    archive: async (handoffId, reason, detail) => {
      const h = journal.handoff(handoffId);
      if (!h) throw new AppError('not-found', 'This hand-off is not in the journal of this machine.', { action: 'Open the Hand-offs screen again to see the current list.' });
      if (isArchived(h)) return h;
      if (h.complete) {
        throw new AppError('bad-request', 'This hand-off is complete; there is nothing to archive.', { action: 'Archive only a hand-off that will never complete.' });
      }
      return journal.updateHandoff(handoffId, { stage: 'archived', note: archiveNote(reason, detail) });
    },
    restore: async (handoffId) => {
      const h = journal.handoff(handoffId);
      if (!h || !isArchived(h)) {
        throw new AppError('bad-request', 'This hand-off is not archived.', { action: 'Open the Hand-offs screen again to see the current list.' });
      }
      return restoreTo(h, said('history.restored', 'Restored from the archive by the operator'));
    },
  };
};
