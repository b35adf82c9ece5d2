import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorldState } from '../../../electron/practice/azure';
import type { LogLine } from '../../../electron/log';
import type { HandoffSummary } from '../../../shared/domain/types';
import { startPracticeMachine } from '../../fixtures/app/practice-app';
import { handoffs } from './air-gap-flow';
import { CONNECTED_FILE, isChange, practiceFor, sleepFor, withSession } from './azure-kill';
import type { AzureKillRequest } from './azure-kill';

// The connected host as a process for the Azure and connected kill tests: `azure-child <hostDir> <usb>
// <state.json> <request.json> <stopAfterChange>`. It starts on a host data folder (its practice stamp's
// state is there too), puts the given Azure state into its practice Azure, runs the request, and once
// Azure or the stamp has carried out its n-th change (done, the app not told yet) prints what the
// journal acknowledged, the connected step record as it is on disk, and what Azure now holds, and
// freezes until killed. When the request ends before, it prints the number of changes it made.

const [hostDir, usb, stateFile, requestFile, stopAfter] = process.argv.slice(2) as [string, string, string, string, string];
const limit = Number(stopAfter);

let armed = false;
let changes = 0;
/** What the journal acknowledged, and Azure's state: filled in once the host is up. */
const seen: { acknowledged: HandoffSummary[]; azure?: () => WorldState } = { acknowledged: [] };
const onDisk = (): string | null => {
  try {
    return readFileSync(join(hostDir, CONNECTED_FILE), 'utf8');
  } catch {
    return null;
  }
};
const stop = (): never => {
  // stdout is a pipe: the write is synchronous on Linux, then the process stands still.
  process.stdout.write(`STOPPED ${JSON.stringify({ acknowledged: seen.acknowledged, connected: onDisk(), azure: seen.azure?.() })}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};
const onLog = (line: LogLine) => {
  if (!armed || !isChange(line.message, line.data)) return;
  changes += 1;
  if (changes === limit) stop();
};

const request = JSON.parse(await readFile(requestFile, 'utf8')) as AzureKillRequest;
const host = await startPracticeMachine(usb, practiceFor(request.kind), { dataDir: hostDir, onLog, sleep: sleepFor(request.kind) });
await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
const azure = await host.runtime.practiceAzure();
if (!azure) throw new Error('no practice Azure');
azure.state.put(JSON.parse(await readFile(stateFile, 'utf8')) as WorldState);
seen.acknowledged = await handoffs(host);
seen.azure = () => azure.state.take();
const started = await withSession(host, request);
armed = true;
if (started.kind === 'azure.createRole') await host.call('azure.createRole', { subscriptionId: started.subscriptionId });
else await host.run(started);
process.stdout.write(`FINISHED ${JSON.stringify({ changes })}\n`);
process.exit(0);
