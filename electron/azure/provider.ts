import { said } from '../../shared/contract/said';
import { AppError } from '../../shared/contract/problems';
import { toAppError } from './arm-error';
import { phase, type Session } from './session';
import type { Ctl } from './types';

// Microsoft.AzureStack must be Registered in the subscription before any registration call
// (pain point C6). Registering takes seconds to minutes; we poll at a bounded pace.

const NAMESPACE = 'Microsoft.AzureStack';
/** Registering can take well over three minutes; we wait up to ten (cancellable at every wait). */
export const PROVIDER_POLL = { intervalMs: 5_000, budgetMs: 10 * 60_000 };

export const providerState = async (s: Session, sub: string, signal?: AbortSignal): Promise<string> => {
  try {
    const provider = await s.clients.resources(sub).providers.get(NAMESPACE, signal ? { abortSignal: signal } : {});
    return provider.registrationState ?? 'Unknown';
  } catch (err) {
    throw toAppError(err, 'reading the Microsoft.AzureStack provider state', signal);
  }
};

export const ensureProvider = async (s: Session, ctl: Ctl, sub: string): Promise<void> =>
  phase(s, ctl, 'register.provider', said('progress.provider-register', 'Registering the Microsoft.AzureStack resource provider in the subscription'), async () => {
    const rm = s.clients.resources(sub);
    try {
      await rm.providers.register(NAMESPACE, ctl.signal ? { abortSignal: ctl.signal } : {});
    } catch (err) {
      const e = toAppError(err, 'registering the Microsoft.AzureStack resource provider', ctl.signal);
      if (e.problem.code === 'azure-forbidden') {
        throw new AppError('azure-provider-unregistered', 'Microsoft.AzureStack is not registered in this subscription and your account may not register it (Microsoft.AzureStack/register/action).', {
          action: 'Ask a subscription Owner to register it (Subscriptions > Resource providers > Microsoft.AzureStack > Register), then repeat.',
          detail: e.problem.detail,
          ...(e.problem.reference ? { reference: e.problem.reference } : {}),
        });
      }
      throw e;
    }
    let state = 'Registering';
    const deadline = s.clock.now().getTime() + PROVIDER_POLL.budgetMs;
    while (s.clock.now().getTime() < deadline) {
      state = await providerState(s, sub, ctl.signal);
      if (state === 'Registered') return;
      ctl.progress?.('register.provider', said('progress.provider-waiting', `Microsoft.AzureStack is ${state}; checking again shortly (this can take several minutes; you can cancel)`, { state }));
      try {
        await s.sleep(PROVIDER_POLL.intervalMs, ctl.signal);
      } catch (err) {
        const e = toAppError(err, 'waiting for Microsoft.AzureStack to be registered', ctl.signal);
        throw new AppError(e.problem.code, `${e.message} Azure goes on registering the provider; nothing else was changed.`, { retryable: true, action: 'Run Register again when you are ready: it carries on from there.' });
      }
    }
    throw new AppError('azure-provider-unregistered', `Microsoft.AzureStack is still ${state} in this subscription after ${PROVIDER_POLL.budgetMs / 60_000} minutes. Nothing else was changed.`, {
      action: 'Wait until the portal shows it Registered (Subscriptions > Resource providers), then repeat.',
      retryable: true,
    });
  });
