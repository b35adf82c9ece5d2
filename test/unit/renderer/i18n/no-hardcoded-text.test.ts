import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RENDERER, rendererFiles } from './renderer-files';

// No user-facing text is written outside the catalogues: the renderer's sources are parsed with the
// TypeScript compiler and any words found where the operator would read them are reported.

/** JSX props whose value the operator reads or hears. */
const USER_PROPS = new Set([
  'label', 'title', 'what', 'hint', 'error', 'placeholder', 'aria-label', 'alt', 'caption', 'purpose', 'action',
  'confirmLabel', 'cancelLabel', 'value-label', 'summary',
]);
/** Object properties that hold operator text when written as data (meta tables, column lists). */
const USER_KEYS = new Set(['title', 'what', 'text', 'label', 'hint', 'message', 'reason', 'caption']);
const WORDS = /[A-Za-z\u00C0-\u017F]{2,}/;

const wordy = (node: ts.Node): boolean =>
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? WORDS.test(node.text)
    : ts.isTemplateExpression(node) ? WORDS.test(node.head.text) || node.templateSpans.some((s) => WORDS.test(s.literal.text))
      : false;

/** Words in a conditional or logical expression's branches ("a ? 'Yes' : 'No'"). */
const wordyBranches = (node: ts.Node): boolean =>
  wordy(node) ||
  (ts.isConditionalExpression(node) && (wordyBranches(node.whenTrue) || wordyBranches(node.whenFalse))) ||
  (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind) && wordyBranches(node.right)) ||
  (ts.isParenthesizedExpression(node) && wordyBranches(node.expression));

export const findHardcodedText = (fileName: string, text: string): string[] => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1}: ${node.getText().slice(0, 80)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent) && wordyBranches(node.expression)) report(node);
    if (ts.isJsxAttribute(node) && USER_PROPS.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) ? WORDS.test(init.text) : ts.isJsxExpression(init) && init.expression !== undefined && wordyBranches(init.expression)) report(node);
    }
    if (ts.isPropertyAssignment(node) && USER_KEYS.has(node.name.getText().replace(/['"]/g, '')) && wordyBranches(node.initializer)) report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('renderer text', () => {
  it('is all in the catalogues', () => {
    const found = rendererFiles().flatMap((f) => findHardcodedText(relative(RENDERER, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds text in JSX, in user-facing props, in branches and in data tables', () => {
    const sample = `
      const META = { a: { title: 'Sign in', replaces: 'Connect-AzAccount' } };
      export const A = ({ ok }: { ok: boolean }) => (
        <div title="Tooltip words" data-testid="fine" className="also-fine">
          Hello there
          {ok ? 'Yes' : 'No'}
          {' '}
          <Field label={\`Name \${1}\`} id="x" />
          <code>{'—'}</code>
        </div>
      );`;
    const found = findHardcodedText('sample.tsx', sample).map((l) => l.replace(/^sample\.tsx:\d+: /, ''));
    expect(found).toHaveLength(5);
    expect(found.join('\n')).toContain("title: 'Sign in'");
    expect(found.join('\n')).toContain('title="Tooltip words"');
    expect(found.join('\n')).toContain('Hello there');
    expect(found.join('\n')).toContain("{ok ? 'Yes' : 'No'}");
    expect(found.join('\n')).toContain('label={`Name ${1}`}');
  });
});
