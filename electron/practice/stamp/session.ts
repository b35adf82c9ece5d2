import type { CloseMessage, ConnectMessage, HostError, InvokeMessage, PreflightMessage } from '../../pep/protocol';
import type { z } from 'zod';
import { pauseWith, type CmdletContext, type Sleep } from './cmdlet-context';
import { CMDLETS } from './cmdlet-table';
import {
  accessDenied,
  cannotUseIpAddress,
  CmdletError,
  commandNotFound,
  noSession,
  operationTimeout,
  pipelineStopped,
  sessionDropped,
} from './error-records';
import { bindParameters } from './param-binder';
import type { PracticeStampSettings } from './settings';
import type { Clock, Logger, StampStore } from './stamp-store';
import type { Wire } from './wire';

// One PEP host's session: what pep-host.ps1 does with each request, played against the practice
// stamp. Requests arrive one at a time (the host loop serializes them).

export type SessionDeps = {
  wire: Wire;
  settings: PracticeStampSettings;
  store: StampStore;
  clock: Clock;
  log: Logger;
  sleep: Sleep;
  /** Faults that strike once per practice stamp, whichever host process meets them. */
  once: Set<'activation-drop'>;
};

/** TrustedHosts entries match exactly or through `*` wildcards, case-insensitively. */
export const isTrusted = (trustedHosts: string, host: string): boolean =>
  trustedHosts
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .some((e) => new RegExp(`^${e.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`, 'i').test(host));

const trustedHostsOf = (s: PracticeStampSettings): string | null => (s.trustedHosts === undefined ? s.ercsAddresses.join(',') : s.trustedHosts);

/** Whether this ERCS address answers at all (unknown addresses and the "down" one do not). */
export const answers = (s: PracticeStampSettings, host: string): boolean =>
  s.ercsAddresses.includes(host) && !(s.firstAddressDown && host === s.ercsAddresses[0]);

const SILENT = new Set(['silentlycontinue', 'ignore']);

export const createSession = (deps: SessionDeps) => {
  const { wire, settings } = deps;
  let connectedTo: string | undefined;

  const fail = (id: string, error: HostError): void => wire.send({ type: 'error', id, error });

  const connect = async (msg: z.infer<typeof ConnectMessage>, signal: AbortSignal): Promise<void> => {
    const pause = pauseWith(deps.sleep, signal);
    const lang = settings.workstationLanguage;
    const expectedUser = `${settings.domain}\\CloudAdmin`.toLowerCase();
    const notices: string[] = [];
    let lastError: HostError | undefined;
    for (const host of msg.hosts) {
      if (!answers(settings, host)) {
        await pause(settings.durations.unreachableMs);
        lastError = operationTimeout(host, lang);
        // As pep-host.ps1 says it: the address, then Windows' words for why.
        notices.push(`${host} did not open a session: ${lastError.message}`);
        continue;
      }
      // Unreadable for the app's pre-flight, but WinRM itself reads it: the practice workstation trusts the stamp.
      if (!isTrusted(trustedHostsOf(settings) ?? settings.ercsAddresses.join(','), host)) return fail(msg.id, cannotUseIpAddress(host, lang));
      await pause(settings.durations.connectMs);
      // A refused credential ends the connect at once, as pep-host.ps1 does: no retry, no other address.
      if (msg.user.trim().toLowerCase() !== expectedUser || msg.password !== settings.cloudAdminPassword) {
        deps.log.warn('practice stamp: access denied', { host, user: msg.user });
        return fail(msg.id, accessDenied(host, lang));
      }
      connectedTo = host;
      deps.log.info('practice stamp: session opened', { host });
      wire.send({ type: 'connected', id: msg.id, host, ...(notices.length > 0 ? { notices } : {}) });
      return;
    }
    fail(msg.id, lastError ?? operationTimeout(msg.hosts[0] ?? '', lang));
  };

  const invoke = async (msg: z.infer<typeof InvokeMessage>, signal: AbortSignal): Promise<void> => {
    if (connectedTo === undefined) return fail(msg.id, noSession());
    const cmdlet = CMDLETS[msg.cmd];
    const result = (output: unknown[], errors: HostError[]): void => {
      // Logged before it is sent: what the stamp did is on its disk, the app not told yet.
      deps.log.info('practice stamp: answered', { id: msg.id, cmd: msg.cmd, errors: errors.length });
      wire.send({ type: 'result', id: msg.id, output, errors });
    };
    deps.log.info('practice stamp: invoke', { id: msg.id, cmd: msg.cmd, params: Object.keys(msg.params) });
    if (cmdlet.exists && !cmdlet.exists(settings.stampVersion)) return result([], [commandNotFound(msg.cmd)]);
    // As pep-host.ps1 does: the refresh token's own field goes into that one cmdlet's splat, nowhere else.
    const withToken = msg.cmd === 'New-AzureBridgeServicePrincipal' && msg.refreshToken !== undefined ? { ...msg.params, RefreshToken: msg.refreshToken } : msg.params;
    const params =
      msg.cmd === 'New-AzureStackActivation' && settings.faults.activationKeySplatDropped && !msg.argumentListForm
        ? { ...msg.params, ActivationKey: '' }
        : withToken;
    const bound = bindParameters(msg.cmd, cmdlet.params, params, settings.stampVersion);
    if (!bound.ok) return result([], [bound.error]);
    const silentWarnings = SILENT.has(String(bound.common.WarningAction ?? '').toLowerCase());
    const ctx: CmdletContext = {
      settings,
      store: deps.store,
      clock: deps.clock,
      progress: (p) => wire.send({ type: 'progress', id: msg.id, ...p }),
      verbose: (message) => wire.send({ type: 'verbose', id: msg.id, message }),
      warning: (message) => {
        if (!silentWarnings) wire.send({ type: 'warning', id: msg.id, message });
      },
      pause: pauseWith(deps.sleep, signal),
    };
    try {
      const output = await cmdlet.run(ctx, bound.values);
      if (msg.cmd === 'New-AzureStackActivation' && settings.faults.sessionDropsDuringActivation && !deps.once.has('activation-drop')) {
        // The stamp finished; the answer never arrives. The next command reopens the session, as pep-host.ps1 does.
        deps.once.add('activation-drop');
        deps.log.warn('practice stamp: session dropped after activation completed');
        return fail(msg.id, sessionDropped(settings.workstationLanguage));
      }
      result(output, []);
    } catch (err) {
      if (err instanceof CmdletError) return result([], [err.record]);
      throw err;
    }
  };

  return {
    preflight(msg: z.infer<typeof PreflightMessage>): void {
      wire.send({
        type: 'preflight',
        id: msg.id,
        ...(trustedHostsOf(settings) === null
          ? { trustedHosts: null, trustedHostsError: 'Requested registry access is not allowed.' }
          : { trustedHosts: trustedHostsOf(settings), trustedHostsSource: 'client' as const }),
        winrmService: settings.winrmService,
        executionPolicy: 'RemoteSigned',
        executionPolicyScope: 'LocalMachine',
      });
    },
    connect,
    invoke,
    /**
     * Close-PrivilegedEndpoint when a share and its credential are given (transcripts copied), else
     * Remove-PSSession. With `closeBreaksSession` the transport breaks right after the copy, as it can
     * when the endpoint ends the session.
     */
    close(msg: z.infer<typeof CloseMessage>): void {
      const share = connectedTo !== undefined && msg.transcriptShare !== undefined && msg.transcriptShare !== '';
      const credential = msg.shareUser !== undefined && msg.shareUser !== '' && msg.sharePassword !== undefined && msg.sharePassword !== '';
      let transcripts: 'copied' | 'probably-copied' | 'failed' | 'none' = 'none';
      if (share && !credential) {
        transcripts = 'failed';
        wire.send({ type: 'warning', id: msg.id, message: 'The transcript share needs its own credential; the transcripts were not copied.' });
      } else if (share && settings.faults.closeBreaksSession) {
        transcripts = 'probably-copied';
        wire.send({ type: 'warning', id: msg.id, message: `The session ended while Close-PrivilegedEndpoint ran (${sessionDropped(settings.workstationLanguage).message})` });
      } else if (share) transcripts = 'copied';
      if (connectedTo !== undefined) deps.log.info('practice stamp: session closed', { host: connectedTo, transcripts });
      connectedTo = undefined;
      wire.send({ type: 'closed', id: msg.id, transcriptsCopied: transcripts === 'copied', transcripts });
    },
    /** Dead man's switch: the client went away. */
    drop(): void {
      connectedTo = undefined;
    },
    cancelled(id: string): void {
      fail(id, pipelineStopped());
    },
  };
};

export type Session = ReturnType<typeof createSession>;
