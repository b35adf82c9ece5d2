import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptDigest } from '../../../electron/integrity';
import { callsNamed, descendants, dotted, filesUnder, parse, rel, ROOT, ts } from './source';

// What ships: the bundles in out/ (`npm test` builds before vitest runs). Skipped when there is no
// build; `npm run build` first to run them on their own.
const built = (path: string) => existsSync(join(ROOT, path));
const rendererFiles = built('out/renderer') ? filesUnder('out/renderer', ['.html', '.js', '.css', '.map', '.svg']) : [];

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Module specifiers of static imports, re-exports and dynamic import() with a literal. */
const moduleSpecifiers = (sf: ts.SourceFile): string[] =>
  descendants(sf).flatMap((n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) return [n.moduleSpecifier.text];
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      return [arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed import()>'];
    }
    return [];
  });

/** `url(...)` and `@import` targets of a stylesheet. */
const cssRefs = (css: string): string[] => [
  ...[...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)].map((m) => m[2] ?? ''),
  ...[...css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)].map((m) => m[1] ?? ''),
];

/**
 * Uses of ipcRenderer other than calling invoke/on/removeListener on it: passing, storing or
 * spreading it, or calling send, could hand the page raw IPC.
 */
const ipcMisuse = (sf: ts.SourceFile): string[] =>
  descendants(sf)
    .filter((n) => (ts.isIdentifier(n) && n.text === 'ipcRenderer' && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !ts.isBindingElement(n.parent)) || (ts.isPropertyAccessExpression(n) && n.name.text === 'ipcRenderer'))
    .filter((n) => {
      const use = n.parent;
      return !(ts.isPropertyAccessExpression(use) && use.expression === n && ['invoke', 'on', 'removeListener'].includes(use.name.text) && ts.isCallExpression(use.parent) && use.parent.expression === use);
    })
    .map((n) => n.parent.getText());

describe.runIf(rendererFiles.length > 0)('built renderer (out/renderer)', () => {
  it('carries no browser-test bridge', () => {
    expect(rendererFiles.filter((f) => readFileSync(f, 'latin1').includes('__azs')).map(rel)).toEqual([]);
  });

  it('loads no script module from elsewhere', () => {
    const scripts = rendererFiles.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const remote = scripts.flatMap((f) => moduleSpecifiers(parse(f)).filter((s) => REMOTE.test(s) || s === '<computed import()>').map((s) => `${rel(f)}: ${s}`));
    expect(remote).toEqual([]);
  });

  it('loads no stylesheet, font or image from elsewhere', () => {
    const remote = rendererFiles.filter((f) => f.endsWith('.css')).flatMap((f) => cssRefs(readFileSync(f, 'utf8')).filter((r) => REMOTE.test(r) && !/^data:/i.test(r)).map((r) => `${rel(f)}: ${r}`));
    expect(remote).toEqual([]);
    expect(cssRefs('a{background:url("https://x.example/a.png")}@import "//cdn.example/b.css";')).toEqual(['https://x.example/a.png', '//cdn.example/b.css']);
  });
});

describe.runIf(built('out/preload/index.cjs'))('built preload (out/preload/index.cjs)', () => {
  const sf = built('out/preload/index.cjs') ? parse(join(ROOT, 'out/preload/index.cjs')) : undefined;

  it('exposes one API object through contextBridge', () => {
    const exposures = sf ? callsNamed(sf, (c) => c.endsWith('contextBridge.exposeInMainWorld')) : [];
    expect(exposures).toHaveLength(1);
    const [key] = exposures[0]?.arguments ?? [];
    expect(key && ts.isStringLiteral(key) ? key.text : undefined).toBe('api');
  });

  it('uses ipcRenderer only to call invoke/on/removeListener, never as a value', () => {
    expect(sf ? ipcMisuse(sf) : ['no preload']).toEqual([]);
    const bad = ts.createSourceFile('bad.cjs', 'const { ipcRenderer } = require("electron"); electron.contextBridge.exposeInMainWorld("api", { ipc: electron.ipcRenderer, send: (c, m) => ipcRenderer.send(c, m) });', ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    expect(ipcMisuse(bad)).toEqual(['ipc: electron.ipcRenderer', 'ipcRenderer.send']);
  });

  it('uses the electron module only for contextBridge and ipcRenderer', () => {
    const electronUses = (sf ? descendants(sf) : []).filter((n): n is ts.Identifier => ts.isIdentifier(n) && n.text === 'electron' && !ts.isVariableDeclaration(n.parent));
    expect(electronUses.length).toBeGreaterThan(0);
    expect(electronUses.map((n) => (ts.isPropertyAccessExpression(n.parent) ? dotted(n.parent) : n.parent.getText())).filter((u) => u !== 'electron.contextBridge' && u !== 'electron.ipcRenderer')).toEqual([]);
  });
});

describe.runIf(built('out/main/index.js'))('built main (out/main/index.js)', () => {
  it('carries the digest of the PEP host script it was built with', () => {
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    expect(main).not.toContain('__PEP_HOST_SHA256__');
    const digest = scriptDigest(readFileSync(join(ROOT, 'resources/pep-host.ps1')));
    expect(main.includes(`"${digest}"`), 'out/main was built from another resources/pep-host.ps1: rebuild').toBe(true);
  });
});
