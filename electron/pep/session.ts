import { AppError, isAppError } from '../../shared/contract/problems';
import { said } from '../../shared/contract/said';
import type { Said } from '../../shared/contract/said';
import type { StampInfo, TokenPlan } from '../../shared/domain/types';
import { fromHostError, protocolError } from './errors';
import { exchange } from './exchange';
import type { FinalReply, RecordReply, StopKind } from './exchange';
import type { HostConnection } from './host-connection';
import { encodeLine } from './protocol';
import type { AllowedCmdlet, HostError, ParamValue } from './protocol';
import { lineWithSecrets } from './secrets';
import type { SecretField } from './secrets';
import { parseStampInfo } from './stamp-info';
import type { CloseResult, CommandControl, PepRecord, PepSession, PepTimeouts } from './types';
import type { ClientContext, Credentials } from './client-context';

// One PEP connection: one host process and one PSSession, reused for every command; commands run one
// at a time. A crashed host is replaced (and the session reopened) on the next command. Commands that
// change the stamp are never repeated: when the connection breaks during one, its outcome is unknown.

const MUTATING: ReadonlySet<AllowedCmdlet> = new Set(['Set-RegistrationKeyPair', 'New-AzureStackActivation', 'Remove-AzureStackActivation']);
const TRANSIENT_ATTEMPTS = 3;
/** How many of the last verbose and warning lines travel with an error. */
const RECENT_LINES = 20;

/** What may have happened, and the check that settles it, per command that changes the stamp. */
const UNKNOWN_OUTCOME: Record<string, { what: string; check: string }> = {
  'New-AzureStackActivation': {
    what: 'the stamp may be activated anyway',
    check:
      'Do not activate again yet. Check the activation state: in the administrator portal, Region management > Properties shows whether the stamp is activated (reconnecting also reads the stamp information again). If it is activated, mark the hand-off as activated; if not, activate again.',
  },
  'Remove-AzureStackActivation': {
    what: 'the activation may be removed anyway',
    check:
      'Check the activation state in the administrator portal (Region management > Properties) before trying again; reconnecting reads the stamp information again.',
  },
  'Set-RegistrationKeyPair': {
    what: "the stamp's registration key pair may have been replaced",
    check: 'Reconnect (the stamp information is read again) and create the registration token again: a token made before a key pair change no longer matches.',
  },
};

const outcomeUnknown = (cmd: AllowedCmdlet, why: string, cause: AppError['problem']): AppError => {
  const o = UNKNOWN_OUTCOME[cmd] ?? { what: 'it may have taken effect', check: 'Check the state of the stamp before trying again.' };
  return new AppError('pep-outcome-unknown', `${why} while ${cmd} ran: ${o.what}.`, {
    action: o.check,
    retryable: false,
    detail: `${cause.message}${cause.detail ? `\n${cause.detail}` : ''}`,
    ...(cause.reference ? { reference: cause.reference } : {}),
  });
};

/** Errors during a command that changes the stamp that leave its outcome open. */
const LEAVES_OUTCOME_OPEN = new Set(['pep-unreachable', 'pep-host-crashed', 'timeout']);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type RunOptions = { timeout: keyof PepTimeouts; argumentListForm?: boolean; secrets?: readonly SecretField[] };

/** `abandon` ends the host without waiting for queued commands (app shutdown); stdin EOF stops its job. */
export type ManagedSession = PepSession & { abandon(): Promise<void> };

export const createSession = (ctx: ClientContext, creds: Credentials, first: { conn: HostConnection; host: string; notices: Said[] }): ManagedSession => {
  const id = ctx.newId();
  let conn = first.conn;
  let host = first.host;
  let closed = false;
  let closing: Promise<CloseResult> | undefined;
  const notices = [...first.notices];
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const ensureHost = async (): Promise<HostConnection> => {
    if (closed) throw new AppError('session-missing', 'This privileged endpoint session is closed.', { action: 'Connect again.' });
    if (conn.alive()) return conn;
    ctx.log.warn('PEP host is gone; starting a new one and reopening the session', { sessionId: id });
    const opened = await ctx.open(creds);
    conn = opened.conn;
    host = opened.host;
    notices.push(said('session.host-restarted', `The PowerShell host was restarted and the session reopened through ${host}.`, { host }));
    return conn;
  };

  const stopped = (cmd: AllowedCmdlet) => (kind: StopKind): AppError => {
    const what = kind === 'timeout' ? `${cmd} did not finish in time and was stopped` : `${cmd} was cancelled`;
    return new AppError(kind, MUTATING.has(cmd) ? `${what}; the stamp may still complete it.` : `${what}.`, {
      action: MUTATING.has(cmd) ? 'Check the state of the stamp before trying again.' : 'Try again.',
      retryable: !MUTATING.has(cmd),
      detail: `${cmd} stopped (${kind}).`,
    });
  };

  const toRecord = (cmd: string, m: RecordReply): PepRecord & { message: string } => {
    if (m.type === 'progress') {
      const percent = m.percent !== undefined && m.percent >= 0 && m.percent <= 100 ? { percent: m.percent } : {};
      return { level: 'progress', phase: m.activity || cmd, message: m.status || m.activity, ...percent };
    }
    return { level: m.type === 'information' ? 'info' : m.type, phase: cmd, message: m.message };
  };

  const attempt = async (cmd: AllowedCmdlet, params: Record<string, ParamValue>, ctl: CommandControl, opts: RunOptions): Promise<unknown[]> => {
    const c = await ensureHost();
    const requestId = ctx.nextRequestId();
    const timeoutMs = ctx.timeouts[opts.timeout];
    const message = { op: 'invoke', id: requestId, cmd, params, timeoutMs, ...(opts.argumentListForm ? { argumentListForm: true } : {}) };
    // A secret (the refresh token) is spliced into the line as its own field, as the password is, and wiped after.
    const line = opts.secrets ? lineWithSecrets(message, opts.secrets) : encodeLine(message);
    ctx.stats.commands += 1;
    const started = ctx.clock.now().getTime();
    ctx.log.info('PEP command started', { sessionId: id, requestId, cmd, parameters: Object.keys(params) });
    const recent: string[] = [];
    let reply: FinalReply;
    try {
      reply = await exchange(c, requestId, line, {
        sleep: ctx.sleep,
        timeoutMs,
        cancelGraceMs: ctx.timeouts.cancelGrace,
        ...(ctl.signal ? { signal: ctl.signal } : {}),
        onRecord: (m) => {
          const record = toRecord(cmd, m);
          if (record.level === 'warning') ctx.log.warn('PEP warning', { cmd, message: ctx.redact(record.message) });
          if (record.level === 'warning' || record.level === 'verbose') {
            recent.push(ctx.redact(record.message));
            if (recent.length > RECENT_LINES) recent.shift();
          }
          ctl.onRecord?.({ ...record, message: ctx.redact(record.message) });
        },
        stopped: stopped(cmd),
      });
    } catch (err) {
      if (isAppError(err) && MUTATING.has(cmd) && LEAVES_OUTCOME_OPEN.has(err.problem.code)) {
        throw outcomeUnknown(cmd, err.problem.code === 'timeout' ? 'AzS Registrar stopped waiting' : 'The PowerShell host stopped', err.problem);
      }
      throw err;
    } finally {
      if (typeof line !== 'string') line.fill(0);
    }
    const ms = ctx.clock.now().getTime() - started;
    ctx.log.info('PEP command answered', { sessionId: id, requestId, cmd, reply: reply.type, ms });
    const failure = (e: HostError): AppError => {
      const err = fromHostError(e, { cmdlet: cmd, address: host, recent }, ctx.redact);
      // The stamp did not answer to the end, the job was left Blocked/Disconnected, or the host stopped it
      // (its own deadline): it may have carried on.
      if (!MUTATING.has(cmd)) return err;
      if (err.problem.code === 'pep-unreachable' || /^Job(Blocked|Disconnected)$/.test(e.fqid ?? '')) {
        return outcomeUnknown(cmd, 'The connection to the privileged endpoint broke', err.problem);
      }
      return e.fqid === 'PipelineStopped' ? outcomeUnknown(cmd, 'The PowerShell host stopped the command', err.problem) : err;
    };
    if (reply.type === 'error') throw failure(reply.error);
    if (reply.type !== 'result') throw protocolError(`"${reply.type}" in answer to ${cmd}`);
    const [firstError] = reply.errors;
    if (firstError && (MUTATING.has(cmd) || reply.output.length === 0)) throw failure(firstError);
    for (const e of reply.errors) ctx.log.warn('PEP command reported a non-terminating error', { cmd, message: ctx.redact(e.message), fqid: e.fqid });
    return reply.output;
  };

  /** Runs one allow-listed cmdlet, retrying only transport failures of commands that only read. */
  const run = (cmd: AllowedCmdlet, params: Record<string, ParamValue>, ctl: CommandControl = {}, opts: RunOptions) =>
    serial(async () => {
      for (let n = 1; ; n += 1) {
        try {
          return await attempt(cmd, params, ctl, opts);
        } catch (err) {
          const transient = isAppError(err) && err.problem.code === 'pep-unreachable' && !MUTATING.has(cmd);
          if (!transient || n >= TRANSIENT_ATTEMPTS || ctl.signal?.aborted) throw err;
          ctx.log.warn('PEP command failed with a transient error; retrying', { cmd, attempt: n, code: err.problem.code });
          const seconds = (ctx.timeouts.retryBackoff * n) / 1000;
          const limit = TRANSIENT_ATTEMPTS - 1;
          ctl.onRecord?.({
            level: 'info',
            phase: cmd,
            message: said('session.retry', `The privileged endpoint did not answer ${cmd}: trying again in ${seconds} s (${n} of ${limit}).`, { cmd, seconds, attempt: n, limit }),
          });
          await ctx.sleep(ctx.timeouts.retryBackoff * n, ctl.signal).catch(() => undefined);
          if (ctl.signal?.aborted) throw stopped(cmd)('cancelled');
        }
      }
    });

  const closeNow = async (): Promise<CloseResult> => {
    closed = true;
    const remaining = 'Transcripts of this session stay on the privileged endpoint';
    try {
      if (!conn.alive()) return { transcriptsCopied: false, notice: said('session.transcripts-host-stopped', `${remaining}: the PowerShell host had already stopped.`) };
      const requestId = ctx.nextRequestId();
      const share = creds.share;
      const message = { op: 'close', id: requestId, ...(share ? { transcriptShare: share.path, shareUser: share.user } : {}) };
      const line = share ? lineWithSecrets(message, [['sharePassword', share.password]]) : encodeLine(message);
      const warnings: string[] = [];
      const reply = await exchange(conn, requestId, line, {
        sleep: ctx.sleep,
        timeoutMs: ctx.timeouts.close,
        cancelGraceMs: ctx.timeouts.cancelGrace,
        onRecord: (m) => void (m.type === 'warning' && warnings.push(ctx.redact(m.message))),
        stopped: () => protocolError('no answer to close'),
      }).catch((err: unknown) => {
        ctx.log.warn('PEP session did not close cleanly', { sessionId: id, error: isAppError(err) ? err.problem.code : String(err) });
        return undefined;
      });
      if (typeof line !== 'string') line.fill(0);
      const closed = reply?.type === 'closed' ? reply : undefined;
      const copied = closed?.transcriptsCopied === true;
      if (copied) return { transcriptsCopied: true };
      if (!share) return { transcriptsCopied: false, notice: said('session.transcripts-no-share', `${remaining}: no transcript share was configured.`) };
      // Close-PrivilegedEndpoint ends the session itself: a broken transport right after it is the expected end.
      if (closed?.transcripts === 'probably-copied' || closed === undefined) {
        return {
          transcriptsCopied: false,
          notice: said(
            'session.transcripts-probably-copied',
            `The session ended while Close-PrivilegedEndpoint ran, so its answer was not seen: the transcripts were probably copied. Check ${share.path} for them.`,
            { share: share.path },
          ),
        };
      }
      return {
        transcriptsCopied: false,
        notice: warnings.length
          ? said('session.transcripts-copy-failed-because', `${remaining}: copying them to ${share.path} failed: ${warnings.join(' ')}`, { share: share.path, warnings: warnings.join(' ') })
          : said('session.transcripts-copy-failed', `${remaining}: copying them to ${share.path} failed.`, { share: share.path }),
      };
    } finally {
      await conn.shutdown(ctx.timeouts.exitGrace);
      creds.wipe();
      ctx.forget(id);
    }
  };

  return {
    id,
    get host() {
      return host;
    },
    notices,
    stampInfo: async (ctl) => {
      const output = await run('Get-AzureStackStampInformation', { WarningAction: 'SilentlyContinue' }, ctl, { timeout: 'stampInfo' });
      // The first object with a CloudID: stray strings or host records may come before it.
      const parsed = parseStampInfo(output.find((o) => typeof o === 'object' && o !== null && 'CloudID' in o) ?? output[0]);
      if (!parsed.ok) throw protocolError('stamp information without a usable CloudID and StampVersion', parsed.issues);
      return parsed.value satisfies StampInfo;
    },
    createToken: async (params, ctl) => {
      const output = await run('New-RegistrationToken', tokenParameters(params), ctl, { timeout: 'token' });
      // The first base64 string: stray text may come before the token.
      const token = output.map(tokenText).find((t) => t !== '' && BASE64.test(t)) ?? '';
      if (token === '') {
        throw new AppError('pep-failed', 'New-RegistrationToken did not return a registration token.', {
          action: 'Try again. If it keeps happening, check the stamp health in the admin portal.',
          retryable: true,
          detail: `Output: ${JSON.stringify(output).slice(0, 300)}`,
        });
      }
      return token;
    },
    setKeyPair: async (ctl) => void (await run('Set-RegistrationKeyPair', {}, ctl, { timeout: 'keyPair' })),
    bridgeServicePrincipal: async (req, ctl) => {
      const release = ctx.holdSecret(req.refreshToken);
      try {
        const params = { AzureEnvironment: req.azureEnvironment, TenantId: req.tenantId, TimeoutInSeconds: 1800 };
        const output = await run('New-AzureBridgeServicePrincipal', params, ctl, { timeout: 'servicePrincipal', secrets: [['refreshToken', req.refreshToken]] });
        const objectId = output.map(objectIdOf).find((o) => o !== undefined);
        if (!objectId) {
          throw new AppError('pep-failed', 'New-AzureBridgeServicePrincipal did not return the ObjectId of the Azure Bridge service principal.', {
            action: 'Run the connected registration again. If it keeps happening, check the stamp health in the admin portal.',
            retryable: true,
            detail: `Output: ${ctx.redact(JSON.stringify(output)).slice(0, 300)}`,
          });
        }
        return objectId;
      } finally {
        release();
      }
    },
    activate: async (activationKey, ctl) => {
      const key = activationKey.trim();
      if (key === '') throw new AppError('pep-empty-activation-key', 'The activation key is empty.', { action: 'Import the activation key file again.' });
      const params = { ActivationKey: key, TimeoutInSeconds: 1800 };
      try {
        await run('New-AzureStackActivation', params, ctl, { timeout: 'activation' });
      } catch (err) {
        if (!isAppError(err) || err.problem.code !== 'pep-empty-activation-key') throw err;
        // AzureStack-Tools#593: the key can arrive empty through $using:; the -ArgumentList form avoids it.
        ctx.log.warn('Activation key arrived empty through $using:; retrying with the -ArgumentList form', { sessionId: id });
        await run('New-AzureStackActivation', params, ctl, { timeout: 'activation', argumentListForm: true });
      }
    },
    removeActivation: async (ctl) => void (await run('Remove-AzureStackActivation', {}, ctl, { timeout: 'removeActivation' })),
    close: () => (closing ??= serial(closeNow)),
    abandon: async () => {
      closed = true;
      await conn.shutdown(ctx.timeouts.exitGrace);
      creds.wipe();
      ctx.forget(id);
    },
  };
};

/** An output item as token text: a string, or Windows PowerShell 5.1's { value: "…" } wrapping (ETS notes). */
const tokenText = (item: unknown): string => {
  const raw = typeof item === 'object' && item !== null && 'value' in item ? item.value : item;
  return typeof raw === 'string' ? raw.replace(/\s+/g, '') : '';
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The principal's ObjectId from an output item ({ ObjectId } as the official module reads it). */
const objectIdOf = (item: unknown): string | undefined => {
  const raw = typeof item === 'object' && item !== null && 'ObjectId' in item ? item.ObjectId : undefined;
  return typeof raw === 'string' && GUID.test(raw.trim()) ? raw.trim() : undefined;
};

/** Exactly the planned parameters; the gated ones only when the plan includes them. */
const tokenParameters = (p: TokenPlan['params']): Record<string, ParamValue> => ({
  BillingModel: p.BillingModel,
  MarketplaceSyndicationEnabled: p.MarketplaceSyndicationEnabled,
  UsageReportingEnabled: p.UsageReportingEnabled,
  AgreementNumber: p.AgreementNumber,
  ...(p.MsAssetTag !== undefined ? { MsAssetTag: p.MsAssetTag } : {}),
  ...(p.TokenVersion !== undefined ? { TokenVersion: p.TokenVersion } : {}),
});
