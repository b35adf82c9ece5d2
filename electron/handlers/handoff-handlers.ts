import type { Handlers } from '../../shared/contract';
import { HANDOFF_PAGE_SIZE } from '../../shared/domain';
import type { StampSessions } from '../flows';
import type { Handoff } from '../handoff';

export const handoffHandlers = (
  handoff: Handoff,
  sessions: StampSessions,
): Pick<
  Handlers,
  | 'handoff.drives'
  | 'handoff.addFolder'
  | 'handoff.files'
  | 'handoff.readToken'
  | 'handoff.readTokenText'
  | 'handoff.saveToken'
  | 'handoff.readKey'
  | 'handoff.saveKey'
  | 'handoff.list'
  | 'handoff.confirmActivated'
  | 'handoff.archive'
  | 'handoff.restore'
> => ({
  'handoff.drives': () => handoff.drives(),
  'handoff.addFolder': () => handoff.addFolder(),
  'handoff.files': ({ driveId }) => handoff.files(driveId),
  'handoff.readToken': ({ driveId, file }) => handoff.readToken(driveId, file),
  'handoff.readTokenText': ({ text }) => handoff.readTokenText(text),
  'handoff.saveToken': ({ handoffId, driveId }) => handoff.saveToken(handoffId, driveId),
  // The key is checked against the stamp this window is connected to, when there is one.
  'handoff.readKey': ({ driveId, file, sessionId }) =>
    handoff.readKey(driveId, file, sessionId ? sessions.get(sessionId).stamp.cloudId : undefined),
  'handoff.saveKey': ({ handoffId, driveId }) => handoff.saveKey(handoffId, driveId),
  'handoff.list': ({ finished, also }) => handoff.list(finished ?? HANDOFF_PAGE_SIZE, also),
  'handoff.confirmActivated': ({ handoffId }) => handoff.confirmActivated(handoffId),
  'handoff.archive': ({ handoffId, reason, detail }) => handoff.archive(handoffId, reason, detail),
  'handoff.restore': ({ handoffId }) => handoff.restore(handoffId),
});
