import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../../shared/contract';
import { installBridge } from './install-bridge';

type FakeWindow = {
  api?: Record<string, unknown> & { on(name: string, cb: (p: unknown) => void): () => void };
  __azsInvoke?: (name: string, req: unknown) => Promise<unknown>;
  __azsEmit?: (name: string, payload: unknown) => void;
};

const g = globalThis as unknown as { window?: FakeWindow };

describe('installBridge', () => {
  afterEach(() => {
    delete g.window;
  });

  const install = (): FakeWindow => {
    g.window = {};
    installBridge({ channels: channelNames, events: eventNames });
    return g.window;
  };

  it("builds window.api in the preload's shape: one method per channel plus on", () => {
    const w = install();
    expect(Object.keys(w.api ?? {}).sort()).toEqual([...channelNames, 'on'].sort());
  });

  it('sends calls through the binding with the channel name', async () => {
    const w = install();
    const seen: unknown[] = [];
    w.__azsInvoke = async (name, req) => {
      seen.push([name, req]);
      return { ok: true, value: 'pong' };
    };
    const call = w.api?.['handoff.files'] as (req: unknown) => Promise<unknown>;
    await expect(call({ driveId: 'usb' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(seen).toEqual([['handoff.files', { driveId: 'usb' }]]);
  });

  it('delivers pushed events to subscribers until they unsubscribe, and refuses unknown events', () => {
    const w = install();
    const got: unknown[] = [];
    const off = w.api?.on('operation.progress', (p) => got.push(p));
    w.__azsEmit?.('operation.progress', { seq: 1 });
    off?.();
    w.__azsEmit?.('operation.progress', { seq: 2 });
    expect(got).toEqual([{ seq: 1 }]);
    expect(() => w.api?.on('not.an.event', () => undefined)).toThrow(/Unknown event/);
  });
});
