import { describe, expect, it } from 'vitest';
import { NodeToHost } from '../../../../electron/pep/protocol';
import { lineWithSecrets, redactWith, toSecret } from '../../../../electron/pep/secrets';

describe('secret lines', () => {
  it('appends the secret fields to a valid ASCII protocol line', () => {
    const password = toSecret('p"\\ä\u2019🔑\n');
    const line = lineWithSecrets({ op: 'connect', id: 'r1', hosts: ['10.0.0.1'], user: 'é', culture: 'en-US', idleTimeoutMs: 3_600_000 }, [['password', password]]);
    const text = line.toString('ascii');
    expect(text).toMatch(/^[\x20-\x7e]*\n$/);
    const parsed = NodeToHost.parse(JSON.parse(text));
    expect(parsed).toMatchObject({ op: 'connect', user: 'é', password: 'p"\\ä\u2019🔑\n' });
  });

  it('redacts every occurrence of a live secret, and nothing once it is gone', () => {
    const secrets = new Set([toSecret('hunter2')]);
    const redact = redactWith(() => [...secrets]);
    expect(redact('a hunter2 b hunter2')).toBe('a [redacted] b [redacted]');
    expect(redact('no secret here')).toBe('no secret here');
    secrets.clear();
    expect(redact('hunter2')).toBe('hunter2');
  });
});
