import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, parse, ROOT, ts } from './source';

// Issue 12, goal 3: the window must not wait for the Azure SDKs or the practice-only modules. What
// Node reads when it loads out/main/index.js is the bundle's static import graph; the Azure SDKs,
// selfsigned and jose must be reachable only through dynamic import() (chunks read on first need).
// `npm test` builds before vitest runs; without a build the checks are skipped, as in build-output.test.ts.

const MAIN = join(ROOT, 'out/main/index.js');
const LATE = [/^@azure\//, /^selfsigned$/, /^jose$/];

const importsOf = (file: string) => {
  const sf = parse(file);
  const statics: string[] = [];
  const dynamics: string[] = [];
  for (const n of descendants(sf)) {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) statics.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteralLike(arg)) dynamics.push(arg.text);
    }
  }
  return { statics, dynamics };
};

/** Every bare specifier reached from `entry`, following relative imports of the kind asked for first. */
const reach = (entry: string, followDynamic: boolean): Set<string> => {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { statics, dynamics } = importsOf(file);
    for (const spec of followDynamic ? [...statics, ...dynamics] : statics) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else bare.add(spec);
    }
  };
  visit(entry);
  return bare;
};

describe.skipIf(!existsSync(MAIN))('main bundle at startup', () => {
  it('statically reaches no Azure SDK, selfsigned or jose', () => {
    const atStartup = [...reach(MAIN, false)];
    expect(atStartup.filter((s) => LATE.some((re) => re.test(s)))).toEqual([]);
  });

  it('reaches them through dynamic import() chunks (the check above looks at the right graph)', () => {
    const all = [...reach(MAIN, true)];
    for (const needed of ['@azure/msal-node', '@azure/arm-resources', 'selfsigned', 'jose']) expect(all).toContain(needed);
  });
});

