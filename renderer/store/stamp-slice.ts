import type { Api } from '../../shared/contract';
import { makeCall } from './call';
import type { Slice, StampSlice } from './types';

export const stampSlice =
  (api: Api): Slice<StampSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<StampSlice['stamp']>) => set((s) => ({ stamp: { ...s.stamp, ...p } }));
    const hosts = () => get().stamp.hosts.map((h) => h.trim()).filter((h) => h.length > 0);
    return {
      stamp: { hosts: [''], user: '', password: '', notices: [], share: { path: '', user: '', password: '' } },

      setHosts: (list) => patch({ hosts: list.slice(0, 3), preflight: undefined }),
      setUser: (user) => patch({ user }),
      setPassword: (password) => patch({ password }),
      setShare: (share) => patch({ share: { ...get().stamp.share, ...share } }),

      runPreflight: async () => {
        const report = await call('stamp', 'busy.preflight', () => api['pep.preflight']({ hosts: hosts() }));
        if (report) patch({ preflight: report });
      },
      connect: async () => {
        const { user, password, share } = get().stamp;
        // Passwords leave the store before the call returns, whatever the outcome.
        patch({ password: '', share: { ...share, password: '' } });
        const transcriptShare =
          share.path.trim() === '' ? undefined : { path: share.path.trim(), user: share.user.trim(), password: share.password };
        const session = await call('stamp', 'busy.connect', () =>
          api['pep.connect']({ hosts: hosts(), user: user.trim(), password, ...(transcriptShare ? { transcriptShare } : {}) }),
        );
        if (!session) return false;
        patch({ sessionId: session.sessionId, host: session.host, info: session.stamp, notices: session.notices });
        return true;
      },
      disconnect: async () => {
        const sessionId = get().stamp.sessionId;
        if (!sessionId) return;
        const closed = await call('stamp', 'busy.closeSession', () => api['pep.disconnect']({ sessionId }));
        patch({ sessionId: undefined, host: undefined, notices: closed?.notice ? [closed.notice] : [] });
      },
    };
  };
