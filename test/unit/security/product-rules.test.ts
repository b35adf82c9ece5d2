import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../../shared/domain/help';
import { descendants, dotted, lineOf, parse, productSources, propertyName, rel, ts } from './source';

// Checklist §7 rules that hold across electron/, shared/ and renderer/.

const files = productSources().map((f) => ({ path: rel(f), sf: parse(f), text: readFileSync(f, 'utf8') }));
const nodes = files.map((f) => ({ ...f, all: descendants(f.sf) }));

/** Where process.env may be read: the Electron layer hands what services need to compose(). */
const ENV_READERS = /^electron\/(main\/|compose\.ts$|runtime\.ts$)/;

/** Web preference flags whose weak value must never be written, anywhere. */
const WEAK: Record<string, ts.SyntaxKind> = {
  nodeIntegration: ts.SyntaxKind.TrueKeyword,
  nodeIntegrationInWorker: ts.SyntaxKind.TrueKeyword,
  nodeIntegrationInSubFrames: ts.SyntaxKind.TrueKeyword,
  sandbox: ts.SyntaxKind.FalseKeyword,
  contextIsolation: ts.SyntaxKind.FalseKeyword,
  webSecurity: ts.SyntaxKind.FalseKeyword,
  allowRunningInsecureContent: ts.SyntaxKind.TrueKeyword,
  webviewTag: ts.SyntaxKind.TrueKeyword,
  rejectUnauthorized: ts.SyntaxKind.FalseKeyword,
};

const envReads = (all: readonly ts.Node[]): ts.Node[] =>
  all.filter(
    (n) =>
      ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && dotted(n.expression) === 'process' && (ts.isPropertyAccessExpression(n) ? n.name.text : n.argumentExpression.getText().replace(/['"`]/g, '')) === 'env') ||
      (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer !== undefined && dotted(n.initializer) === 'process') ||
      (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && /^(node:)?process$/.test(n.moduleSpecifier.text)),
  );

/** shell.openExternal with anything but a literal https: URL or the allow-list helper's answer. */
const openExternalCalls = (all: readonly ts.Node[]): ts.CallExpression[] =>
  all.filter((n): n is ts.CallExpression => ts.isCallExpression(n) && /(^|\.)openExternal$/.test(dotted(n.expression) ?? ''));

const isLiteralHttps = (e: ts.Expression | undefined): boolean => e !== undefined && ts.isStringLiteralLike(e) && URL.parse(e.text)?.protocol === 'https:';
/** electron/main/external-url.ts: URL-parsed, https, the supported clouds' sign-in hosts only. */
const isAllowListed = (e: ts.Expression | undefined): boolean => e !== undefined && ts.isCallExpression(e) && dotted(e.expression) === 'signInPageUrl';
/** An entry of the help allowlist (shared/domain/help.ts), whose addresses are checked below to be https on Microsoft Learn. */
const isHelpTopic = (e: ts.Expression | undefined): boolean => e !== undefined && ts.isElementAccessExpression(e) && e.expression.getText() === 'HELP_TOPICS';
const isSafeExternal = (e: ts.Expression | undefined): boolean => isLiteralHttps(e) || isAllowListed(e) || isHelpTopic(e);

describe('product-wide security rules', () => {
  it('never turns off TLS verification', () => {
    expect(files.filter((f) => f.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')).map((f) => f.path)).toEqual([]);
  });

  it('never writes a weak web preference or rejectUnauthorized: false', () => {
    const weak = nodes.flatMap((f) =>
      f.all.filter((n): n is ts.PropertyAssignment => ts.isPropertyAssignment(n) && WEAK[propertyName(n) ?? ''] === n.initializer.kind).map((n) => `${lineOf(n)} ${n.getText()}`),
    );
    expect(weak).toEqual([]);
  });

  it('opens external links only for literal https: URLs or through the sign-in and help allow-lists', () => {
    expect(nodes.flatMap((f) => openExternalCalls(f.all).filter((c) => !isSafeExternal(c.arguments[0])).map(lineOf))).toEqual([]);
    expect(Object.values(HELP_TOPICS).filter((url) => URL.parse(url)?.protocol !== 'https:' || URL.parse(url)?.host !== 'learn.microsoft.com')).toEqual([]);
  });

  it('reads process.env only in the Electron layer, never in services, shared or renderer', () => {
    expect(nodes.filter((f) => !ENV_READERS.test(f.path)).flatMap((f) => envReads(f.all).map(lineOf))).toEqual([]);
  });

  it('the env and openExternal detectors see what they look for', () => {
    const sample = descendants(
      ts.createSourceFile('x.ts', "import { env } from 'node:process'; const a = process.env.X; const b = process['env']; const { env: e } = process; shell.openExternal(url); shell.openExternal('https://portal.azure.com/'); shell.openExternal(signInPageUrl(url)); shell.openExternal(other(url));", ts.ScriptTarget.Latest, true),
    );
    expect(envReads(sample).map((n) => n.getText())).toEqual(["import { env } from 'node:process';", 'process.env', "process['env']", '{ env: e } = process']);
    expect(openExternalCalls(sample).map((c) => isSafeExternal(c.arguments[0]))).toEqual([false, true, true, false]);
  });
});
