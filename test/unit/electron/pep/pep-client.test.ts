import { describe, expect, it } from 'vitest';
import type { PepRecord } from '../../../../electron/pep';
import { HOSTS, SENTINEL, TOKEN_PARAMS, eventually, problemOf, useHarness } from './fake-host';

const { start, connect } = useHarness();

describe('PEP client over the fake host', () => {
  it('runs every command of a leg on one host process and one PSSession, streaming records', async () => {
    const h = start();
    const session = await connect(h);
    expect(session.host).toBe('10.0.0.224');
    const records: PepRecord[] = [];
    const onRecord = (r: PepRecord) => void records.push(r);

    const stamp = await session.stampInfo({ onRecord });
    expect(stamp).toMatchObject({ cloudId: '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58', stampVersion: '1.2311.2.23', numberOfNodes: 4 });
    expect(stamp.emergencyConsoleIpAddresses).toEqual(['10.0.0.224', '10.0.0.225', '10.0.0.226']);
    await session.setKeyPair();
    const token = await session.createToken(TOKEN_PARAMS);
    expect(JSON.parse(Buffer.from(token, 'base64').toString('utf8'))).toMatchObject({ billingModel: 'Capacity', agreementNumber: '12345678' });
    await session.activate('  header.payload.signature \n');
    await session.removeActivation();

    expect(records.map((r) => r.level)).toEqual(['progress', 'verbose', 'info', 'progress', 'warning']);
    expect(records[3]).toEqual({ level: 'progress', phase: 'Get-AzureStackStampInformation', message: 'Halfway', percent: 50 });
    expect(h.client.stats()).toEqual({ hostsSpawned: 1, sessionsOpened: 1, commands: 5 });

    const invokes = h.messages().filter((m) => m.op === 'invoke');
    expect(invokes.map((m) => m.cmd)).toEqual([
      'Get-AzureStackStampInformation',
      'Set-RegistrationKeyPair',
      'New-RegistrationToken',
      'New-AzureStackActivation',
      'Remove-AzureStackActivation',
    ]);
    expect(invokes[0]?.params).toEqual({ WarningAction: 'SilentlyContinue' });
    expect(invokes[2]?.params).toEqual(TOKEN_PARAMS); // no MsAssetTag/TokenVersion unless planned
    expect(invokes[3]?.params).toEqual({ ActivationKey: 'header.payload.signature', TimeoutInSeconds: 1800 });
    expect(new Set(invokes.map((m) => m.id)).size).toBe(5);
    expect(invokes[3]?.timeoutMs).toBeGreaterThan(1_800_000);

    const closed = await session.close();
    expect(closed.transcriptsCopied).toBe(false);
    expect(closed.notice).toMatchObject({ code: 'session.transcripts-no-share', text: expect.stringMatching(/stay on the privileged endpoint/) });
    expect(h.received().at(-1)).toMatchObject({ kind: 'exit', reason: 'close' });
    expect(h.client.get(session.id)).toBeUndefined();
    expect((await problemOf(session.stampInfo())).code).toBe('session-missing');
  });

  it('sends the connect message the protocol defines, with en-US culture and a one-hour idle timeout', async () => {
    const h = start();
    await connect(h);
    const [msg] = h.messages();
    expect(msg).toMatchObject({ op: 'connect', hosts: HOSTS, user: 'AZURESTACK\\CloudAdmin', culture: 'en-US', idleTimeoutMs: 3_600_000 });
    const { NodeToHost } = await import('../../../../electron/pep/protocol');
    expect(NodeToHost.safeParse(msg).success).toBe(true);
  });

  it('keeps the password out of argv, environment, logs, results and errors', async () => {
    const h = start({ scenario: 'success,leaky' });
    const session = await connect(h, { transcriptShare: { path: '\\\\share\\t', user: 'DOM\\op', password: `${SENTINEL}-share` } });
    const leak = await problemOf(session.stampInfo());
    const closed = await session.close();

    const child = h.spawned[0];
    expect(child?.child.spawnargs.join(' ')).not.toContain(SENTINEL);
    expect(JSON.stringify(child?.options.env)).not.toContain(SENTINEL);
    const start0 = h.received()[0];
    expect(JSON.stringify(start0?.argv)).not.toContain(SENTINEL);
    expect(JSON.stringify(start0?.env)).not.toContain(SENTINEL);
    expect(JSON.stringify(h.logs)).not.toContain(SENTINEL);
    expect(JSON.stringify({ leak, closed, session, notices: session.notices })).not.toContain(SENTINEL);
    expect(leak.detail).toContain('[redacted]');

    // It did cross, once, byte for byte, on stdin.
    const lines = h.received().filter((r) => r.kind === 'line');
    expect(lines.filter((r) => r.raw?.includes('"password"'))).toHaveLength(1);
    expect(h.messages()[0]?.password).toBe(SENTINEL);
    expect(h.messages().find((m) => m.op === 'close')?.sharePassword).toBe(`${SENTINEL}-share`);
    for (const r of lines) expect(r.raw).toMatch(/^[\x20-\x7e]*$/);
  });

  it('passes hostile values through as data, byte for byte', async () => {
    const h = start();
    const hostile = `x'; Remove-Item C:\\ -Recurse; $(calc) \`n "q" \u2018single\u2019 \u201cdouble\u201d é漢\nnext`;
    const session = await h.client.connect({ hosts: [`10.0.0.1'${hostile}`], user: `AZ\\Cloud'Admin${hostile}`, password: SENTINEL });
    await session.createToken({ ...TOKEN_PARAMS, BillingModel: 'Custom', AgreementNumber: hostile, MsAssetTag: `${hostile}-tag`, TokenVersion: '6.0' });
    const [conn, invoke] = h.messages();
    expect(conn?.hosts).toEqual([`10.0.0.1'${hostile}`]);
    expect(conn?.user).toBe(`AZ\\Cloud'Admin${hostile}`);
    expect(invoke?.params).toEqual({ ...TOKEN_PARAMS, BillingModel: 'Custom', AgreementNumber: hostile, MsAssetTag: `${hostile}-tag`, TokenVersion: '6.0' });
    for (const r of h.received().filter((x) => x.kind === 'line')) expect(r.raw).toMatch(/^[\x20-\x7e]*$/);
  });

  it('fails over from an ERCS address that times out and says so', async () => {
    const h = start();
    const session = await h.client.connect({ hosts: ['timeout-10.0.0.224', '10.0.0.225'], user: 'u', password: SENTINEL });
    expect(session.host).toBe('10.0.0.225');
    // The host's notice, with its address and Windows' words apart, so the UI can say it in its language.
    expect(session.notices).toEqual([
      expect.objectContaining({ code: 'session.address-failed', values: { address: 'timeout-10.0.0.224', reason: 'WinRM cannot complete the operation (WinRMOperationTimeout).' } }),
    ]);
  });

  it.each([
    [['untrusted-10.0.0.1'], 'pep-trusted-hosts', /TrustedHosts/],
    [['kerberos-ercs01'], 'pep-trusted-hosts', /TrustedHosts/],
    [['notpep-10.0.0.10'], 'pep-not-privileged-endpoint', /EmergencyConsoleIPAddresses/],
    [['timeout-1', 'timeout-2'], 'pep-unreachable', /another ERCS address/],
  ])('maps a connect failure on %j to %s', async (hosts, code, action) => {
    const h = start();
    const problem = await problemOf(h.client.connect({ hosts, user: 'u', password: SENTINEL }));
    expect(problem.code).toBe(code);
    expect(problem.action).toMatch(action);
    expect(problem.detail).toMatch(/FullyQualifiedErrorId/);
    await eventually(() => h.received().some((r) => r.kind === 'exit'), 'host exit after a failed connect');
  });

  it('reports a refused credential with the CloudAdmin format and does not retry it', async () => {
    const h = start();
    const problem = await problemOf(h.client.connect({ hosts: HOSTS, user: 'CloudAdmin', password: 'wrong-password' }));
    expect(problem).toMatchObject({ code: 'pep-access-denied', retryable: false, reference: 'AccessDenied,PSSessionOpenFailed' });
    expect(problem.action).toContain('<domain>\\CloudAdmin');
    expect(h.messages().filter((m) => m.op === 'connect')).toHaveLength(1);
  });

  it('treats a wrong password by host name (Kerberos LogonFailure) as a credential error, tried once', async () => {
    const h = start({ scenario: 'success,logon-failure' });
    const problem = await problemOf(h.client.connect({ hosts: ['ercs01.azurestack.local', 'ercs02.azurestack.local'], user: 'AZURESTACK\\CloudAdmin', password: SENTINEL }));
    expect(problem).toMatchObject({ code: 'pep-access-denied', retryable: false, reference: 'LogonFailure,PSSessionOpenFailed' });
    expect(h.messages().filter((m) => m.op === 'connect')).toHaveLength(1);
  });

  it.each([
    [['timeout-1'], 'wrong-password', 'pep-access-denied'],
    [['timeout-1', 'timeout-2'], SENTINEL, 'pep-unreachable'],
    [['untrusted-10.0.0.1'], SENTINEL, 'pep-trusted-hosts'],
  ])('classifies a French workstation\'s connect failure on %j by its error ID', async (hosts, password, code) => {
    const h = start({ scenario: 'success,french' });
    const problem = await problemOf(h.client.connect({ hosts, user: 'AZURESTACK\\CloudAdmin', password }));
    expect(problem.code).toBe(code);
    expect(problem.detail).toMatch(/La connexion au serveur distant/);
  });

  it('refuses a host that is not in FullLanguage mode before sending credentials', async () => {
    const h = start({ scenario: 'clm' });
    expect((await problemOf(connect(h))).code).toBe('pep-language-mode');
    expect(h.messages()).toEqual([]);
    await eventually(() => h.received().some((r) => r.kind === 'exit' && (r as { reason?: string }).reason === 'stdin-eof'), 'stdin EOF exit');
  });

  it('reports an execution policy that blocks the script', async () => {
    const h = start({ scenario: 'policy-blocked' });
    const problem = await problemOf(connect(h));
    expect(problem.code).toBe('pep-execution-policy');
    expect(problem.detail).toContain('running scripts is disabled');
  });

  it('reports a missing PowerShell executable', async () => {
    const h = start({ command: '/nonexistent/WindowsPowerShell/v1.0/powershell.exe' });
    expect((await problemOf(connect(h))).code).toBe('pep-powershell-missing');
  });

  it('times out when the host never greets', async () => {
    const h = start({ scenario: 'no-hello', timeouts: { hello: 200 } });
    expect((await problemOf(connect(h))).code).toBe('pep-protocol');
  });

  it('closes every session on closeAll, and each host exits', async () => {
    const h = start();
    const a = await connect(h);
    const b = await connect(h);
    expect(h.client.get(a.id)).toBe(a);
    await h.client.closeAll();
    expect(h.client.get(a.id)).toBeUndefined();
    expect(h.client.get(b.id)).toBeUndefined();
    await eventually(() => h.spawned.every((s) => s.child.exitCode === 0), 'both hosts exited');
  });

  it('abandons a session still busy after the close timeout; stdin EOF stops its host', async () => {
    const h = start({ scenario: 'hang-deaf', timeouts: { close: 150, stampInfo: 60_000 } });
    const session = await connect(h);
    const running = problemOf(session.stampInfo());
    await eventually(() => h.messages().some((m) => m.op === 'invoke'), 'command sent');
    await h.client.closeAll();
    expect(h.client.get(session.id)).toBeUndefined();
    expect((await running).code).toBe('pep-host-crashed');
    await eventually(() => h.received().some((r) => r.kind === 'exit' && (r as { reason?: string }).reason === 'stdin-eof'), 'stdin EOF exit');
  });
});
