// Serialized into the page by page.addInitScript, so it must be self-contained: no imports, no
// closures over module scope. It builds `window.api` in the preload's shape from the same name lists.

type BridgeWindow = {
  api?: unknown;
  __azsInvoke?: (name: string, req: unknown) => Promise<unknown>;
  __azsEmit?: (name: string, payload: unknown) => void;
};

export function installBridge(lists: { channels: readonly string[]; events: readonly string[] }): void {
  const w = window as unknown as BridgeWindow;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Record<string, (req: unknown) => Promise<unknown>> = {};
  for (const name of lists.channels) {
    calls[name] = (req: unknown) => {
      const invoke = w.__azsInvoke;
      if (!invoke) return Promise.reject(new Error('test bridge not bound'));
      return invoke(name, req);
    };
  }
  const on = (name: string, listener: (payload: unknown) => void): (() => void) => {
    if (!lists.events.includes(name)) throw new Error(`Unknown event ${name}`);
    const set = listeners.get(name) ?? new Set();
    set.add(listener);
    listeners.set(name, set);
    return () => void set.delete(listener);
  };
  Object.defineProperty(w, 'api', { value: Object.freeze({ ...calls, on }), writable: false, configurable: false });
  Object.defineProperty(w, '__azsEmit', {
    value: (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
    writable: false,
    configurable: false,
  });
}
