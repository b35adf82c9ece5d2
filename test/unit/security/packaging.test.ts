import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source';

// Checklist §7.9, as far as it can be checked without an Electron binary (`@electron/fuses read`
// needs the packaged executable): the fuses electron-builder flips, and the PEP script outside asar.

const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split(/\r?\n/);

/** The `key: value` lines (list items too) of a top-level block of the flat electron-builder.yml. */
const block = (name: string): Record<string, string> => {
  const start = yml.findIndex((l) => l === `${name}:`);
  if (start === -1) return {};
  const end = yml.findIndex((l, i) => i > start && /^\S/.test(l));
  return Object.fromEntries(
    yml
      .slice(start + 1, end === -1 ? undefined : end)
      .map((l) => /^\s+(?:-\s+)?([A-Za-z]+):\s*(\S.*?)\s*$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]]),
  );
};

describe('electron-builder.yml', () => {
  it('sets every security fuse', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packs the app in asar and ships pep-host.ps1 beside it, unchanged', () => {
    expect(yml).toContain('asar: true');
    expect(block('extraResources')).toEqual({ from: 'resources/pep-host.ps1', to: 'pep-host.ps1' });
  });
});
