import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { Handlers } from '../../../../shared/contract';
import { createDispatcher } from '../../../../electron/ipc/dispatcher';
import { memoryLogger } from '../../../../electron/log';

const handlersWith = (overrides: Partial<Handlers>): Handlers =>
  new Proxy(overrides as Handlers, {
    get: (target, name: string) =>
      (target as Record<string, unknown>)[name] ??
      (() => Promise.reject(new Error(`handler ${name} not expected in this test`))),
  });

describe('createDispatcher', () => {
  it('refuses an unknown channel', async () => {
    const dispatch = createDispatcher(handlersWith({}), memoryLogger());
    const res = await dispatch('shell.exec', {});
    expect(res).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
  });

  it('validates the payload before the handler runs', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlersWith({ 'pep.connect': async () => ((called = true), { sessionId: 's', host: 'h', stamp: { cloudId: 'c', stampVersion: '1', emergencyConsoleIpAddresses: [] }, notices: [] }) }),
      memoryLogger(),
    );
    const res = await dispatch('pep.connect', { hosts: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'], user: 'a', password: 'b' });
    expect(res.ok).toBe(false);
    expect(called).toBe(false);
    if (!res.ok) expect(res.problem.message).toContain('at most three ERCS addresses');
  });

  it('says a refused value in plain words, keeping zod\'s wording and the path under the details', async () => {
    const dispatch = createDispatcher(handlersWith({}), memoryLogger());
    const res = await dispatch('handoff.list', { extra: 1 });
    if (res.ok) throw new Error('expected a refusal');
    expect(res.problem.message).toBe('The request "handoff.list" was not valid: a value entered is not accepted.');
    expect(res.problem.action).toBe('Check the values you entered and try again.');
    expect(res.problem.detail).toMatch(/Unrecognized key/);
  });

  it('refuses extra fields (strict schemas)', async () => {
    const dispatch = createDispatcher(handlersWith({ 'handoff.list': async () => [] }), memoryLogger());
    expect(await dispatch('handoff.list', { extra: 1 })).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
  });

  it('returns the handler value on success', async () => {
    const dispatch = createDispatcher(handlersWith({ 'handoff.list': async () => [] }), memoryLogger());
    expect(await dispatch('handoff.list', {})).toEqual({ ok: true, value: [] });
  });

  it('turns an AppError into its problem', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'handoff.drives': async () => {
          throw new AppError('media-missing', 'The USB stick is gone.', { action: 'Insert it again.' });
        },
      }),
      memoryLogger(),
    );
    expect(await dispatch('handoff.drives', {})).toEqual({
      ok: false,
      problem: { code: 'media-missing', message: 'The USB stick is gone.', action: 'Insert it again.', retryable: false },
    });
  });

  it('hides unexpected errors from the renderer but logs them', async () => {
    const log = memoryLogger();
    const dispatch = createDispatcher(
      handlersWith({
        'handoff.drives': async () => {
          throw new Error('ENOENT /home/op/secret-path');
        },
      }),
      log,
    );
    const res = await dispatch('handoff.drives', {});
    expect(res).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(JSON.stringify(res)).not.toContain('secret-path');
    expect(JSON.stringify(log.lines)).toContain('secret-path');
  });
});
