import type { WebContents } from 'electron';
import type { EventName, EventPayloads, EventSink } from '../../shared/contract';

const PROGRESS_INTERVAL_MS = 100;

/**
 * The only webContents.send of the app. Progress bars are coalesced (a PEP job can report many
 * times a second); other events, and the final event of an operation, go out at once and in order.
 */
export const createEmitter = (target: () => WebContents | undefined): EventSink => {
  const pending = new Map<string, EventPayloads['operation.progress']>();
  let timer: NodeJS.Timeout | undefined;

  const send = <E extends EventName>(name: E, payload: EventPayloads[E]) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(name, payload);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const p of pending.values()) send('operation.progress', p);
    pending.clear();
  };

  return (name, payload) => {
    if (name === 'operation.progress') {
      const p = payload as EventPayloads['operation.progress'];
      if (p.level !== 'progress') {
        flush();
        send(name, payload);
        return;
      }
      pending.set(p.operationId, p);
      timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
      return;
    }
    flush();
    send(name, payload);
  };
};
