import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createStampStore, STATE_FILE } from '../../../../../electron/practice/stamp/stamp-store';
import { clock, silentLog, tempDir } from '../../../../fixtures/practice-stamp/driver';

const store = (dataDir: string, numberOfNodes = 4, log = silentLog) =>
  createStampStore({ dataDir, fs: fsp, clock, log, numberOfNodes });

describe('practice stamp state', () => {
  it('creates the identity once and reloads it on the next start', async () => {
    const dataDir = join(await tempDir(), 'nested');
    const first = await store(dataDir).read();
    expect(first.identity.createdAt).toBe('2026-11-25T12:00:00.000Z');
    expect(first.identity.nodes).toHaveLength(4);
    const second = await store(dataDir).read();
    expect(second).toEqual(first);
  });

  it('keeps existing nodes when the node count changes', async () => {
    const dataDir = await tempDir();
    const four = await store(dataDir).read();
    const six = await store(dataDir, 6).read();
    expect(six.identity.cloudId).toBe(four.identity.cloudId);
    expect(six.identity.nodes.slice(0, 4)).toEqual(four.identity.nodes);
    expect(six.identity.nodes.map((n) => n.name)).toEqual(['AZS-NODE01', 'AZS-NODE02', 'AZS-NODE03', 'AZS-NODE04', 'AZS-NODE05', 'AZS-NODE06']);
    expect((await store(dataDir, 6).read()).identity.nodes).toEqual(six.identity.nodes);
    expect((await store(dataDir, 1).read()).identity.nodes).toEqual([four.identity.nodes[0]]);
  });

  it('sets an unreadable file aside and starts a new stamp, with a warning', async () => {
    const dataDir = await tempDir();
    await fsp.writeFile(join(dataDir, STATE_FILE), '{"version":1,', 'utf8');
    const warn = vi.fn();
    const state = await store(dataDir, 4, { ...silentLog, warn }).read();
    expect(state.identity.nodes).toHaveLength(4);
    expect(warn).toHaveBeenCalledOnce();
    expect(await fsp.readFile(join(dataDir, `${STATE_FILE}.unreadable`), 'utf8')).toBe('{"version":1,');
  });

  it('keeps the previous state when a write fails', async () => {
    const dataDir = await tempDir();
    const failing = { ...fsp, writeFile: vi.fn(fsp.writeFile) };
    const s = createStampStore({ dataDir, fs: failing, clock, log: silentLog, numberOfNodes: 2 });
    const before = await s.read();
    failing.writeFile.mockRejectedValueOnce(new Error('disk full'));
    await expect(s.update((st) => ({ ...st, identity: { ...st.identity, cloudId: '00000000-0000-4000-8000-000000000000' } }))).rejects.toThrow('disk full');
    expect(await s.read()).toEqual(before);
  });
});
