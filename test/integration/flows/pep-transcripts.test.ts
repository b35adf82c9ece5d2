import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PepConnected } from '../../../shared/contract';
import type { Said } from '../../../shared/contract/said';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import type { PracticeMachine } from '../../fixtures/app/practice-app';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';

// Closing the session: with a transcript share, Close-PrivilegedEndpoint copies the transcripts;
// without one the operator is told they stay on the endpoint. The share password goes nowhere else.
const SHARE_PASSWORD = 'Share-Sentinel-71c2';
let stamp: PracticeMachine;

beforeAll(async () => {
  stamp = await startPracticeMachine(await mkdtemp(join(tmpdir(), 'azs-usb-')));
});
afterAll(async () => {
  await stamp?.runtime.dispose();
});

const connect = (transcriptShare?: { path: string; user: string; password: string }) =>
  stamp.call<PepConnected>('pep.connect', {
    hosts: ['10.20.30.224'],
    user: 'AZURESTACK\\CloudAdmin',
    password: PRACTICE_PEP_PASSWORD,
    ...(transcriptShare ? { transcriptShare } : {}),
  });

describe('closing the privileged endpoint session', () => {
  it('copies the transcripts to the share the operator named', async () => {
    const c = await connect({ path: '\\\\files\\pep-transcripts', user: 'CONTOSO\\svc-pep', password: SHARE_PASSWORD });
    const closed = await stamp.call<{ transcriptsCopied: boolean; notice?: Said }>('pep.disconnect', { sessionId: c.sessionId });
    expect(closed.transcriptsCopied).toBe(true);
    const files = await readdir(stamp.dataDir, { recursive: true });
    const texts = await Promise.all(files.map((f) => readFile(join(stamp.dataDir, f), 'utf8').catch(() => '')));
    expect(texts.join('\n')).not.toContain(SHARE_PASSWORD);
    expect(JSON.stringify(stamp.events)).not.toContain(SHARE_PASSWORD);
    expect(JSON.stringify(stamp.log.lines)).not.toContain(SHARE_PASSWORD);
  });

  it('says the transcripts stay on the endpoint without a share, and the session is gone', async () => {
    const c = await connect();
    const closed = await stamp.call<{ transcriptsCopied: boolean; notice?: Said }>('pep.disconnect', { sessionId: c.sessionId });
    expect(closed.transcriptsCopied).toBe(false);
    expect(closed.notice).toMatchObject({ code: 'session.transcripts-no-share', text: expect.stringMatching(/transcript/i) });
    const again = await stamp.runtime.dispatch('pep.disconnect', { sessionId: c.sessionId });
    expect(again).toMatchObject({ ok: false, problem: { code: 'session-missing' } });
  });
});
