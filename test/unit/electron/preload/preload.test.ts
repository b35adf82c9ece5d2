import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../../shared/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn),
    removeListener: (name: string) => listeners.delete(name),
  },
}));

describe('preload', () => {
  it('exposes exactly the contract channels plus on()', async () => {
    await import('../../../../electron/preload/index');
    const api = exposed['api'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
  });

  it('forwards a call to its channel and nothing else', async () => {
    const api = exposed['api'] as Record<string, (req: unknown) => Promise<unknown>>;
    await api['handoff.list']?.({});
    expect(invoke).toHaveBeenCalledWith('handoff.list', {});
  });

  it('refuses unknown events and hides the IPC event object', async () => {
    const api = exposed['api'] as { on: (name: string, cb: (p: unknown) => void) => () => void };
    expect(() => api.on('ipc.raw', () => undefined)).toThrow(/Unknown event/);
    const seen: unknown[] = [];
    const off = api.on('operation.progress', (...args: unknown[]) => seen.push(args));
    listeners.get('operation.progress')?.({ sender: 'secret' }, { seq: 1 });
    expect(seen).toEqual([[{ seq: 1 }]]);
    off();
    expect(listeners.has('operation.progress')).toBe(false);
  });
});
