import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../../shared/contract';
import type { HandoffSummary } from '../../../../shared/domain/types';
import { DIAGNOSTICS_HANDOFFS, diagnosticsFiles, zipDiagnostics } from '../../../../electron/records';
import type { DiagnosticsInput } from '../../../../electron/records';

const at = '2026-12-05T08:00:00.000Z';
const summary = (i: number, complete: boolean): HandoffSummary => ({
  id: `h-${i}`,
  side: 'host',
  stage: complete ? 'activation-confirmed' : 'key-saved',
  complete,
  practice: false,
  cloudId: '69464895-3a1a-450a-9824-4b7608d9203f',
  tokenFingerprint: 'AAAA-BBBB-CCCC',
  files: [],
  createdAt: at,
  updatedAt: at,
  history: [],
});
const input = (count: number, scenario?: DiagnosticsInput['scenario']): DiagnosticsInput => ({
  app: { version: '1.2.3', mode: scenario ? 'practice' : 'live', locale: 'fr-FR' },
  machine: { name: 'WS-1', os: 'Windows_NT 10.0.20348 (x64)' },
  system: { platform: 'win32', release: '10.0.20348', arch: 'x64', versions: { node: '24.0.0' } },
  settings: { powershell: { kind: 'windows-powershell' }, registrationApiVersion: '2017-06-01' },
  ...(scenario ? { scenario } : {}),
  handoffs: Array.from({ length: count }, (_, i) => ({ summary: summary(i, i % 2 === 0), entry: { summary: summary(i, i % 2 === 0), facts: { lock: 'RegistrationResourceLock (CanNotDelete)' } } })),
  operations: [],
  preflights: [],
  log: [{ at, level: 'info', message: 'Started' }],
  generatedAt: at,
});

describe('diagnostics files', () => {
  it('count every hand-off by stage and list only the newest ones', () => {
    const files = diagnosticsFiles(input(DIAGNOSTICS_HANDOFFS + 50));
    const h = JSON.parse(files['handoffs.json'] ?? '') as { total: number; open: number; byStage: Record<string, number>; newest: { id: string; facts: unknown }[] };
    expect(h.total).toBe(DIAGNOSTICS_HANDOFFS + 50);
    expect(h.open).toBe((DIAGNOSTICS_HANDOFFS + 50) / 2);
    expect(h.byStage).toEqual({ 'host/activation-confirmed': 125, 'host/key-saved': 125 });
    expect(h.newest).toHaveLength(DIAGNOSTICS_HANDOFFS);
    expect(h.newest[0]).toMatchObject({ id: 'h-0', facts: { lock: 'RegistrationResourceLock (CanNotDelete)' } });
  });

  it('hold the practice scenario only in practice mode', () => {
    expect(Object.keys(diagnosticsFiles(input(1)))).not.toContain('practice.json');
    expect(JSON.parse(diagnosticsFiles(input(1, DEFAULT_PRACTICE_SCENARIO))['practice.json'] ?? '')).toEqual(DEFAULT_PRACTICE_SCENARIO);
  });

  it('zip to what they are', async () => {
    const files = diagnosticsFiles(input(2));
    const zip = unzipSync(await zipDiagnostics(files, new Date(at)));
    expect(Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(files);
  });
});
