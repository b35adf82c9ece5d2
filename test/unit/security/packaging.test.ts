import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source';

// Checklist §7.9 and issue 12 (packaging), as far as it can be checked without an Electron binary
// or Windows: the configuration is valid for electron-builder (its own JSON schema, shipped in
// app-builder-lib), the fuses, the targets, the signed PEP script outside asar, no publishing, and
// the build/ resources it names.

type Config = Record<string, unknown> & {
  win?: { target?: string[]; signExts?: string[]; icon?: string; signtoolOptions?: { sign?: string; signingHashAlgorithms?: string[] } };
  nsis?: Record<string, unknown>;
  linux?: { target?: string[]; icon?: string };
};
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check can fail: an unknown key is refused.
    expect(validate({ ...config, autoUpdate: true })).toBe(false);
  });

  it('sets every security fuse', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app in asar and ships pep-host.ps1 beside it, Authenticode-signed with the executables', () => {
    expect(config['asar']).toBe(true);
    expect(config['extraResources']).toEqual([{ from: 'resources/pep-host.ps1', to: 'pep-host.ps1' }]);
    expect(config.win?.signExts).toEqual(['.ps1']);
    expect(config.win?.signtoolOptions?.sign).toBe('build/sign.cjs');
  });

  it('builds a per-machine NSIS installer and a portable exe for Windows, AppImage and deb for Linux', () => {
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('publishes nothing (no auto-update on an air-gapped site)', () => {
    expect(config).toHaveProperty('publish', null);
    const deps = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    expect(Object.keys(deps)).not.toContain('electron-updater');
  });

  it('names build/ resources that exist', () => {
    const named = [config.win?.icon, config.linux?.icon, config.win?.signtoolOptions?.sign, config.nsis?.['include'], config.nsis?.['license'], config.nsis?.['installerIcon']];
    for (const path of named) {
      expect(typeof path).toBe('string');
      expect(existsSync(join(ROOT, String(path))), String(path)).toBe(true);
    }
    const png = readFileSync(join(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // electron-builder wants at least 256 px
    expect(readFileSync(join(ROOT, 'build/icon.ico')).readUInt16LE(2)).toBe(1); // an icon resource
  });
});

describe('build/sign.cjs (the signing hook)', () => {
  const sign = require(join(ROOT, 'build/sign.cjs')) as (c: { path: string }, env: Record<string, string>, log: Pick<Console, 'log' | 'warn'>) => Promise<string>;
  const quiet = () => {
    const said: string[] = [];
    return { said, log: { log: (m: string) => said.push(m), warn: (m: string) => said.push(m) } };
  };

  it('says so, and signs nothing, when the environment names no certificate', async () => {
    const { said, log } = quiet();
    await expect(sign({ path: 'C:\\out\\pep-host.ps1' }, {}, log)).resolves.toBe('unsigned');
    expect(said.join('\n')).toMatch(/NOT signed: C:\\out\\pep-host\.ps1/);
  });

  it.skipIf(process.platform === 'win32')('runs signtool with the certificate from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'azs-sign-'));
    const record = join(dir, 'args.txt');
    const fake = join(dir, 'signtool');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
    chmodSync(fake, 0o755);
    const { said, log } = quiet();
    const env = { AZS_SIGNTOOL: fake, AZS_SIGN_CERT_SHA1: 'ABCDEF0123456789', AZS_SIGN_TIMESTAMP_URL: 'http://timestamp.example' };
    await expect(sign({ path: '/out/pep-host.ps1' }, env, log)).resolves.toBe('signed');
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(['sign', '/fd', 'sha256', '/sha1', 'ABCDEF0123456789', '/tr', 'http://timestamp.example', '/td', 'sha256', '/out/pep-host.ps1']);
    expect(said).toEqual(['AzS Registrar signing: signed /out/pep-host.ps1']);
    // A failing signtool fails the build rather than shipping an unsigned file.
    writeFileSync(fake, '#!/bin/sh\nexit 3\n');
    await expect(sign({ path: '/out/x.exe' }, env, log)).rejects.toThrow();
  });
});
