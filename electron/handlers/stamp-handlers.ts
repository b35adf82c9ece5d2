import type { Handlers } from '../../shared/contract';
import type { StampSessions } from '../flows';
import type { PepClient } from '../pep';

export const stampHandlers = (
  pep: PepClient,
  sessions: StampSessions,
): Pick<Handlers, 'pep.preflight' | 'pep.connect' | 'pep.disconnect'> => ({
  'pep.preflight': ({ hosts }) => pep.preflight(hosts),
  'pep.connect': async ({ hosts, user, password, transcriptShare }) => {
    const session = await pep.connect({ hosts, user, password, ...(transcriptShare ? { transcriptShare } : {}) });
    // Without the stamp information the renderer gets no session id to close: close it here, or the
    // session stays open on the PEP (which allows only a few) until the app quits.
    const stamp = await session.stampInfo().catch(async (err: unknown) => {
      await session.close().catch(() => undefined);
      throw err;
    });
    sessions.add(session, stamp);
    return { sessionId: session.id, host: session.host, stamp, notices: session.notices };
  },
  'pep.disconnect': async ({ sessionId }) => {
    const { session } = sessions.get(sessionId);
    sessions.remove(sessionId);
    return session.close();
  },
});
