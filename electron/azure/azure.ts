import { AppError } from '../../shared/contract/problems';
import { resolveCloud } from './clouds';
import { move } from './move';
import { checkPermissions, createRole, listLocations, listRegistrations, listSubscriptions } from './queries';
import { activationKey, register } from './register';
import { createRequestStats } from './request-stats';
import { openSession, type Session } from './session';
import { signInError } from './sign-in-errors';
import type { AzureDeps, AzureService } from './types';
import { unregister } from './unregister';

// The Azure side of registration for the main process. One signed-in session at a time; every call
// goes through its single pipeline. Signing out drops the credential, and with it every token.

const DEFAULT_REGISTRATION_API = '2017-06-01';

export const createAzure = (deps: AzureDeps): AzureService => {
  const stats = createRequestStats(deps.clock);
  let session: Session | undefined;

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
      let signedIn;
      try {
        signedIn = await deps.signIn({
          cloud: cloud.name,
          endpoints: cloud,
          method: req.method,
          ...(req.tenantId ? { tenantId: req.tenantId } : {}),
          onDeviceCode: (prompt) => deps.onDeviceCode?.(prompt),
        });
      } catch (err) {
        throw signInError(err);
      }
      session = openSession({
        ...signedIn,
        cloud,
        ...(deps.tlsCa ? { tlsCa: deps.tlsCa } : {}),
        registrationApiVersion: deps.registrationApiVersion ?? DEFAULT_REGISTRATION_API,
        stats,
        sleep: deps.sleep,
        clock: deps.clock,
        log: deps.log,
      });
      deps.log.info('Signed in to Azure', { cloud: cloud.name, tenantId: signedIn.account.tenantId, practice: signedIn.account.practice });
      return signedIn.account;
    },
    async signOut() {
      session = undefined;
    },
    account: () => session?.account,
    subscriptions: (flow) => inPhase('subscriptions', (s) => listSubscriptions(s, flow)),
    locations: (sub) => inPhase('locations', (s) => listLocations(s, sub)),
    permissions: (sub, rg) => inPhase('permissions', (s) => checkPermissions(s, sub, rg)),
    createRole: (sub) => inPhase('create-role', (s) => createRole(s, sub)),
    registrations: (sub, rg) => inPhase('registrations', (s) => listRegistrations(s, sub, rg)),
    register: async (req, ctl = {}) => register(current(), req, ctl),
    activationKey: async (ref, ctl = {}) => activationKey(current(), ref, ctl),
    unregister: async (req, ctl = {}) => unregister(current(), req, ctl),
    move: async (req, ctl = {}) => move(current(), req, ctl),
    stats: () => stats.stats(),
    resetStats: () => stats.reset(),
  };
};
