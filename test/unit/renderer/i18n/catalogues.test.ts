import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../../../shared/contract/problems';
import { SAID } from '../../../../shared/contract/said';
import { en } from '../../../../renderer/i18n/en';
import { enScreens } from '../../../../renderer/i18n/en-screens';
import { fr } from '../../../../renderer/i18n/fr';
import { frScreens } from '../../../../renderer/i18n/fr-screens';
import { frMain } from '../../../../renderer/i18n/fr-main';
import { rendererFiles } from './renderer-files';

// Both languages are complete: the same keys, the same {{values}} in each text, no empty text; every
// key the code names exists. French has words for every problem code and every sentence code main and
// the domain use (fr-main.ts), with exactly the values each sentence carries.

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
};
// Each language in two parts (the first screen's words, the later screens'): together, one catalogue.
const both = (core: unknown, screens: unknown): Map<string, string> => {
  const a = flatten(core as Tree);
  const b = flatten(screens as Tree);
  const twice = [...b.keys()].filter((k) => a.has(k));
  if (twice.length > 0) throw new Error(`keys in both parts of a catalogue: ${twice.join(', ')}`);
  return new Map([...a, ...b]);
};
const EN = both(en, enScreens);
const FR = both(fr, frScreens);
const values = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys in English and French', () => {
    expect([...FR.keys()].filter((k) => !EN.has(k)), 'keys only in French').toEqual([]);
    expect([...EN.keys()].filter((k) => !FR.has(k)), 'keys missing in French').toEqual([]);
    expect(EN.size).toBeGreaterThan(300);
  });

  it('fill in the same values in both languages, and leave no text empty', () => {
    const mismatched = [...EN].filter(([k, v]) => JSON.stringify(values(v)) !== JSON.stringify(values(FR.get(k) ?? '')));
    expect(mismatched.map(([k]) => k)).toEqual([]);
    expect([...EN, ...FR].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('have French for every problem code, and only for problem codes', () => {
    const codes = Object.keys(frMain.problems);
    expect(PROBLEM_CODES.filter((c) => !codes.includes(c)), 'problem codes without French').toEqual([]);
    expect(codes.filter((c) => !(PROBLEM_CODES as readonly string[]).includes(c)), 'French for unknown codes').toEqual([]);
    const texts = Object.values(frMain.problems as Record<string, { message: string; action: string }>);
    expect(texts.filter((p) => p.message.trim() === '' || p.action.trim() === '')).toEqual([]);
  });

  it('have French for every sentence code, with the values the sentence carries', () => {
    const said = frMain.said as Record<string, string>;
    expect(Object.keys(SAID).filter((c) => !(c in said)), 'sentence codes without French').toEqual([]);
    expect(Object.keys(said).filter((c) => !(c in SAID)), 'French for unknown codes').toEqual([]);
    const mismatched = Object.entries(SAID).filter(([code, names]) => JSON.stringify([...new Set(values(said[code] ?? ''))]) !== JSON.stringify([...names].sort()));
    expect(mismatched.map(([code]) => code)).toEqual([]);
    expect(Object.values(said).filter((t) => t.trim() === '')).toEqual([]);
  });

  it('hold every key the renderer names literally', () => {
    const used = new Set<string>();
    for (const file of rendererFiles()) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        // t('key'), and keys kept as data ('busy.x' labels, 'gate.x' reasons, { key: 'names.errors…' }).
        if (ts.isStringLiteral(node) && /^(busy|gate|names\.errors)\.[\w.-]+$/.test(node.text)) used.add(node.text);
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
          const [first] = node.arguments;
          if (first && ts.isStringLiteral(first)) used.add(first.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    for (const file of ['shared/domain/flow.ts']) {
      for (const m of readFileSync(join(import.meta.dirname, '../../../..', file), 'utf8').matchAll(/'(gate\.\w+)'/g)) used.add(m[1] ?? '');
    }
    // Plural keys live as key_one / key_other.
    const exists = (k: string) => EN.has(k) || EN.has(`${k}_other`);
    expect([...used].filter((k) => !exists(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(200);
  });
});
