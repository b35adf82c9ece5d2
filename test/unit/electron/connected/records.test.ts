import * as fsp from 'node:fs/promises';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConnectedRecords } from '../../../../electron/connected';
import { memoryLogger } from '../../../../electron/log';

// The connected step record file also remembers a stamp deactivated by a removal whose Azure part was not
// seen to finish: a restart (the app closed or killed between the two) must still know it.

const CLOUD = '6f0c2c2e-8a4b-4c1e-9f57-0a1b2c3d4e5f';
const open = async (file: string) => createConnectedRecords({ file, fs: fsp, log: memoryLogger() });

describe('connected records: a removal\'s stamp deactivation', () => {
  it('is kept across a reopen for that stamp only, and forgotten once cleared', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'azs-connected-')), 'connected.json');
    const first = await open(file);
    expect(first.deactivatedAt('sub/rg/name', CLOUD)).toBeUndefined();
    await first.setDeactivated('sub/rg/name', CLOUD, '2026-12-05T10:00:00.000Z');

    const reopened = await open(file);
    expect(reopened.deactivatedAt('sub/rg/name', CLOUD.toUpperCase())).toBe('2026-12-05T10:00:00.000Z');
    expect(reopened.deactivatedAt('sub/rg/name', '00000000-0000-4000-8000-000000000001')).toBeUndefined();
    expect(reopened.deactivatedAt('sub/rg/other', CLOUD)).toBeUndefined();

    await reopened.setDeactivated('sub/rg/name', CLOUD, undefined);
    expect((await open(file)).deactivatedAt('sub/rg/name', CLOUD)).toBeUndefined();
    // A file without any: the shape the connected registration has always written.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, records: [] });
  });
});
