import { AppError } from '../../shared/contract';
import type { StampInfo } from '../../shared/domain/types';
import type { PepSession } from '../pep';

export type StampSession = { session: PepSession; stamp: StampInfo };

/** Open PEP sessions of this window, with the stamp information read when each was opened. */
export const createStampSessions = () => {
  const open = new Map<string, StampSession>();
  return {
    add: (session: PepSession, stamp: StampInfo): void => void open.set(session.id, { session, stamp }),
    get: (sessionId: string): StampSession => {
      const found = open.get(sessionId);
      if (!found) {
        throw new AppError('session-missing', 'The connection to the privileged endpoint was closed.', {
          action: 'Connect to the privileged endpoint again, then repeat this step.',
        });
      }
      return found;
    },
    remove: (sessionId: string): void => void open.delete(sessionId),
  };
};
export type StampSessions = ReturnType<typeof createStampSessions>;
