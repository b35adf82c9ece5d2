import { loadavg } from 'node:os';
import { afterAll, it } from 'vitest';
import { moduleLeg, startConnectedHost, wizardLeg, type ConnectedHost, type LegFigures } from '../fixtures/app/connected-leg';
import { median, printBlock, row } from './report';

// Issue 12, goal 1: the connected-host leg (token imported → name and location → permissions →
// register → key written), the wizard's own calls included, beside the official module's calls
// (test/fixtures/app/module-replay.ts), in one process against the same practice Azure with a
// distant Azure's latency: 150 ms per request and 300 ms per new connection (TCP and TLS 1.3
// handshakes, two round trips). Both legs start with no open connection (the operator's pause since
// sign-in outlived the keep-alive); the wizard opens its connections while the operator picks the
// token (shown apart), the module opens its one connection with its first call.

const LATENCY = { requestMs: 150, connectionMs: 300 };
const RUNS = 3;
let host: ConnectedHost | undefined;
afterAll(async () => host?.machine.runtime.dispose());

it('connected-host leg beside the module replay', async () => {
  host = await startConnectedHost(LATENCY);
  const lines: string[] = [
    row('latency per request / per new connection, ms', `${LATENCY.requestMs} / ${LATENCY.connectionMs}`),
    row('machine: load average (1 min) at start', loadavg()[0]?.toFixed(1) ?? '?', '(other work on the machine inflates the wall times)'),
  ];
  /** The wait the latency model alone predicts from the counts: round trips and connections opened. */
  const modelMs = (l: LegFigures) => l.roundTrips * LATENCY.requestMs + l.connections * LATENCY.connectionMs;
  const med = (legs: LegFigures[]) => median(legs.map((l) => l.wallMs));
  for (const group of ['new', 'existing'] as const) {
    const app = [];
    const mod: LegFigures[] = [];
    const warm: LegFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A new group each run (or one created by the first run), for each side.
      const rg = (side: string) => (group === 'new' ? `azurestack-${side}-${i}` : `azurestack-${side}-0`);
      app.push(await wizardLeg(host, rg('wizard')));
      mod.push(await moduleLeg(host.practice, rg('module')));
      warm.push(await moduleLeg(host.practice, rg('module-warm'), { warmConnection: true }));
    }
    const a = app[0];
    const m = mod[0];
    if (!a || !m) throw new Error('no run');
    const goal = group === 'new' ? 4 : 3;
    const label = `${group} resource group`;
    lines.push(row(`${label}: wizard requests / module requests`, `${a.requests} / ${m.requests}`));
    lines.push(row(`${label}: wizard sequential round trips`, a.roundTrips, `(goal <= ${goal}; module: ${m.roundTrips})`));
    lines.push(row(`    by phase`, Object.entries(a.byPhase).map(([p, n]) => `${p} ${n}`).join(', ')));
    lines.push(row(`${label}: connections opened in the leg, wizard / module`, `${a.connections} / ${m.connections}`));
    lines.push(row(`${label}: wizard warm-up while the token is picked`, `${a.warmUp.connections} conn., ${a.warmUp.ms.toFixed(0)} ms`, '(operator time, not in the leg)'));
    lines.push(row(`${label}: wizard wall ms, token imported to key written`, med(app).toFixed(0), `(median of ${RUNS})`));
    lines.push(row(`${label}: module replay wall ms (cold connection)`, med(mod).toFixed(0)));
    lines.push(row(`${label}: module / wizard (ratio)`, (med(mod) / med(app)).toFixed(2), '(goal >= 2)'));
    lines.push(row(`${label}: module / wizard from the counts alone (ratio)`, (modelMs(m) / modelMs(a)).toFixed(2), `(${modelMs(m)} / ${modelMs(a)} ms: no CPU, no disk)`));
    lines.push(row(`${label}: module replay wall ms, connection already open`, med(warm).toFixed(0)));
    lines.push(row(`${label}: module (connection open) / wizard (ratio)`, (med(warm) / med(app)).toFixed(2)));
  }
  printBlock('AzS Registrar bench: connected-host leg beside RegisterWithAzure.psm1 (practice Azure with latency)', lines);
});
