import { z } from 'zod';
import { channels, isChannelName, fail, isAppError, ok } from '../../shared/contract';
import type { Handlers, Result } from '../../shared/contract';
import type { Logger } from '../log';

/** How zod's own messages begin ("Too small: expected string…", "Invalid input…", "Unrecognized key…"). */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized)\b/;

export type Dispatch = (name: string, raw: unknown) => Promise<Result<unknown>>;

/**
 * Validates every payload against its channel schema, calls the handler, and turns anything thrown
 * into a typed Problem. Pure: used by electron/main/ipc.ts and by the browser test harness.
 * Never throws across IPC: a rejected invoke would keep only `message`.
 */
export const createDispatcher =
  (handlers: Handlers, log: Logger): Dispatch =>
  async (name, raw) => {
    if (!isChannelName(name)) return fail('bad-request', `Unknown request "${String(name)}".`);
    const parsed = channels[name].request.safeParse(raw);
    if (!parsed.success) {
      // Plain words for the operator (the schema's own sentences, e.g. "at most three ERCS addresses");
      // zod's generic wording and the paths only under the details.
      const plain = [...new Set(parsed.error.issues.map((i) => i.message).filter((m) => !ZOD_WORDING.test(m)))].slice(0, 3);
      return fail('bad-request', `The request "${name}" was not valid: ${plain.length > 0 ? plain.join(' ') : 'a value entered is not accepted.'}`, {
        action: 'Check the values you entered and try again.',
        detail: z.prettifyError(parsed.error).slice(0, 4000),
      });
    }
    try {
      const handler = handlers[name] as (req: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (err) {
      return toProblem(name, err, log);
    }
  };

const toProblem = (name: string, err: unknown, log: Logger): Result<never> => {
  if (isAppError(err)) {
    log.warn(`${name} failed`, { code: err.problem.code, message: err.problem.message });
    return { ok: false, problem: err.problem };
  }
  // Unexpected: keep the detail in the log, show the operator something they can act on.
  log.error(`${name} failed unexpectedly`, { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  return fail('internal', 'Something went wrong inside AzS Registrar.', {
    action: 'Try again. If it keeps happening, export the diagnostics log and contact support.',
  });
};
