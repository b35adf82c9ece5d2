import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

// Reads the product's own source with the TypeScript parser, so the checks see structure
// (calls, object literals, parameters) rather than text.

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const PRODUCT_FOLDERS = ['electron', 'shared', 'renderer'] as const;

const listFiles = (dir: string, exts: readonly string[]): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : listFiles(full, exts);
    return exts.includes(extname(e.name)) ? [full] : [];
  });

/** Repository-relative paths with forward slashes. */
export const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');

export const filesUnder = (dir: string, exts: readonly string[]): string[] => listFiles(join(ROOT, dir), exts);

export const productSources = (): string[] =>
  PRODUCT_FOLDERS.flatMap((d) => filesUnder(d, ['.ts', '.tsx', '.mts'])).filter((f) => !f.endsWith('.d.ts'));

export const parse = (file: string): ts.SourceFile =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('js') || file.endsWith('cjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS);

export const parseAt = (path: string): ts.SourceFile => parse(join(ROOT, path));

export const descendants = (root: ts.Node): ts.Node[] => {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    out.push(n);
    n.forEachChild(visit);
  };
  root.forEachChild(visit);
  return out;
};

/** `a.b.c` for identifiers and property accesses, otherwise undefined. */
export const dotted = (e: ts.Node): string | undefined => {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const left = dotted(e.expression);
    return left === undefined ? undefined : `${left}.${e.name.text}`;
  }
  return undefined;
};

/** Calls whose callee, written with dots (`contents.on`), passes `test`. */
export const callsNamed = (root: ts.Node, test: (callee: string) => boolean): ts.CallExpression[] =>
  descendants(root).filter((n): n is ts.CallExpression => {
    if (!ts.isCallExpression(n)) return false;
    const callee = dotted(n.expression);
    return callee !== undefined && test(callee);
  });

export const propertyName = (p: ts.ObjectLiteralElementLike): string | undefined =>
  p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;

/** The initializers of an object literal's plain `key: value` properties. */
export const literalProps = (obj: ts.ObjectLiteralExpression): Map<string, ts.Expression> =>
  new Map(obj.properties.filter(ts.isPropertyAssignment).map((p) => [propertyName(p) ?? '?', p.initializer]));

export const isFunctionLike = (n: ts.Node | undefined): n is ts.ArrowFunction | ts.FunctionExpression =>
  n !== undefined && (ts.isArrowFunction(n) || ts.isFunctionExpression(n));

export const paramName = (fn: ts.ArrowFunction | ts.FunctionExpression, index: number): string | undefined => {
  const p = fn.parameters[index];
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
};

export const lineOf = (n: ts.Node): string => {
  const sf = n.getSourceFile();
  return `${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
};

export { ts };
