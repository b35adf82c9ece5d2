import { AppError } from '../../shared/contract/problems';
import { describeRoute, type ResolvedRoute } from '../proxy';
import { resolveCloud } from './clouds';
import { move } from './move';
import { checkPermissions, createRole, listLocations, listRegistrations, listSubscriptions } from './queries';
import { activationKey, register, readBeforeRegister, type BeforeRegister } from './register';
import { recoverFromAzure, readRegistrationSide } from './registration-status';
import { ensureRegistrationOwner, missingConnectedActions, readConnectedState } from './registration-owner';
import { createRequestStats } from './request-stats';
import { openSession, type Session } from './session';
import { signInError } from './sign-in-errors';
import type { AzureDeps, AzureService, RegistrationRef } from './types';
import { checkRemovable, findRegistration, unregister } from './unregister';

// The Azure side of registration for the main process. One signed-in session at a time; every call
// goes through its single pipeline. Signing out drops the credential, and with it every token.

const DEFAULT_REGISTRATION_API = '2017-06-01';
/** The calls of `prepare`, sent together: warming up opens that many connections. */
const PREPARE_CALLS = 7;
/**
 * How long what `prepare` read stands in for registration's own reads. Past it (the operator paused)
 * registration reads again; within it, a change made meanwhile by someone else still surfaces as a
 * failed write, reported as such.
 */
const PREPARED_FOR_MS = 2 * 60_000;

const refKey = (r: RegistrationRef): string => [r.subscriptionId, r.resourceGroup, r.registrationName].join('/').toLowerCase();
/** How long a sign-in may wait for the operator: the browser page, or the device code (which Entra ID expires at 15 minutes). */
export const SIGN_IN_LIMIT_MS = { browser: 5 * 60_000, 'device-code': 15 * 60_000 } as const;

const cancelled = () => new AppError('cancelled', 'The sign-in was cancelled.', { action: 'Sign in again when ready.', retryable: true });
const timedOut = (method: keyof typeof SIGN_IN_LIMIT_MS) =>
  new AppError('azure-sign-in', `The sign-in was not completed within ${SIGN_IN_LIMIT_MS[method] / 60_000} minutes, so it was stopped.`, {
    action:
      method === 'browser'
        ? 'Sign in again and finish in the browser window that opens; if no sign-in page appears, choose sign-in with a code.'
        : 'Sign in again and enter the new code within 15 minutes.',
    retryable: true,
  });

export const createAzure = (deps: AzureDeps): AzureService => {
  const stats = createRequestStats(deps.clock);
  let session: Session | undefined;
  let signingIn: AbortController | undefined;
  let prepared: { key: string; at: number; reads: BeforeRegister } | undefined;
  /** What `prepare` read for these names, once, while fresh. */
  const takePrepared = (r: RegistrationRef): BeforeRegister | undefined => {
    const p = prepared;
    prepared = undefined;
    return p && p.key === refKey(r) && deps.clock.now().getTime() - p.at <= PREPARED_FOR_MS ? p.reads : undefined;
  };

  const current = (): Session => {
    if (!session) throw new AppError('azure-not-signed-in', 'You are not signed in to Azure.', { action: 'Sign in to Azure first.' });
    return session;
  };
  const inPhase = async <T>(phase: string, fn: (s: Session) => Promise<T>): Promise<T> => {
    const s = current();
    return stats.inPhase(phase, () => fn(s));
  };

  return {
    async signIn(req) {
      const cloud = resolveCloud(deps.clouds, req.cloud);
      session = undefined;
      prepared = undefined;
      signingIn?.abort(cancelled());
      const controller = new AbortController();
      signingIn = controller;
      const limit = deps.timers.setTimeout(() => controller.abort(timedOut(req.method)), SIGN_IN_LIMIT_MS[req.method]);
      const [login, management] = await Promise.all([deps.routes(cloud.authorityHost), deps.routes(cloud.resourceManager)]);
      let signedIn;
      try {
        controller.signal.throwIfAborted();
        signedIn = await deps.signIn({
          cloud: cloud.name,
          endpoints: cloud,
          method: req.method,
          ...(req.tenantId ? { tenantId: req.tenantId } : {}),
          onDeviceCode: (prompt) => deps.onDeviceCode?.(prompt),
          signal: controller.signal,
          route: login,
        });
      } catch (err) {
        throw signInError(controller.signal.aborted ? controller.signal.reason : err, login);
      } finally {
        deps.timers.clearTimeout(limit);
        if (signingIn === controller) signingIn = undefined;
      }
      session = openSession({
        ...signedIn,
        cloud,
        route: management,
        ...(deps.tlsCa ? { tlsCa: deps.tlsCa } : {}),
        registrationApiVersion: deps.registrationApiVersion ?? DEFAULT_REGISTRATION_API,
        stats,
        sleep: deps.sleep,
        clock: deps.clock,
        log: deps.log,
      });
      deps.log.info('Signed in to Azure', {
        cloud: cloud.name,
        tenantId: signedIn.account.tenantId,
        practice: signedIn.account.practice,
        login: describeRoute(login),
        management: describeRoute(management),
      });
      return signedIn.account;
    },
    cancelSignIn() {
      if (!signingIn) return false;
      signingIn.abort(cancelled());
      return true;
    },
    async connection(name) {
      const cloud = resolveCloud(deps.clouds, name);
      const [login, management] = await Promise.all([deps.routes(cloud.authorityHost), deps.routes(cloud.resourceManager)]);
      const shown = ({ proxyUrl: _dialled, ...route }: ResolvedRoute) => route;
      return { signInClient: deps.signInClient, login: shown(login), management: shown(management) };
    },
    async signOut() {
      session = undefined;
      prepared = undefined;
    },
    account: () => session?.account,
    subscriptions: (flow) => inPhase('subscriptions', (s) => listSubscriptions(s, flow)),
    locations: (sub) => inPhase('locations', (s) => listLocations(s, sub)),
    permissions: (sub, rg) => inPhase('permissions', (s) => checkPermissions(s, sub, rg)),
    warmUp: async () => current().warmUp(PREPARE_CALLS),
    prepare: (ref) =>
      inPhase('prepare', async (s) => {
        const [reads, permissions] = await Promise.all([readBeforeRegister(s, ref), checkPermissions(s, ref.subscriptionId, ref.resourceGroup)]);
        prepared = { key: refKey(ref), at: deps.clock.now().getTime(), reads };
        return { locations: reads[0], permissions };
      }),
    createRole: (sub) => inPhase('create-role', (s) => createRole(s, sub)),
    registrations: (sub, rg) => inPhase('registrations', (s) => listRegistrations(s, sub, rg)),
    findRegistration: (ref, signal) => inPhase('find', (s) => findRegistration(s, ref, signal)),
    register: async (req, ctl = {}) => register(current(), req, ctl, takePrepared(req)),
    activationKey: async (ref, ctl = {}) => activationKey(current(), ref, ctl),
    unregister: async (req, ctl = {}) => unregister(current(), req, ctl),
    removable: (reg, signal) => inPhase('removal-check', (s) => checkRemovable(s, reg, signal)),
    stampRefreshToken: async () => {
      const s = current();
      if (!s.refreshToken) {
        throw new AppError('azure-sign-in', 'This sign-in cannot give the stamp a refresh token.', { action: 'Sign out, then sign in to Azure again (browser or code).' });
      }
      const token = await s.refreshToken().catch((err: unknown) => {
        throw new AppError('azure-sign-in', 'Azure did not give a refresh token the stamp can use for its Azure Bridge service principal.', {
          action: 'Sign in to Azure again interactively (browser or code), then run the connected registration again. With an organisation sign-in client, use the default client (Settings): the stamp needs a token of the Azure PowerShell client family.',
          // MSAL's text names the AADSTS code; it carries no token.
          detail: err instanceof Error ? err.message : String(err),
        });
      });
      return { token: Buffer.from(token, 'utf8'), tenantId: s.account.tenantId, environment: s.account.cloud };
    },
    assignRegistrationOwner: async (ref, principalId, ctl = {}) => ensureRegistrationOwner(current(), ref, principalId, ctl),
    connectedPermissions: (ref) => inPhase('permissions', (s) => missingConnectedActions(s, ref)),
    connectedState: (ref, principalId) => inPhase('connected-state', (s) => readConnectedState(s, ref, principalId)),
    move: async (req, ctl = {}) => move(current(), req, ctl),
    registrationSide: (ref, cloudId) => inPhase('status', (s) => readRegistrationSide(s, ref, cloudId)),
    recoverRegistration: (ref, cloudId) => inPhase('status', (s) => recoverFromAzure(s, ref, cloudId)),
    stats: () => stats.stats(),
    resetStats: () => stats.reset(),
  };
};
