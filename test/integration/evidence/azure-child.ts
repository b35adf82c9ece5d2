import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { WorldState } from '../../../electron/practice/azure';
import type { LogLine } from '../../../electron/log';
import type { HandoffSummary } from '../../../shared/domain/types';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import { handoffs } from './air-gap-flow';
import { isAzureWrite, practiceFor } from './azure-kill';
import type { AzureKillRequest } from './azure-kill';

// The connected host as a process for the Azure kill tests: `azure-child <hostDir> <usb> <state.json>
// <request.json> <stopAfterWrite>`. It starts on a host data folder, puts the given Azure state into
// its practice Azure, runs the request, and once Azure has answered its n-th write (applied, the app
// not told yet) prints what the journal acknowledged and what Azure now holds, and freezes until
// killed. When the request ends before, it prints the number of writes it made.

const [hostDir, usb, stateFile, requestFile, stopAfter] = process.argv.slice(2) as [string, string, string, string, string];
const limit = Number(stopAfter);

let armed = false;
let writes = 0;
/** What the journal acknowledged, and Azure's state: filled in once the host is up. */
const seen: { acknowledged: HandoffSummary[]; azure?: () => WorldState } = { acknowledged: [] };
const stop = (): never => {
  // stdout is a pipe: the write is synchronous on Linux, then the process stands still.
  process.stdout.write(`STOPPED ${JSON.stringify({ acknowledged: seen.acknowledged, azure: seen.azure?.() })}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};
const onLog = (line: LogLine) => {
  if (!armed || line.message !== 'Practice Azure answered' || !isAzureWrite(line.data)) return;
  writes += 1;
  if (writes === limit) stop();
};

const request = JSON.parse(await readFile(requestFile, 'utf8')) as AzureKillRequest;
const host = await startPracticeMachine(usb, practiceFor(request.kind), { dataDir: hostDir, onLog, sleep: (ms, signal) => delay(Math.min(ms, 5), undefined, signal ? { signal } : {}) });
await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
const azure = await host.runtime.practiceAzure();
if (!azure) throw new Error('no practice Azure');
azure.state.put(JSON.parse(await readFile(stateFile, 'utf8')) as WorldState);
seen.acknowledged = await handoffs(host);
seen.azure = () => azure.state.take();
armed = true;
if (request.kind === 'azure.createRole') await host.call('azure.createRole', { subscriptionId: request.subscriptionId });
else await host.run(request);
process.stdout.write(`FINISHED ${JSON.stringify({ writes })}\n`);
process.exit(0);
