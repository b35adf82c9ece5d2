import { RECOMPOSING_CAUSES } from '../../shared/contract/events';
import type { Api } from '../../shared/contract';
import { HANDOFF_PAGE_SIZE } from '../../shared/domain/types';
import { makeCall } from './call';
import { reconcile, sessionsGone } from './reconcile';
import type { ShellSlice, Slice } from './types';

export const shellSlice =
  (api: Api): Slice<ShellSlice> =>
  (set, get, store) => {
    const call = makeCall(set, get);
    /** Progress of one mode means nothing in the other: sessions, hand-offs and inputs start over. */
    const resetProgress = () => {
      const initial = store.getInitialState();
      set((s) => ({
        stamp: initial.stamp,
        exp: initial.exp,
        reg: initial.reg,
        act: initial.act,
        mng: initial.mng,
        life: initial.life,
        con: initial.con,
        ops: {},
        problems: {},
        drives: [],
        screen: s.screen === 'home' || s.screen === 'handoffs' ? s.screen : s.side === 'host' ? 'register' : 'export',
      }));
    };
    return {
      language: 'auto',
      setLanguage: (language) => set({ language }),
      languageShown: (language) => void api['app.setLanguage']({ language }),
      side: null,
      screen: 'home',
      info: null,
      progressMode: null,
      handoffs: [],
      finishedHandoffs: { total: 0, shown: 0, wanted: HANDOFF_PAGE_SIZE },
      drives: [],
      busy: {},
      problems: {},
      generation: 0,

      init: async () => {
        const offs = [
          api.on('operation.progress', (p) => get().onProgress(p)),
          api.on('operation.finished', (f) => get().onFinished(f)),
          api.on('azure.deviceCode', (d) => set((s) => ({ reg: { ...s.reg, deviceCode: d } }))),
          api.on('app.stateChanged', (c) => void get().resync(c)),
          api.on('app.show', ({ screen, action }) => {
            if (screen !== 'about') return get().startNew(screen === 'new-export' ? 'export' : 'register');
            set({ screen });
            if (action === 'exportDiagnostics') void get().exportDiagnostics();
          }),
        ];
        await Promise.all([get().loadInfo(), get().syncOperations(), get().refreshHandoffs()]);
        return () => offs.forEach((off) => off());
      },
      chooseSide: (side) => set({ side, screen: side === 'stamp' ? 'export' : side === 'host' ? 'register' : 'home' }),
      open: (screen) => set({ screen }),
      openHelp: async (topic) => {
        await call('shell', 'busy.openHelp', () => api['app.openHelp']({ topic }));
      },
      dismissProblem: (scope) => set((s) => ({ problems: { ...s.problems, [scope]: undefined } })),

      resync: async ({ generation, cause }) => {
        // Events can overtake each other's re-reads; an older generation has nothing new to say.
        if (generation <= get().generation) return;
        const recomposed = RECOMPOSING_CAUSES.has(cause);
        // A recomposed Azure (new practice Azure, other mode) no longer holds what the last check read.
        set((s) => ({ generation, ...(recomposed ? { ...sessionsGone(s), con: { ...s.con, check: undefined, subscriptions: [] } } : {}) }));
        await Promise.all([
          get().loadInfo(),
          get().syncOperations(),
          get().refreshHandoffs(),
          ...(recomposed ? [get().loadSettings(), get().loadScenario(), get().loadConnectedRecords()] : []),
        ]);
        set((s) => reconcile(s));
      },
      loadInfo: async () => {
        const info = await call('shell', 'busy.loading', () => api['app.info']({}));
        if (!info) return;
        const saved = get().progressMode;
        if (saved !== null && saved !== info.mode) resetProgress();
        set({ info, progressMode: info.mode });
      },
      setMode: async (mode) => {
        const info = await call('shell', 'busy.switchMode', () => api['app.setMode']({ mode }));
        if (!info) return;
        if (info.mode !== get().progressMode) resetProgress();
        set({ info, progressMode: info.mode });
        await Promise.all([get().syncOperations(), get().refreshHandoffs()]);
      },
      refreshHandoffs: async () => {
        const s = get();
        const wanted = s.finishedHandoffs.wanted;
        // The hand-offs the flows work on come whatever their age (the journey, reconcile and the flows look them up).
        const also = [s.exp.handoffId, s.reg.handoffId, s.act.handoffId, s.mng.handoffId].filter((id): id is string => id !== undefined);
        const page = await call('shell', 'busy.handoffs', () => api['handoff.list']({ finished: wanted, ...(also.length ? { also } : {}) }));
        if (page) set((now) => ({ handoffs: page.handoffs, finishedHandoffs: { ...page.finished, wanted: Math.max(wanted, now.finishedHandoffs.wanted) } }));
      },
      showOlderHandoffs: async () => {
        set((s) => ({ finishedHandoffs: { ...s.finishedHandoffs, wanted: s.finishedHandoffs.wanted + HANDOFF_PAGE_SIZE } }));
        await get().refreshHandoffs();
      },
      confirmActivated: async (handoffId) => {
        const done = await call('shell', 'busy.closeHandoff', () => api['handoff.confirmActivated']({ handoffId }));
        if (done) await get().refreshHandoffs();
      },
      refreshDrives: async () => {
        const drives = await call('shell', 'busy.drives', () => api['handoff.drives']({}));
        if (drives) set({ drives });
      },
      addFolder: async () => {
        const drive = await call('shell', 'busy.addFolder', () => api['handoff.addFolder']({}));
        if (!drive) return undefined;
        set((s) => ({ drives: [...s.drives.filter((d) => d.id !== drive.id), drive] }));
        return drive;
      },
    };
  };
