import { describe, expect, it } from 'vitest';
import { createRouter, decodePath, type Route } from '../../../../../electron/practice/azure/router';

const route = (id: string, method: Route['method'], pattern: string): Route => ({ id, method, pattern, api: 'resources', handle: () => ({ status: 200 }) });

describe('practice ARM router', () => {
  const router = createRouter([
    route('rg', 'GET', '/subscriptions/:sub/resourcegroups/:rg'),
    route('lock', 'PUT', '*scope/providers/Microsoft.Authorization/locks/:lock'),
  ]);

  it('matches literal segments case-insensitively and keeps parameter casing', () => {
    expect(router.match('GET', decodePath('/SUBSCRIPTIONS/Abc/ResourceGroups/MyRG')).found?.params).toEqual({ sub: 'Abc', rg: 'MyRG' });
  });

  it('binds a scope of several segments up to the last provider segment', () => {
    const found = router.match('PUT', decodePath('/subscriptions/s/resourceGroups/r/providers/Microsoft.AzureStack/registrations/n/providers/Microsoft.Authorization/locks/L'));
    expect(found.found?.params).toEqual({ scope: '/subscriptions/s/resourceGroups/r/providers/Microsoft.AzureStack/registrations/n', lock: 'L' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('DELETE', decodePath('/subscriptions/s/resourcegroups/r'))).toEqual({ pathMatched: true });
    expect(router.match('GET', decodePath('/subscriptions/s/resourcegroups'))).toEqual({ pathMatched: false });
  });

  it('decodes segments but never lets an encoded slash widen a scope', () => {
    expect(decodePath('/a%20b//c')).toEqual(['a b', 'c']);
    expect(router.match('PUT', decodePath('/subscriptions%2Fs/providers/Microsoft.Authorization/locks/L')).found).toBeUndefined();
    expect(() => decodePath('/bad%E0%A4%A')).toThrow(/not valid/);
  });
});
