import { describe, expect, it } from 'vitest';
import { descendants, dotted, lineOf, literalProps, parse, parseAt, productSources, ts } from './source';

// Checklist §7.1: one BrowserWindow, its options written literally and inline, so a review (and
// electronegativity) sees every setting.

const newWindows = (sf: ts.SourceFile) =>
  descendants(sf).filter((n): n is ts.NewExpression => ts.isNewExpression(n) && /(^|\.)BrowserWindow$/.test(dotted(n.expression) ?? ''));

describe('BrowserWindow construction', () => {
  it('happens exactly once in the product, in electron/main/window.ts', () => {
    const found = productSources().flatMap((f) => newWindows(parse(f)).map(lineOf));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^electron\/main\/window\.ts:/);
  });

  const [ctor] = newWindows(parseAt('electron/main/window.ts'));
  const options = ctor?.arguments?.[0];

  it('takes a literal options object without spreads', () => {
    expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    expect(options.properties.every(ts.isPropertyAssignment)).toBe(true);
    expect(literalProps(options).get('show')?.kind).toBe(ts.SyntaxKind.FalseKeyword);
  });

  it('has literal webPreferences that sandbox and isolate the page', () => {
    const web = options && ts.isObjectLiteralExpression(options) ? literalProps(options).get('webPreferences') : undefined;
    expect(web && ts.isObjectLiteralExpression(web)).toBe(true);
    if (!web || !ts.isObjectLiteralExpression(web)) return;
    // Every entry a plain `key: value`: no spread or shorthand that could carry other settings in.
    expect(web.properties.map((p) => ts.SyntaxKind[p.kind]).filter((k) => k !== 'PropertyAssignment')).toEqual([]);
    const props = literalProps(web);
    const flag = (name: string) => {
      const v = props.get(name);
      return v?.kind === ts.SyntaxKind.TrueKeyword ? true : v?.kind === ts.SyntaxKind.FalseKeyword ? false : v ? 'not a literal' : 'missing';
    };
    expect({
      sandbox: flag('sandbox'),
      contextIsolation: flag('contextIsolation'),
      nodeIntegration: flag('nodeIntegration'),
      webviewTag: flag('webviewTag'),
    }).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(props.has('preload')).toBe(true);
    // Settings that weaken the page must not appear, or appear with their safe value.
    for (const [name, safe] of [['nodeIntegrationInWorker', false], ['nodeIntegrationInSubFrames', false], ['webSecurity', true], ['allowRunningInsecureContent', false], ['experimentalFeatures', false]] as const) {
      if (props.has(name)) expect({ [name]: flag(name) }).toEqual({ [name]: safe });
    }
    expect(props.has('enableBlinkFeatures')).toBe(false);
  });

  it('loads the app from app://registrar, never file://', () => {
    const sf = parseAt('electron/main/window.ts');
    const loads = descendants(sf).filter((n) => ts.isCallExpression(n) && /\.(loadURL|loadFile)$/.test(dotted(n.expression) ?? ''));
    expect(loads.map((n) => dotted((n as ts.CallExpression).expression)?.split('.').pop())).toEqual(['loadURL']);
    expect(loads[0]?.getText()).toContain('APP_URL');
  });
});
