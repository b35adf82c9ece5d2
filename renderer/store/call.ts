import type { Problem, Result } from '../../shared/contract';
import { i18n } from '../i18n';
import { azureGone } from './reconcile';
import type { AppState, Scope, Slice } from './types';

type SetState = Parameters<Slice<unknown>>[0];
type GetState = () => AppState;

const AZURE_SESSION_GONE: ReadonlySet<Problem['code']> = new Set(['azure-not-signed-in', 'azure-credential-expired']);

/**
 * Runs one `window.api` call for a scope: marks it busy, records its problem, and reacts to
 * problems that mean a session is gone (PEP session closed, Azure sign-in expired).
 */
export const makeCall =
  (set: SetState, get: GetState) =>
  async <T>(scope: Scope, label: string, fn: () => Promise<Result<T>>): Promise<T | undefined> => {
    set((s) => ({ busy: { ...s.busy, [scope]: label }, problems: { ...s.problems, [scope]: undefined } }));
    let result: Result<T>;
    try {
      result = await fn();
    } catch (err) {
      // window.api never rejects by contract; a broken bridge still deserves a readable message.
      result = {
        ok: false,
        problem: { code: 'internal', message: i18n.t('problem.unreachable'), retryable: true, detail: String(err) },
      };
    }
    set((s) => ({ busy: { ...s.busy, [scope]: undefined } }));
    if (result.ok) return result.value;
    const problem = result.problem;
    set((s) => ({ problems: { ...s.problems, [scope]: problem } }));
    if (problem.code === 'session-missing' && get().stamp.sessionId) {
      set((s) => ({ stamp: { ...s.stamp, sessionId: undefined, host: undefined } }));
    }
    if (AZURE_SESSION_GONE.has(problem.code)) set((s) => ({ reg: azureGone(s.reg) }));
    return undefined;
  };
