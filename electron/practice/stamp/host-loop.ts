import { createInterface } from 'node:readline';
import { NodeToHost, PROTOCOL_VERSION } from '../../pep/protocol';
import { Cancelled } from './cmdlet-context';
import type { InProcessHost } from './host-shim';
import type { Session } from './session';
import type { Logger } from './stamp-store';
import type { Wire } from './wire';

// The host's main loop, as pep-host.ps1 runs it: announce itself, read one JSON request per line,
// run requests one at a time, stop the running one on `cancel`, exit after `close` or when stdin
// ends (dead man's switch). Lines that are not valid requests get no answer, only a stderr note.

export const runHostLoop = (proc: InProcessHost, wire: Wire, session: Session, log: Logger): void => {
  wire.send({ type: 'hello', ps: '5.1.19041.0', edition: 'Desktop', lang: 'FullLanguage', protocol: PROTOCOL_VERSION });

  /** Queued and running requests, so `cancel` can reach either. */
  const pending = new Map<string, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  let closing = false;
  let running: string | undefined;
  const lines = createInterface({ input: proc.stdin, crlfDelay: Infinity });

  const stopAll = (): void => {
    for (const c of pending.values()) c.abort();
  };
  proc.onKill(() => {
    closing = true;
    stopAll();
    lines.close();
  });

  type Request = Exclude<NodeToHost, { op: 'cancel' }>;
  const handle = async (request: Request, signal: AbortSignal): Promise<void> => {
    switch (request.op) {
      case 'preflight':
        return session.preflight(request);
      case 'connect':
        return session.connect(request, signal);
      case 'invoke':
        return session.invoke(request, signal);
      case 'close':
        session.close(request);
        closing = true;
        lines.close();
        proc.exit(0);
        return;
    }
  };

  const enqueue = (request: Request): void => {
    if (pending.has(request.id)) {
      wire.send({ type: 'error', id: request.id, error: { message: `A request with id '${request.id}' is already pending.` } });
      return;
    }
    const controller = new AbortController();
    pending.set(request.id, controller);
    queue = queue
      .then(async () => {
        // A request cancelled while queued was answered then; one left at exit needs no answer.
        if (proc.exited || controller.signal.aborted) return;
        running = request.id;
        await handle(request, controller.signal);
      })
      .catch((err: unknown) => {
        if (err instanceof Cancelled) return session.cancelled(request.id);
        log.error('practice stamp: request failed', { id: request.id, op: request.op, error: String(err) });
        wire.send({ type: 'error', id: request.id, error: { message: `The practice stamp failed: ${String(err)}` } });
      })
      .finally(() => {
        running = undefined;
        pending.delete(request.id);
      });
  };

  lines.on('line', (line) => {
    if (closing || proc.exited || line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      wire.diagnostic('pep-host: ignored an input line that is not JSON');
      return;
    }
    const parsed = NodeToHost.safeParse(json);
    if (!parsed.success) {
      // Never echo the line: a malformed connect request may still carry a password.
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
      wire.diagnostic(`pep-host: ignored an invalid request (${fields})`);
      return;
    }
    const request = parsed.data;
    if (request.op !== 'cancel') return enqueue(request);
    const target = pending.get(request.id);
    if (!target) return wire.diagnostic(`pep-host: cancel for '${request.id}', which is not pending`);
    target.abort();
    if (request.id !== running) {
      pending.delete(request.id);
      session.cancelled(request.id);
    }
  });

  // stdin closed: the app went away. Stop what runs, drop the session, exit.
  lines.on('close', () => {
    if (closing) return;
    closing = true;
    stopAll();
    void queue.then(() => {
      session.drop();
      proc.exit(0);
    });
  });
};
