import { describe, expect, it } from 'vitest';
import { createPepClient, type PepRecord } from '../../../../../electron/pep';
import { PRACTICE_PEP_PASSWORD, type PracticeStamp } from '../../../../../electron/practice/stamp';
import { clock, keyPayload, makeStamp, signKey, silentLog } from '../../../../fixtures/practice-stamp/driver';
import { problemOf } from '../../pep/fake-host';

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
      password: PRACTICE_PEP_PASSWORD,
      transcriptShare: { path: '\\\\files\\pep', user: 'CONTOSO\\ops', password: 'share-password' },
    });
    expect(session.host).toBe('10.20.30.225');
    expect(session.notices).toEqual([expect.objectContaining({ code: 'session.address-failed', values: expect.objectContaining({ address: '10.20.30.224' }) })]);

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
    await expect(client.connect({ hosts, user: 'CONTOSO\\CloudAdmin', password: PRACTICE_PEP_PASSWORD })).rejects.toMatchObject({
      problem: { code: 'pep-access-denied' },
    });
    const session = await client.connect({ hosts, user: 'AzureStack\\CloudAdmin', password: PRACTICE_PEP_PASSWORD });
    await expect(
      session.createToken({ BillingModel: 'Custom', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: '', MsAssetTag: 'tag' }),
    ).rejects.toMatchObject({ problem: { code: 'pep-unknown-parameter' } });
    await expect(session.activate(await signKey(keyPayload('69464895-3a1a-450a-9824-4b7608d9203f')))).rejects.toMatchObject({
      problem: { detail: expect.stringContaining('the key was issued for cloud identifier') as unknown },
    });
    expect(await session.close()).toMatchObject({ transcriptsCopied: false });
  });

  describe('rehearsals of what goes wrong on real workstations', () => {
    const user = 'AZURESTACK\\CloudAdmin';

    it('refuses a wrong PEP password once, and accepts the practice password', async () => {
      const { stamp } = await makeStamp();
      const client = clientFor(stamp);
      const hosts = [...stamp.settings.ercsAddresses];
      const refused = await problemOf(client.connect({ hosts, user, password: 'Not-The-Password' }));
      expect(refused.code).toBe('pep-access-denied');
      const session = await client.connect({ hosts, user, password: PRACTICE_PEP_PASSWORD });
      expect(session.host).toBe(hosts[0]);
      await session.close();
    });

    it('shows French connection errors on a French workstation, classified the same', async () => {
      const { stamp } = await makeStamp({ settings: { workstationLanguage: 'fr-FR' } });
      const client = clientFor(stamp);
      const refused = await problemOf(client.connect({ hosts: [...stamp.settings.ercsAddresses], user, password: 'wrong' }));
      expect(refused.code).toBe('pep-access-denied');
      expect(refused.detail).toContain('Acc\u00e8s refus\u00e9');
      const unknown = await problemOf(client.connect({ hosts: ['10.20.30.99'], user, password: PRACTICE_PEP_PASSWORD }));
      expect(unknown.code).toBe('pep-unreachable');
      expect(unknown.detail).toContain('WinRM ne peut pas terminer');
    });

    it('drops the session mid-activation: outcome unknown, not repeated, and the stamp is in fact activated', async () => {
      const { stamp } = await makeStamp({ settings: { faults: { sessionDropsDuringActivation: true } } });
      const client = clientFor(stamp);
      const session = await client.connect({ hosts: [...stamp.settings.ercsAddresses], user, password: PRACTICE_PEP_PASSWORD });
      const { cloudId } = await stamp.state();
      const key = await signKey(keyPayload(cloudId));
      const problem = await problemOf(session.activate(key));
      expect(problem.code).toBe('pep-outcome-unknown');
      expect(problem.action).toMatch(/activation state/);
      expect(client.stats().commands).toBe(1);
      // What the check finds: the stamp did activate.
      expect((await stamp.state()).activation?.record.properties.provisioningState).toBe('Succeeded');
      // Once per stamp: activating again now answers.
      await session.activate(key);
      await session.close();
    });

    it('says the stamp is busy when it says so only in the verbose stream', async () => {
      const { stamp } = await makeStamp({ settings: { faults: { busyOnlyInVerbose: true } } });
      const client = clientFor(stamp);
      const session = await client.connect({ hosts: [...stamp.settings.ercsAddresses], user, password: PRACTICE_PEP_PASSWORD });
      const problem = await problemOf(
        session.createToken({ BillingModel: 'Capacity', MarketplaceSyndicationEnabled: false, UsageReportingEnabled: false, AgreementNumber: 'EA-42' }),
      );
      expect(problem.code).toBe('pep-busy');
      expect(problem.detail).toContain('One or more errors occurred');
      await session.close();
    });

    it('after Close-PrivilegedEndpoint a broken session means the transcripts were probably copied', async () => {
      const { stamp } = await makeStamp({ settings: { faults: { closeBreaksSession: true } } });
      const client = clientFor(stamp);
      const session = await client.connect({
        hosts: [...stamp.settings.ercsAddresses],
        user,
        password: PRACTICE_PEP_PASSWORD,
        transcriptShare: { path: '\\\\files\\pep', user: 'CONTOSO\\ops', password: 'share-password' },
      });
      const closed = await session.close();
      expect(closed.transcriptsCopied).toBe(false);
      expect(closed.notice).toMatchObject({ code: 'session.transcripts-probably-copied', values: { share: expect.stringMatching(/^\\\\files\\pep/) } });
    });
  });
});
