import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/contract';
import type { Dispatch } from '../../../electron/ipc';
import { descendants, dotted, isFunctionLike, lineOf, paramName, parse, parseAt, productSources, rel, ts } from './source';

// Checklist §7.6: one place registers IPC handlers, and every handler checks the sender frame
// before anything else.

type Handler = (event: unknown, raw: unknown) => Promise<unknown>;
const registered = new Map<string, Handler>();
vi.mock('electron', () => ({ ipcMain: { handle: (name: string, fn: Handler) => registered.set(name, fn) } }));

const IPC_MAIN_METHODS = /(^|\.)ipcMain\.(handle|handleOnce|on|once|addListener|prependListener|prependOnceListener)$/;

describe('IPC handler registration', () => {
  it('only electron/main/ipc.ts touches ipcMain', () => {
    const users = productSources().filter((f) => descendants(parse(f)).some((n) => ts.isIdentifier(n) && n.text === 'ipcMain'));
    expect(users.map(rel)).toEqual(['electron/main/ipc.ts']);
  });

  it('every handler in ipc.ts starts with isTrustedFrame(event.senderFrame)', () => {
    const calls = descendants(parseAt('electron/main/ipc.ts')).filter((n): n is ts.CallExpression => ts.isCallExpression(n) && IPC_MAIN_METHODS.test(dotted(n.expression) ?? ''));
    expect(calls.length).toBeGreaterThan(0);
    const unguarded = calls.filter((call) => {
      const fn = call.arguments[1];
      if (!isFunctionLike(fn)) return true;
      const event = paramName(fn, 0);
      // The check must decide the handler's result: `cond ? … : …` body, or a first `if` that leaves.
      const first = ts.isBlock(fn.body) ? fn.body.statements[0] : fn.body;
      const condition = first && ts.isConditionalExpression(first) ? first.condition : first && ts.isIfStatement(first) && ts.isPrefixUnaryExpression(first.expression) ? first.expression.operand : undefined;
      return !(condition && ts.isCallExpression(condition) && dotted(condition.expression) === 'isTrustedFrame' && condition.arguments[0] && dotted(condition.arguments[0]) === `${event}.senderFrame`);
    });
    expect(unguarded.map(lineOf)).toEqual([]);
  });

  it('refuses every channel from an untrusted frame and passes trusted calls to the dispatcher', async () => {
    const { registerIpc } = await import('../../../electron/main/ipc');
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'done' }));
    registerIpc(() => dispatch);
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    const frames = [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://registrar/index.html', parent: {} }, // an iframe inside the app
      null,
    ];
    for (const handler of registered.values()) {
      for (const senderFrame of frames) {
        expect(await handler({ senderFrame }, {})).toMatchObject({ ok: false, problem: { code: 'untrusted-sender' } });
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
    await expect(registered.get('app.info')?.({ senderFrame: { url: 'app://registrar/index.html', parent: null } }, {})).resolves.toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });
});
