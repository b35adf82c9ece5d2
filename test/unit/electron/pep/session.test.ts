import { describe, expect, it } from 'vitest';
import type { PepRecord, PepSession } from '../../../../electron/pep';
import { SENTINEL, TOKEN_PARAMS, eventually, problemOf, useHarness } from './fake-host';

const { start, connect } = useHarness();

describe('PEP session commands over the fake host', () => {
  it.each([
    ['unknown-parameter', 'New-RegistrationToken', 'pep-unknown-parameter', /-MsAssetTag/],
    ['unknown-cmdlet', 'Set-RegistrationKeyPair', 'pep-unknown-cmdlet', /Set-RegistrationKeyPair/],
    ['busy', 'New-RegistrationToken', 'pep-busy', /busy/],
    ['hardware-info', 'New-RegistrationToken', 'pep-hardware-info', /Contoso-Node03/],
    ['already-registered', 'New-AzureStackActivation', 'pep-already-registered', /9a3b2f4e/],
    ['scripts-not-allowed', 'Get-AzureStackStampInformation', 'pep-scripts-not-allowed', /defect/],
  ])('maps the %s error of %s', async (fail, cmd, code, message) => {
    const h = start({ fail });
    const session = await connect(h);
    const call = {
      'New-RegistrationToken': () => session.createToken(TOKEN_PARAMS),
      'Set-RegistrationKeyPair': () => session.setKeyPair(),
      'New-AzureStackActivation': () => session.activate('a.b.c'),
      'Get-AzureStackStampInformation': () => session.stampInfo(),
    }[cmd];
    const problem = await problemOf(call?.() ?? Promise.resolve());
    expect(problem.code).toBe(code);
    expect(problem.message).toMatch(message);
    expect(problem.action).toBeTruthy();
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(1); // not retried
  });

  it('falls back to the -ArgumentList form when the activation key arrives empty', async () => {
    const h = start({ fail: 'empty-key' });
    const session = await connect(h);
    await session.activate('h.p.s');
    const invokes = h.messages().filter((m) => m.op === 'invoke');
    expect(invokes.map((m) => m.argumentListForm)).toEqual([undefined, true]);
    expect(invokes[1]?.params).toEqual({ ActivationKey: 'h.p.s', TimeoutInSeconds: 1800 });
  });

  it('reports an empty activation key when the fallback fails too, and never sends a blank key', async () => {
    const h = start({ scenario: 'success,empty-key-always', fail: 'empty-key' });
    const session = await connect(h);
    expect((await problemOf(session.activate('a.b.c'))).code).toBe('pep-empty-activation-key');
    expect((await problemOf(session.activate('  \n'))).code).toBe('pep-empty-activation-key');
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(2);
  });

  it('retries a transient transport failure of a reading command and then succeeds', async () => {
    const h = start({ scenario: 'success,transient-once' });
    const session = await connect(h);
    const records: PepRecord[] = [];
    await session.stampInfo({ onRecord: (r) => records.push(r) });
    expect(h.client.stats().commands).toBe(2);
    expect(h.logs.some((l) => /transient/.test(l.message))).toBe(true);
    // The operator sees the retry too, as a sentence the UI says in its language.
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'info', message: expect.objectContaining({ code: 'session.retry', values: expect.objectContaining({ cmd: 'Get-AzureStackStampInformation', attempt: 1, limit: 2 }) }) }),
    );
  });

  it.each([
    ['activate', (s: PepSession) => s.activate('a.b.c'), 'New-AzureStackActivation', /activation state/],
    ['removeActivation', (s: PepSession) => s.removeActivation(), 'Remove-AzureStackActivation', /activation state/],
    ['setKeyPair', (s: PepSession) => s.setKeyPair(), 'Set-RegistrationKeyPair', /create the registration token again/],
  ])('never repeats %s after a transport break: the outcome is unknown and the check that settles it is offered', async (_name, run, cmd, check) => {
    const h = start({ scenario: 'success,drop-mid-command' });
    const session = await connect(h);
    const problem = await problemOf(run(session));
    expect(problem).toMatchObject({ code: 'pep-outcome-unknown', retryable: false });
    expect(problem.message).toContain(cmd);
    expect(problem.action).toMatch(check);
    expect(problem.detail).toContain('Session state: Broken');
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(1);
  });

  it('a command that changes the stamp stopped by the host at its deadline is outcome unknown; a reading one is not', async () => {
    const h = start({ scenario: 'success,host-deadline' });
    const session = await connect(h);
    expect((await problemOf(session.removeActivation())).code).toBe('pep-outcome-unknown');
    expect((await problemOf(session.stampInfo())).code).toBe('pep-failed');
  });

  it('does not retry on the stamp\'s own transport errors or on free text that says "timed out"', async () => {
    for (const fail of ['stamp-transport', 'timed-out-text']) {
      const h = start({ fail });
      const session = await connect(h);
      expect((await problemOf(session.stampInfo())).code).toBe('pep-failed');
      expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(1);
      await h.dispose();
    }
  });

  it('reports a job left Blocked or Disconnected with its state; for a command that changes the stamp, as outcome unknown', async () => {
    const h = start({ scenario: 'success,job-blocked' });
    const session = await connect(h);
    const blocked = await problemOf(session.stampInfo());
    expect(blocked.code).toBe('pep-failed');
    expect(blocked.detail).toContain('Job state: Blocked');
    const h2 = start({ scenario: 'success,job-disconnected' });
    const s2 = await connect(h2);
    const disconnected = await problemOf(s2.activate('a.b.c'));
    expect(disconnected.code).toBe('pep-outcome-unknown');
    expect(disconnected.detail).toContain('Job state: Disconnected');
    expect(h2.messages().filter((m) => m.op === 'invoke')).toHaveLength(1);
    await h.dispose();
  });

  it.each([
    ['inner-command-missing', 'New-RegistrationToken', (s: PepSession) => s.createToken(TOKEN_PARAMS)],
    ['access-denied-command', 'New-RegistrationToken', (s: PepSession) => s.createToken(TOKEN_PARAMS)],
  ])('%s during %s is the stamp\'s failure: not "build does not offer", not a wrong password', async (fail, cmd, run) => {
    const h = start({ fail });
    const session = await connect(h);
    const problem = await problemOf(run(session));
    expect(problem.code).toBe('pep-failed');
    expect(problem.message).toContain(cmd);
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(1);
  });

  it('attaches the last verbose and warning lines to an error and finds the busy message there', async () => {
    const h = start({ scenario: 'success,busy-verbose-only' });
    const session = await connect(h);
    const problem = await problemOf(session.createToken(TOKEN_PARAMS));
    expect(problem.code).toBe('pep-busy');
    expect(problem.detail).toMatch(/Last messages from the stamp:\n[\s\S]*another action is in progress/);
  });

  it('picks the token and the stamp information robustly when stray output comes first', async () => {
    const h = start({ scenario: 'success,stray-output' });
    const session = await connect(h);
    expect((await session.stampInfo()).cloudId).toBe('9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58');
    expect(await session.createToken(TOKEN_PARAMS)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('gives up after three transient failures', async () => {
    const h = start({ fail: 'transient' });
    const session = await connect(h);
    const problem = await problemOf(session.stampInfo());
    expect(problem).toMatchObject({ code: 'pep-unreachable', retryable: true });
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(3);
  });

  it('reports a crash mid-command with the stderr tail, marks a mutating command outcome-unknown', async () => {
    const h = start({ scenario: 'crash' });
    const session = await connect(h);
    const problem = await problemOf(session.activate('a.b.c'));
    expect(problem).toMatchObject({ code: 'pep-outcome-unknown', retryable: false });
    expect(problem.message).toMatch(/The PowerShell host stopped while New-AzureStackActivation ran/);
    expect(problem.detail).toContain('the host fell over');
    expect(problem.detail).toContain('exit code 3');
  });

  it('starts a new host and reopens the session on the next command after a crash', async () => {
    const h = start({ scenario: 'success,crash-once' });
    const session = await connect(h);
    expect((await problemOf(session.stampInfo())).code).toBe('pep-host-crashed');
    const stamp = await session.stampInfo();
    expect(stamp.stampVersion).toBe('1.2311.2.23');
    expect(h.client.stats()).toMatchObject({ hostsSpawned: 2, sessionsOpened: 2 });
    expect(session.notices).toEqual([expect.objectContaining({ code: 'session.host-restarted', text: expect.stringMatching(/restarted/) })]);
    expect(h.messages().filter((m) => m.op === 'connect').map((m) => m.password)).toEqual([SENTINEL, SENTINEL]);
  });

  it('tolerates and logs lines that are not protocol JSON', async () => {
    const h = start({ scenario: 'success,garbage' });
    const session = await connect(h);
    expect((await session.stampInfo()).regionName).toBe('redmond');
    const warned = h.logs.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warned).toContain('PEP host wrote a line that is not protocol JSON; ignored');
    expect(warned).toContain('PEP host sent an unrecognised message; ignored');
  });

  it('treats an oversize line as a protocol error and stops the host', async () => {
    const h = start({ scenario: 'success,oversize', maxLineBytes: 64 * 1024 });
    const session = await connect(h);
    expect((await problemOf(session.stampInfo())).code).toBe('pep-protocol');
    await eventually(() => h.spawned[0]?.child.exitCode !== null || h.spawned[0]?.child.signalCode !== null, 'host killed');
  });

  it('fails a command when the host closes stdout', async () => {
    const h = start({ scenario: 'success,stdout-close' });
    const session = await connect(h);
    expect((await problemOf(session.stampInfo())).code).toBe('pep-host-crashed');
  });

  it('decodes non-ASCII text escaped as \\uXXXX, and raw UTF-8 too', async () => {
    const escaped = start({ scenario: 'success,non-ascii' });
    expect((await (await connect(escaped)).stampInfo()).regionName).toBe('Région Ωmega 𝔸 “east”');
    await escaped.dispose();
    const raw = start({ scenario: 'success,non-ascii-raw' });
    expect((await (await connect(raw)).stampInfo()).regionName).toBe('Région Ωmega');
  });

  it('normalises Windows PowerShell 5.1 output', async () => {
    const h = start({ scenario: 'success,ps51' });
    const session = await connect(h);
    const stamp = await session.stampInfo();
    expect(stamp).toEqual({
      cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58',
      stampVersion: '1.2008.0.59',
      deploymentId: '1f7b4c1e-6a39-4f57-9a43-5d2e0c7b1a11',
      oemVersion: '2.1.2008.1',
      regionName: 'local',
      externalDomainFqdn: 'local.azurestack.external',
      domainFqdn: 'azurestack.local',
      domainNetBiosName: 'AZURESTACK',
      numberOfNodes: 1,
      identitySystem: 'ADFS',
      emergencyConsoleIpAddresses: ['192.168.200.225'],
    });
    expect(await session.createToken(TOKEN_PARAMS)).toMatch(/^eyJ/);
  });

  it('rejects a token that is not base64', async () => {
    const h = start({ scenario: 'success,bad-token' });
    const session = await connect(h);
    expect((await problemOf(session.createToken(TOKEN_PARAMS))).code).toBe('pep-failed');
  });

  it('times out a hung command, sends cancel, and keeps the host when it answers', async () => {
    const h = start({ scenario: 'hang', timeouts: { stampInfo: 150 } });
    const session = await connect(h);
    const problem = await problemOf(session.stampInfo());
    expect(problem).toMatchObject({ code: 'timeout', retryable: true });
    const ops = h.messages().map((m) => m.op);
    expect(ops).toEqual(['connect', 'invoke', 'cancel']);
    expect(h.client.stats().hostsSpawned).toBe(1);
    expect(h.spawned[0]?.child.exitCode).toBeNull();
  });

  it('kills a host that ignores cancel and starts a new one for the next command', async () => {
    const h = start({ scenario: 'hang-deaf', timeouts: { removeActivation: 150, cancelGrace: 150 } });
    const session = await connect(h);
    const problem = await problemOf(session.removeActivation());
    expect(problem.code).toBe('pep-outcome-unknown');
    expect(problem.message).toMatch(/stopped waiting while Remove-AzureStackActivation ran/);
    await eventually(() => h.spawned[0]?.child.signalCode !== null, 'first host killed');
    expect((await problemOf(session.removeActivation())).code).toBe('pep-outcome-unknown');
    expect(h.client.stats().hostsSpawned).toBe(2);
  });

  it('cancels a running activation and says the stamp may carry on', async () => {
    const h = start({ scenario: 'slow' });
    const session = await connect(h);
    const abort = new AbortController();
    const records: PepRecord[] = [];
    const problem = await problemOf(
      session.activate('a.b.c', {
        signal: abort.signal,
        onRecord: (r) => {
          records.push(r);
          if (records.length === 2) abort.abort();
        },
      }),
    );
    expect(problem).toMatchObject({ code: 'cancelled', retryable: false });
    expect(problem.message).toMatch(/may still complete it/);
    expect(h.messages().map((m) => m.op)).toEqual(['connect', 'invoke', 'cancel']);
  });

  it('refuses to start a command whose signal is already aborted', async () => {
    const h = start();
    const session = await connect(h);
    const abort = new AbortController();
    abort.abort();
    expect((await problemOf(session.stampInfo({ signal: abort.signal }))).code).toBe('cancelled');
    expect(h.messages().filter((m) => m.op === 'invoke')).toHaveLength(0);
  });

  it('serializes concurrent commands on one session', async () => {
    const h = start({ scenario: 'slow' });
    const session = await connect(h);
    const [stamp, token] = await Promise.all([session.stampInfo(), session.createToken(TOKEN_PARAMS)]);
    expect(stamp.cloudId).toBeTruthy();
    expect(token).toBeTruthy();
    expect(h.received().some((r) => r.kind === 'overlap')).toBe(false);
  });

  it('closes through Close-PrivilegedEndpoint when a transcript share is set', async () => {
    const h = start();
    const share = { path: '\\\\fileserver\\pep-transcripts', user: 'CONTOSO\\svc', password: 'share-secret' };
    const session = await connect(h, { transcriptShare: share });
    expect(await session.close()).toEqual({ transcriptsCopied: true });
    expect(h.messages().at(-1)).toMatchObject({ op: 'close', transcriptShare: share.path, shareUser: share.user, sharePassword: share.password });
  });

  it('after Close-PrivilegedEndpoint, a broken session means "probably copied, check the share", with the share credential sent', async () => {
    const h = start({ scenario: 'success,close-breaks-session' });
    const session = await connect(h, { transcriptShare: { path: '\\\\fs\\t', user: 'CONTOSO\\svc', password: 'share-secret' } });
    const closed = await session.close();
    expect(closed.transcriptsCopied).toBe(false);
    expect(closed.notice).toMatchObject({ code: 'session.transcripts-probably-copied', text: expect.stringMatching(/probably copied\. Check \\\\fs\\t/) });
    expect(closed.notice?.text).not.toMatch(/failed/);
    expect(h.received().find((r) => r.kind === 'close')).toMatchObject({ shareUser: 'CONTOSO\\svc', hasSharePassword: true });
  });

  it('says so when the transcripts could not be copied', async () => {
    const h = start({ scenario: 'success,share-fails' });
    const session = await connect(h, { transcriptShare: { path: '\\\\fs\\t', user: 'u', password: 'p' } });
    const closed = await session.close();
    expect(closed.transcriptsCopied).toBe(false);
    expect(closed.notice).toMatchObject({ code: 'session.transcripts-copy-failed-because', values: { warnings: expect.stringMatching(/Access is denied/) } });
  });

});
