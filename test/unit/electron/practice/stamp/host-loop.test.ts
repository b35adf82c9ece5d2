import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../../../electron/pep/protocol';
import {
  CONNECT,
  connectedHost,
  endlessSleep,
  invoke,
  makeStamp,
  spawnHost,
} from '../../../../fixtures/practice-stamp/driver';

describe('practice stamp host loop', () => {
  it('announces itself like Windows PowerShell 5.1 in FullLanguage mode', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const hello = await host.waitFor(() => host.messages[0]);
    expect(hello).toEqual({ type: 'hello', ps: '5.1.19041.0', edition: 'Desktop', lang: 'FullLanguage', protocol: PROTOCOL_VERSION });
    expect(host.proc.pid).toBeUndefined();
    host.proc.stdin.end();
    await host.exit;
  });

  it('ignores garbage lines: no answer on stdout, a note on stderr, and keeps serving', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    host.sendRaw('this is not json');
    host.sendRaw(JSON.stringify({ op: 'explode', id: 'x1' }));
    host.sendRaw(JSON.stringify({ ...CONNECT, id: 'bad', culture: 'fr-FR' }));
    await host.waitForStderr('invalid request (culture)');
    expect(host.stderr()).toContain('not JSON');
    expect(host.stderr()).not.toContain(CONNECT.password);
    const { final } = await host.request({ op: 'preflight', id: 'p1', hosts: ['10.20.30.224'] });
    expect(final.type).toBe('preflight');
    expect(host.messages.map((m) => m.type)).toEqual(['hello', 'preflight']);
    host.proc.stdin.end();
    await host.exit;
  });

  it('writes only ASCII lines, escaping non-ASCII characters', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    await host.request(invoke('t1', 'New-RegistrationToken', { BillingModel: 'Capacity', AgreementNumber: 'EA-ÄÖ-42', UsageReportingEnabled: true }));
    expect(host.rawLines.length).toBeGreaterThan(3);
    for (const line of host.rawLines) expect(line).toMatch(/^[\x20-\x7e]*$/);
    host.proc.stdin.end();
    await host.exit;
  });

  it('exits when stdin ends (dead man switch), stopping the running command', async () => {
    let started: () => void = () => undefined;
    const connecting = new Promise<void>((resolve) => (started = resolve));
    const sleep = (): Promise<void> => {
      started();
      return endlessSleep();
    };
    const { stamp } = await makeStamp({ sleep });
    const host = spawnHost(stamp);
    host.send({ ...CONNECT, id: 'c1', hosts: [...CONNECT.hosts] });
    await connecting; // connect is now waiting forever
    host.proc.stdin.end();
    await expect(host.exit).resolves.toBe(0);
  });

  it('cancel stops the running command with PipelineStopped and the session stays usable', async () => {
    let calls = 0;
    const sleep = (): Promise<void> => (++calls > 1 ? endlessSleep() : Promise.resolve());
    const { stamp } = await makeStamp({ sleep, settings: { durations: { connectMs: 1 } } });
    const host = await connectedHost(stamp);
    host.send(invoke('t1', 'New-RegistrationToken', { BillingModel: 'Development' }));
    await host.waitFor(() => host.messages.find((m) => m.type === 'progress' && m.id === 't1'));
    host.send({ op: 'cancel', id: 't1' });
    const { final } = await host.answer('t1');
    expect(final).toEqual({
      type: 'error',
      id: 't1',
      error: {
        message: 'The pipeline has been stopped.',
        fqid: 'PipelineStopped',
        category: 'OperationStopped',
        reason: 'PipelineStoppedException',
        type: 'System.Management.Automation.PipelineStoppedException',
        origin: 'local',
      },
    });
    expect(host.messages.some((m) => m.type === 'result' && m.id === 't1')).toBe(false);
    host.proc.kill();
    await host.exit;
  });

  it('cancel of a queued request answers it with PipelineStopped without running it', async () => {
    const { stamp } = await makeStamp({ sleep: endlessSleep });
    const host = spawnHost(stamp);
    host.send({ ...CONNECT, id: 'c1', hosts: [...CONNECT.hosts] });
    host.send({ op: 'preflight', id: 'p1', hosts: ['10.20.30.224'] });
    host.send({ op: 'cancel', id: 'p1' });
    const { final } = await host.answer('p1');
    expect(final.type).toBe('error');
    expect(host.messages.some((m) => m.type === 'preflight')).toBe(false);
    host.proc.kill();
    await host.exit;
  });

  it('close answers closed, copies transcripts when a share is given, then exits', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const { final } = await host.request({ op: 'close', id: 'x1', transcriptShare: '\\\\server\\share', shareUser: 'u', sharePassword: 'p' });
    expect(final).toEqual({ type: 'closed', id: 'x1', transcriptsCopied: true, transcripts: 'copied' });
    await expect(host.exit).resolves.toBe(0);

    const other = await connectedHost(stamp);
    expect((await other.request({ op: 'close', id: 'x2' })).final).toEqual({ type: 'closed', id: 'x2', transcriptsCopied: false, transcripts: 'none' });
    await other.exit;

    // Without the share credential Close-PrivilegedEndpoint would prompt: it is not run.
    const third = await connectedHost(stamp);
    const { final: refused, stream } = await third.request({ op: 'close', id: 'x3', transcriptShare: '\\\\server\\share' });
    expect(refused).toEqual({ type: 'closed', id: 'x3', transcriptsCopied: false, transcripts: 'failed' });
    expect(stream.some((m) => m.type === 'warning' && /needs its own credential/.test(m.message))).toBe(true);
    await third.exit;
  });

  it('kill ends the process with a signal', async () => {
    const { stamp } = await makeStamp();
    const host = spawnHost(stamp);
    const exit = new Promise<unknown[]>((resolve) => host.proc.once('exit', (...args) => resolve(args)));
    expect(host.proc.kill()).toBe(true);
    expect(await exit).toEqual([null, 'SIGTERM']);
    expect(host.proc.kill()).toBe(false);
  });

  it('refuses a second pending request with the same id', async () => {
    const { stamp } = await makeStamp({ sleep: endlessSleep });
    const host = spawnHost(stamp);
    host.send({ ...CONNECT, id: 'c1', hosts: [...CONNECT.hosts] });
    host.send({ op: 'preflight', id: 'c1', hosts: ['10.20.30.224'] });
    const { final } = await host.answer('c1');
    expect(final).toMatchObject({ type: 'error', error: { message: "A request with id 'c1' is already pending." } });
    host.proc.kill();
  });
});
