import { AppError, isAppError } from '../../shared/contract/problems';
import type { StampInfo, TokenPlan } from '../../shared/domain/types';
import { fromHostError, protocolError } from './errors';
import { exchange } from './exchange';
import type { FinalReply, RecordReply, StopKind } from './exchange';
import type { HostConnection } from './host-connection';
import { encodeLine } from './protocol';
import type { AllowedCmdlet, ParamValue } from './protocol';
import { lineWithSecrets } from './secrets';
import { parseStampInfo } from './stamp-info';
import type { CloseResult, CommandControl, PepRecord, PepSession, PepTimeouts } from './types';
import type { ClientContext, Credentials } from './client-context';

// One PEP connection: one host process and one PSSession, reused for every command; commands run one
// at a time. A crashed host is replaced (and the session reopened) on the next command.

const MUTATING: ReadonlySet<AllowedCmdlet> = new Set(['Set-RegistrationKeyPair', 'New-AzureStackActivation', 'Remove-AzureStackActivation']);
const TRANSIENT_ATTEMPTS = 3;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type RunOptions = { timeout: keyof PepTimeouts; argumentListForm?: boolean };

/** `abandon` ends the host without waiting for queued commands (app shutdown); stdin EOF stops its job. */
export type ManagedSession = PepSession & { abandon(): Promise<void> };

export const createSession = (ctx: ClientContext, creds: Credentials, first: { conn: HostConnection; host: string; notices: string[] }): ManagedSession => {
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
    notices.push(`The PowerShell host was restarted and the session reopened through ${host}.`);
    return conn;
  };

  const stopped = (cmd: AllowedCmdlet) => (kind: StopKind): AppError => {
    const mutating = MUTATING.has(cmd);
    const what = kind === 'timeout' ? `${cmd} did not finish in time and was stopped` : `${cmd} was cancelled`;
    return new AppError(kind, mutating ? `${what}; the stamp may still complete it.` : `${what}.`, {
      action: mutating ? 'Check the state of the stamp before trying again.' : 'Try again.',
      retryable: !mutating,
      detail: mutating ? `outcome-unknown: ${cmd} may still be running on the stamp.` : `${cmd} stopped (${kind}).`,
    });
  };

  const toRecord = (cmd: string, m: RecordReply): PepRecord => {
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
    const line = encodeLine({ op: 'invoke', id: requestId, cmd, params, timeoutMs, ...(opts.argumentListForm ? { argumentListForm: true } : {}) });
    ctx.stats.commands += 1;
    const started = ctx.clock.now().getTime();
    ctx.log.info('PEP command started', { sessionId: id, requestId, cmd, parameters: Object.keys(params) });
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
          ctl.onRecord?.({ ...record, message: ctx.redact(record.message) });
        },
        stopped: stopped(cmd),
      });
    } catch (err) {
      if (isAppError(err) && err.problem.code === 'pep-host-crashed' && MUTATING.has(cmd)) {
        throw new AppError('pep-host-crashed', `The PowerShell host stopped during ${cmd}; the stamp may still complete it.`, {
          ...err.problem,
          retryable: false,
          detail: `outcome-unknown: ${err.problem.detail ?? ''}`,
        });
      }
      throw err;
    }
    const ms = ctx.clock.now().getTime() - started;
    ctx.log.info('PEP command answered', { sessionId: id, requestId, cmd, reply: reply.type, ms });
    if (reply.type === 'error') throw fromHostError(reply.error, { cmdlet: cmd, address: host }, ctx.redact);
    if (reply.type !== 'result') throw protocolError(`"${reply.type}" in answer to ${cmd}`);
    const [firstError] = reply.errors;
    if (firstError && (MUTATING.has(cmd) || reply.output.length === 0)) throw fromHostError(firstError, { cmdlet: cmd, address: host }, ctx.redact);
    for (const e of reply.errors) ctx.log.warn('PEP command reported a non-terminating error', { cmd, message: ctx.redact(e.message), fqid: e.fqid });
    return reply.output;
  };

  /** Runs one allow-listed cmdlet, retrying only transient transport failures. */
  const run = (cmd: AllowedCmdlet, params: Record<string, ParamValue>, ctl: CommandControl = {}, opts: RunOptions) =>
    serial(async () => {
      for (let n = 1; ; n += 1) {
        try {
          return await attempt(cmd, params, ctl, opts);
        } catch (err) {
          const transient = isAppError(err) && err.problem.code === 'pep-unreachable';
          if (!transient || n >= TRANSIENT_ATTEMPTS || ctl.signal?.aborted) throw err;
          ctx.log.warn('PEP command failed with a transient error; retrying', { cmd, attempt: n, code: err.problem.code });
          await ctx.sleep(ctx.timeouts.retryBackoff * n, ctl.signal).catch(() => undefined);
          if (ctl.signal?.aborted) throw stopped(cmd)('cancelled');
        }
      }
    });

  const closeNow = async (): Promise<CloseResult> => {
    closed = true;
    const remaining = 'Transcripts of this session stay on the privileged endpoint';
    try {
      if (!conn.alive()) return { transcriptsCopied: false, notice: `${remaining}: the PowerShell host had already stopped.` };
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
      const copied = reply?.type === 'closed' && reply.transcriptsCopied === true;
      if (copied) return { transcriptsCopied: true };
      const why = share ? `copying them to ${share.path} failed${warnings.length ? `: ${warnings.join(' ')}` : '.'}` : 'no transcript share was configured.';
      return { transcriptsCopied: false, notice: `${remaining}: ${why}` };
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
      const parsed = parseStampInfo(output[0]);
      if (!parsed.ok) throw protocolError('stamp information without a usable CloudID and StampVersion', parsed.issues);
      return parsed.value satisfies StampInfo;
    },
    createToken: async (params, ctl) => {
      const output = await run('New-RegistrationToken', tokenParameters(params), ctl, { timeout: 'token' });
      const first = output[0];
      // Windows PowerShell 5.1 may still wrap the string as { value: "…" } (ETS notes).
      const raw = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'value' in first ? first.value : undefined;
      const token = typeof raw === 'string' ? raw.replace(/\s+/g, '') : '';
      if (token === '' || !BASE64.test(token)) {
        throw new AppError('pep-failed', 'New-RegistrationToken did not return a registration token.', {
          action: 'Try again. If it keeps happening, check the stamp health in the admin portal.',
          retryable: true,
          detail: `Output: ${JSON.stringify(output).slice(0, 300)}`,
        });
      }
      return token;
    },
    setKeyPair: async (ctl) => void (await run('Set-RegistrationKeyPair', {}, ctl, { timeout: 'keyPair' })),
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

/** Exactly the planned parameters; the gated ones only when the plan includes them. */
const tokenParameters = (p: TokenPlan['params']): Record<string, ParamValue> => ({
  BillingModel: p.BillingModel,
  MarketplaceSyndicationEnabled: p.MarketplaceSyndicationEnabled,
  UsageReportingEnabled: p.UsageReportingEnabled,
  AgreementNumber: p.AgreementNumber,
  ...(p.MsAssetTag !== undefined ? { MsAssetTag: p.MsAssetTag } : {}),
  ...(p.TokenVersion !== undefined ? { TokenVersion: p.TokenVersion } : {}),
});
