import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/problems';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import type { PreflightReport } from '../../shared/domain/types';
import type { ClientContext, Credentials } from './client-context';
import { fromHostError, languageModeRefused, protocolError } from './errors';
import { exchange } from './exchange';
import { startHost } from './host-connection';
import type { HostConnection, Hello } from './host-connection';
import { runPreflight } from './preflight';
import { PROTOCOL_VERSION } from './protocol';
import { lineWithSecrets, redactWith, toSecret } from './secrets';
import { createSession } from './session';
import type { ManagedSession } from './session';
import type { ConnectRequest, PepClientDeps, PepSession, PepStats, PepTimeouts } from './types';

const MINUTE = 60_000;
const DEFAULT_TIMEOUTS: PepTimeouts = {
  hello: 2 * MINUTE,
  // Three ERCS addresses, three tries each for network errors (a refused credential: one try), 10 s apart,
  // each try bounded by WinRM's own timeout.
  connect: 30 * MINUTE,
  preflight: 2 * MINUTE,
  stampInfo: 10 * MINUTE,
  token: 15 * MINUTE,
  keyPair: 15 * MINUTE,
  servicePrincipal: 35 * MINUTE,
  activation: 35 * MINUTE,
  removeActivation: 35 * MINUTE,
  close: 10 * MINUTE,
  cancelGrace: 30_000,
  exitGrace: 15_000,
  probe: 5_000,
  retryBackoff: 10_000,
};
/** A notice of the host's connect (pep-host.ps1: "<address> did not open a session: <why>", the why in Windows' words). */
const hostNotice = (notice: string): Said => {
  const failed = /^(\S+) did not open a session: (.*)$/s.exec(notice);
  return failed ? said('session.address-failed', notice, { address: failed[1] ?? '', reason: failed[2] ?? '' }) : said('session.host-said', notice, { words: notice });
};

const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
const IDLE_TIMEOUT_MS = 3_600_000;

export type PepClient = {
  preflight(hosts: string[]): Promise<PreflightReport>;
  connect(req: ConnectRequest): Promise<PepSession>;
  get(sessionId: string): PepSession | undefined;
  closeAll(): Promise<void>;
  stats(): PepStats;
};

export const createPepClient = (deps: PepClientDeps): PepClient => {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  const stats: PepStats = { hostsSpawned: 0, sessionsOpened: 0, commands: 0 };
  const sessions = new Map<string, ManagedSession>();
  const liveSecrets = new Set<Buffer>();
  const redact = redactWith(() => [...liveSecrets]);
  let requests = 0;

  const launch = async (): Promise<{ conn: HostConnection; hello: Hello }> => {
    const conn = startHost({ spawn: deps.spawn, host: deps.host, log: deps.log, sleep: deps.sleep, redact, maxLineBytes: deps.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES });
    stats.hostsSpawned += 1;
    const timer = new AbortController();
    const late = deps.sleep(timeouts.hello, timer.signal).then(
      () => 'late' as const,
      () => 'aborted' as const,
    );
    try {
      const hello = await Promise.race([conn.hello, late]);
      if (typeof hello === 'string') {
        const err = protocolError('no greeting from the PowerShell host in time');
        conn.kill(err);
        throw err;
      }
      if (hello.protocol !== PROTOCOL_VERSION) {
        const err = protocolError(`protocol version ${hello.protocol}, expected ${PROTOCOL_VERSION}`);
        await conn.shutdown(timeouts.exitGrace);
        throw err;
      }
      deps.log.info('PEP host started', { pid: conn.pid, ps: hello.ps, edition: hello.edition, lang: hello.lang });
      return { conn, hello };
    } finally {
      timer.abort();
    }
  };

  const open = async (creds: Credentials) => {
    const { conn, hello } = await launch();
    if (hello.lang !== 'FullLanguage') {
      await conn.shutdown(timeouts.exitGrace);
      throw languageModeRefused(hello.lang);
    }
    const id = ctx.nextRequestId();
    const message = { op: 'connect', id, hosts: creds.hosts, user: creds.user, culture: 'en-US', idleTimeoutMs: IDLE_TIMEOUT_MS };
    const line = lineWithSecrets(message, [['password', creds.password]]);
    try {
      const reply = await exchange(conn, id, line, {
        sleep: deps.sleep,
        timeoutMs: timeouts.connect,
        cancelGraceMs: timeouts.cancelGrace,
        stopped: (kind) => new AppError('pep-unreachable', 'No privileged endpoint address answered in time.', { action: 'Check the ERCS addresses and the network path to port 5985.', retryable: true, detail: kind }),
      });
      if (reply.type === 'connected') {
        stats.sessionsOpened += 1;
        deps.log.info('PEP session opened', { host: reply.host, pid: conn.pid });
        return { conn, host: reply.host, notices: (reply.notices ?? []).map((n) => hostNotice(redact(n))) };
      }
      const err = reply.type === 'error' ? fromHostError(reply.error, { address: creds.hosts.join(', ') }, redact) : protocolError(`"${reply.type}" in answer to connect`);
      await conn.shutdown(timeouts.exitGrace);
      throw err;
    } finally {
      line.fill(0);
    }
  };

  const ctx: ClientContext = {
    clock: deps.clock,
    log: deps.log,
    sleep: deps.sleep,
    timeouts,
    stats,
    redact,
    holdSecret: (secret) => {
      liveSecrets.add(secret);
      return () => void liveSecrets.delete(secret);
    },
    newId: () => randomUUID(),
    nextRequestId: () => `r${(requests += 1)}`,
    open,
    forget: (id) => void sessions.delete(id),
  };

  const credentials = (req: ConnectRequest): Credentials => {
    const password = toSecret(req.password);
    const share = req.transcriptShare && { path: req.transcriptShare.path, user: req.transcriptShare.user, password: toSecret(req.transcriptShare.password) };
    const buffers = [password, ...(share ? [share.password] : [])];
    for (const b of buffers) liveSecrets.add(b);
    return {
      hosts: [...req.hosts],
      user: req.user,
      password,
      ...(share ? { share } : {}),
      wipe: () => {
        for (const b of buffers) {
          b.fill(0);
          liveSecrets.delete(b);
        }
      },
    };
  };

  return {
    preflight: (hosts) => runPreflight({ launch, probePort: deps.probePort, sleep: deps.sleep, log: deps.log, timeouts, nextRequestId: ctx.nextRequestId }, hosts),
    connect: async (req) => {
      if (req.hosts.length < 1 || req.hosts.length > 3) {
        throw new AppError('bad-request', 'Give one to three privileged endpoint (ERCS) addresses.');
      }
      const creds = credentials(req);
      try {
        const first = await open(creds);
        const session = createSession(ctx, creds, first);
        sessions.set(session.id, session);
        return session;
      } catch (err) {
        creds.wipe();
        throw err;
      }
    },
    get: (id) => sessions.get(id),
    // Closes cleanly when the session is idle; a session still busy after the close timeout is abandoned.
    closeAll: async () => {
      await Promise.all(
        [...sessions.values()].map(async (s) => {
          const timer = new AbortController();
          const late = deps.sleep(timeouts.close, timer.signal).then(
            () => true,
            () => false,
          );
          const tooLate = await Promise.race([s.close().then(() => false, () => false), late]);
          timer.abort();
          if (tooLate) await s.abandon();
        }),
      );
    },
    stats: () => ({ ...stats }),
  };
};
