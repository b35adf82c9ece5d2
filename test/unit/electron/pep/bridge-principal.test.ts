import { describe, expect, it } from 'vitest';
import { toSecret } from '../../../../electron/pep/secrets';
import { SENTINEL, problemOf, useHarness } from './fake-host';

// New-AzureBridgeServicePrincipal through the real client and spawn path against the fake host: the
// refresh token crosses once, as the invoke line's own field, and nowhere else.

const { start, connect } = useHarness();
const REFRESH = `rt-${SENTINEL}`;
const request = () => ({ refreshToken: toSecret(REFRESH), azureEnvironment: 'AzureCloud', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });

describe('New-AzureBridgeServicePrincipal over the fake host', () => {
  it('sends the refresh token as its own field, not a parameter, and returns the ObjectId past stray output', async () => {
    const h = start();
    const session = await connect(h);
    const objectId = await session.bridgeServicePrincipal(request());
    expect(objectId).toBe('5d0b7e2c-3f4a-4b8e-9c1d-2a6f8e0b4c71');

    const invoke = h.messages().find((m) => m.op === 'invoke' && m.cmd === 'New-AzureBridgeServicePrincipal');
    expect(invoke?.refreshToken).toBe(REFRESH);
    expect(invoke?.params).toEqual({ AzureEnvironment: 'AzureCloud', TenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', TimeoutInSeconds: 1800 });
    expect(h.received().find((r) => r.kind === 'bridge')).toMatchObject({ hasRefreshToken: true, paramNames: ['AzureEnvironment', 'TenantId', 'TimeoutInSeconds'] });
    // Once, on stdin, ASCII only; never in argv, the environment or the logs.
    const lines = h.received().filter((r) => r.kind === 'line');
    expect(lines.filter((r) => r.raw?.includes('"refreshToken"'))).toHaveLength(1);
    for (const r of lines) expect(r.raw).toMatch(/^[\x20-\x7e]*$/);
    const first = h.received()[0];
    expect(JSON.stringify([first?.argv, first?.env, h.logs])).not.toContain('rt-Sentinel');
  });

  it('maps a refused refresh token (MFA) to its problem, with the token redacted from the detail, and does not retry', async () => {
    const h = start({ scenario: 'success,refresh-token-refused,leaky' });
    const session = await connect(h);
    const problem = await problemOf(session.bridgeServicePrincipal(request()));
    expect(problem.code).toBe('pep-refresh-token-refused');
    expect(problem.message).toMatch(/AADSTS50076/);
    expect(problem.action).toMatch(/Sign in to Azure again interactively/);
    expect(problem.detail).toContain('[redacted]');
    expect(JSON.stringify(problem)).not.toContain('rt-Sentinel');
    expect(h.messages().filter((m) => m.cmd === 'New-AzureBridgeServicePrincipal')).toHaveLength(1);
  });

  it('refuses an answer without an ObjectId', async () => {
    const h = start({ scenario: 'success,no-object-id' });
    const session = await connect(h);
    const problem = await problemOf(session.bridgeServicePrincipal(request()));
    expect(problem.code).toBe('pep-failed');
    expect(problem.message).toMatch(/did not return the ObjectId/);
  });
});
