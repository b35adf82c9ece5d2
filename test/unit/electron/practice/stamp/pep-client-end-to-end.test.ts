import { describe, expect, it } from 'vitest';
import { createPepClient, type PepRecord } from '../../../../../electron/pep';
import type { PracticeStamp } from '../../../../../electron/practice/stamp';
import { clock, keyPayload, makeStamp, signKey, silentLog } from '../../../../fixtures/practice-stamp/driver';

// The app's real PEP client against the practice stamp, through the spawn-compatible function.

/** Real timers that honour abort, so the client's deadlines behave as in the app. */
const clientSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

/** The app's client wired to the practice stamp as the app wires it to a PEP host process. */
const clientFor = (stamp: PracticeStamp) =>
  createPepClient({
    spawn: stamp.spawn,
    host: { command: 'practice-stamp', args: [], env: {} },
    clock,
    log: silentLog,
    sleep: clientSleep,
    probePort: stamp.probePort,
  });

describe('PEP client against the practice stamp', () => {
  it('runs the disconnected stamp-side flow end to end', async () => {
    const { stamp } = await makeStamp({ settings: { firstAddressDown: true, faults: { activationKeySplatDropped: true } } });
    const client = clientFor(stamp);
    const hosts = [...stamp.settings.ercsAddresses];

    const report = await client.preflight(hosts);
    expect(report.checks.find((c) => c.id === 'trusted-hosts')?.ok).toBe(true);

    const session = await client.connect({
      hosts,
      user: 'AZURESTACK\\CloudAdmin',
      password: 'practice-password',
      transcriptShare: { path: '\\\\files\\pep', user: 'CONTOSO\\ops', password: 'share-password' },
    });
    expect(session.host).toBe('10.20.30.225');
    expect(session.notices.join(' ')).toContain('10.20.30.224 did not answer');

    const info = await session.stampInfo();
    const { cloudId } = await stamp.state();
    expect(info).toMatchObject({ cloudId, stampVersion: '1.2406.0.8', numberOfNodes: 4 });

    await session.setKeyPair();
    const records: PepRecord[] = [];
    const token = await session.createToken(
      { BillingModel: 'Capacity', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: 'EA-42', TokenVersion: '6.0' },
      { onRecord: (r) => records.push(r) },
    );
    expect(JSON.parse(Buffer.from(token, 'base64').toString('utf8'))).toMatchObject({ cloudId, billingModel: 'Capacity', version: '6.0' });
    expect(records.some((r) => r.level === 'progress')).toBe(true);

    // The splat loses the key on this stamp; the client falls back to -ArgumentList.
    await session.activate(await signKey(keyPayload(cloudId)));
    expect((await stamp.state()).activation?.record.properties.provisioningState).toBe('Succeeded');

    await session.removeActivation();
    expect((await stamp.state()).activation).toBeUndefined();

    expect(await session.close()).toEqual({ transcriptsCopied: true });
  });

  it('maps the stamp errors to operator problems', async () => {
    const { stamp } = await makeStamp({ settings: { stampVersion: '1.1910.0.58' } });
    const client = clientFor(stamp);
    const hosts = [...stamp.settings.ercsAddresses];
    await expect(client.connect({ hosts, user: 'CONTOSO\\CloudAdmin', password: 'x' })).rejects.toMatchObject({
      problem: { code: 'pep-access-denied' },
    });
    const session = await client.connect({ hosts, user: 'AzureStack\\CloudAdmin', password: 'x' });
    await expect(
      session.createToken({ BillingModel: 'Custom', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: '', MsAssetTag: 'tag' }),
    ).rejects.toMatchObject({ problem: { code: 'pep-unknown-parameter' } });
    await expect(session.activate(await signKey(keyPayload('69464895-3a1a-450a-9824-4b7608d9203f')))).rejects.toMatchObject({
      problem: { detail: expect.stringContaining('the key was issued for cloud identifier') as unknown },
    });
    expect(await session.close()).toMatchObject({ transcriptsCopied: false });
  });
});
