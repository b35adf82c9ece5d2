import { describe, expect, it } from 'vitest';
import { bypassed, createProxyResolver, parsePacAnswer } from '../../../../electron/proxy/resolve';
import { memoryLogger } from '../../../../electron/log';

const ARM = 'https://management.azure.com/subscriptions';

describe('parsePacAnswer (Electron session.resolveProxy)', () => {
  it('takes the first usable entry', () => {
    expect(parsePacAnswer('DIRECT')).toBe('direct');
    expect(parsePacAnswer('PROXY proxy.corp:8080; DIRECT')).toBe('http://proxy.corp:8080');
    expect(parsePacAnswer('HTTPS secure.corp:443')).toBe('https://secure.corp:443');
    // SOCKS cannot carry the HTTPS tunnel: the next entry is used.
    expect(parsePacAnswer('SOCKS5 socks.corp:1080; PROXY proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(parsePacAnswer('SOCKS socks.corp:1080')).toBeUndefined();
    expect(parsePacAnswer('')).toBeUndefined();
  });
});

describe('bypassed (NO_PROXY)', () => {
  it('matches names, suffixes, wildcards and ports', () => {
    expect(bypassed('management.azure.com', '*')).toBe(true);
    expect(bypassed('management.azure.com', 'localhost, .azure.com')).toBe(true);
    expect(bypassed('management.azure.com', '*.azure.com')).toBe(true);
    expect(bypassed('management.azure.com', 'azure.com:443')).toBe(true);
    expect(bypassed('management.azure.com', 'management.azure.com')).toBe(true);
    expect(bypassed('management.azure.com', 'notazure.com,login.microsoftonline.com')).toBe(false);
    expect(bypassed('management.azure.com', undefined)).toBe(false);
  });
});

describe('createProxyResolver', () => {
  it('prefers the system answer (PAC, WPAD, settings) and says where it came from', async () => {
    const resolve = createProxyResolver({ system: async () => 'PROXY pac-proxy.corp:8080', env: { httpsProxy: 'http://env.corp:1' }, log: memoryLogger() });
    expect(await resolve(ARM)).toEqual({ host: 'management.azure.com', source: 'system', proxy: 'http://pac-proxy.corp:8080', proxyUrl: 'http://pac-proxy.corp:8080' });
  });

  it('uses HTTPS_PROXY when the system says DIRECT, unless NO_PROXY excludes the host; credentials are never shown', async () => {
    const log = memoryLogger();
    const resolve = createProxyResolver({ system: async () => 'DIRECT', env: { httpsProxy: 'http://me:s3cret@env.corp:8080', noProxy: 'login.microsoftonline.com' }, log });
    const arm = await resolve(ARM);
    expect(arm).toMatchObject({ source: 'environment', proxy: 'http://env.corp:8080', proxyUrl: 'http://me:s3cret@env.corp:8080/' });
    expect(await resolve('https://login.microsoftonline.com/organizations')).toEqual({ host: 'login.microsoftonline.com', source: 'direct' });
    // A bare host:port is read as an http proxy.
    const bare = createProxyResolver({ env: { httpsProxy: 'proxy.corp:3128' }, log });
    expect((await bare(ARM)).proxy).toBe('http://proxy.corp:3128');
  });

  it('falls back to HTTPS_PROXY when the system resolver fails, and logs why', async () => {
    const log = memoryLogger();
    const resolve = createProxyResolver({ system: async () => Promise.reject(new Error('PAC script failed')), env: { httpsProxy: 'http://env.corp:8080' }, log });
    expect(await resolve(ARM)).toMatchObject({ source: 'environment' });
    expect(log.lines.some((l) => l.level === 'warn' && JSON.stringify(l.data).includes('PAC script failed'))).toBe(true);
  });

  it('connects directly when nothing names a proxy', async () => {
    const resolve = createProxyResolver({ system: async () => 'DIRECT', env: {}, log: memoryLogger() });
    expect(await resolve(ARM)).toEqual({ host: 'management.azure.com', source: 'direct' });
  });
});
