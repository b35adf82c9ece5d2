/** The methods of T that answer at once (not a Promise): what a lazy service must answer before it loads. */
export type SyncPart<T> = { [K in keyof T as T[K] extends (...args: never[]) => Promise<unknown> ? never : K]: T[K] };

/**
 * A service whose module loads on first use (a dynamic import: its own chunk, read only then). Its
 * async methods wait for the load; its other methods answer from `idle` until it has loaded. A failed
 * load is retried on the next call.
 */
export const lazyService = <T extends object>(load: () => Promise<T>, idle: SyncPart<T>): T => {
  let service: T | undefined;
  let loading: Promise<T> | undefined;
  const loaded = (): Promise<T> =>
    (loading ??= load().then(
      (s) => (service = s),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable: `await service` must not start the load.
      if (typeof name === 'symbol' || name === 'then') return undefined;
      const source = service ?? (name in idle ? idle : undefined);
      if (source) {
        const value: unknown = Reflect.get(source, name);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
      }
      return async (...args: unknown[]) => {
        const s = await loaded();
        return (Reflect.get(s, name) as (...a: unknown[]) => unknown).apply(s, args);
      };
    },
  });
};
