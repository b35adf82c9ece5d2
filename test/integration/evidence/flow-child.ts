import { FAST_PRACTICE, startPracticeMachine } from '../../fixtures/app/practice-app';
import type { SeenEvent } from '../../fixtures/app/practice-app';
import { advance, handoffs } from './air-gap-flow';

// The app as a process for the kill tests: `flow-child <stampDir> <hostDir> <usb> <killPoint>`. It runs the
// procedure and, at the kill point, prints what the journals acknowledged and freezes (no more JavaScript
// runs: no write finishes, no timer fires) until the test kills it.

const [stampDir, hostDir, usb, stopAt] = process.argv.slice(2) as [string, string, string, string];

let acknowledged: unknown;
const stop = (): never => {
  // stdout is a pipe: the write is synchronous on Linux, then the process stands still.
  process.stdout.write(`STOPPED ${JSON.stringify({ at: stopAt, acknowledged })}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};

let starting: string | undefined;
const onEvent = (e: SeenEvent) => {
  if (e.name === 'operation.progress' && `${starting}:running` === stopAt) stop();
};

const stamp = await startPracticeMachine(usb, FAST_PRACTICE, { dataDir: stampDir, onEvent });
const host = await startPracticeMachine(usb, FAST_PRACTICE, { dataDir: hostDir, onEvent });
const snapshot = async () => ({ stamp: await handoffs(stamp), host: await handoffs(host) });
await advance(stamp, host, {
  starting: async (kind) => {
    acknowledged = await snapshot();
    starting = kind;
  },
  done: async (point) => {
    if (point !== stopAt) return;
    acknowledged = await snapshot();
    stop();
  },
});
process.stdout.write('FINISHED\n');
process.exit(0);
