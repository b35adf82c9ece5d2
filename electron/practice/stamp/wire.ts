import { encodeLine, type HostToNode } from '../../pep/protocol';
import type { InProcessHost } from './host-shim';

// The host's two outputs: protocol lines on stdout (ASCII-escaped, like pep-host.ps1) and free-form
// diagnostics on stderr, which never signal failure.

export type Wire = {
  send(message: HostToNode): void;
  diagnostic(text: string): void;
};

export const createWire = (proc: InProcessHost): Wire => ({
  send(message) {
    if (!proc.exited) proc.stdout.write(encodeLine(message));
  },
  diagnostic(text) {
    if (!proc.exited) proc.stderr.write(`${text}\n`);
  },
});
