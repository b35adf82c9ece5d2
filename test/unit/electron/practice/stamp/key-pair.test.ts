import { describe, expect, it } from 'vitest';
import { connectedHost, invoke, makeStamp } from '../../../../fixtures/practice-stamp/driver';

describe('Set-RegistrationKeyPair', () => {
  it('runs on builds after 1.2209.0.23', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const { final, stream } = await host.request(invoke('k1', 'Set-RegistrationKeyPair'));
    host.proc.kill();
    expect(final).toEqual({ type: 'result', id: 'k1', output: [], errors: [] });
    expect(stream.some((m) => m.type === 'progress')).toBe(true);
  });

  it('is not a known command on 1.2209.0.23 and older', async () => {
    const { stamp } = await makeStamp({ settings: { stampVersion: '1.2209.0.23' } });
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('k1', 'Set-RegistrationKeyPair'));
    host.proc.kill();
    expect(final).toMatchObject({
      output: [],
      errors: [
        {
          message:
            "The term 'Set-RegistrationKeyPair' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
          fqid: 'CommandNotFoundException',
          category: 'ObjectNotFound',
        },
      ],
    });
  });
});
