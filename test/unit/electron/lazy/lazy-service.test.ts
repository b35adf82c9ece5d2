import { describe, expect, it } from 'vitest';
import { lazyService } from '../../../../electron/lazy';

type Service = { hello(name: string): Promise<string>; count(): number };

const counted = () => {
  const calls = { loads: 0 };
  const make = (fail = 0) =>
    lazyService<Service>(
      async () => {
        calls.loads += 1;
        if (calls.loads <= fail) throw new Error('module not found');
        let n = 0;
        return { hello: async (name) => `hello ${name} ${++n}`, count: () => n };
      },
      { count: () => -1 },
    );
  return { calls, make };
};

describe('lazyService', () => {
  it('loads nothing until an async method is called, then loads once', async () => {
    const { calls, make } = counted();
    const s = make();
    expect(s.count()).toBe(-1);
    expect(calls.loads).toBe(0);
    await expect(Promise.all([s.hello('a'), s.hello('b')])).resolves.toEqual(['hello a 1', 'hello b 2']);
    expect(calls.loads).toBe(1);
    expect(s.count()).toBe(2);
  });

  it('is not a thenable: awaiting it does not load it', async () => {
    const { calls, make } = counted();
    const s = make();
    expect(await Promise.resolve(s)).toBe(s);
    expect(calls.loads).toBe(0);
  });

  it('retries a failed load on the next call', async () => {
    const { calls, make } = counted();
    const s = make(1);
    await expect(s.hello('a')).rejects.toThrow('module not found');
    await expect(s.hello('b')).resolves.toBe('hello b 1');
    expect(calls.loads).toBe(2);
  });
});
