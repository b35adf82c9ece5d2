import type { Reporter, TestCase, TestModule } from 'vitest/node';

export type Outcome = { state: string; note?: string | undefined };

/**
 * The closing lines: why tests did not run (one line per reason, from the note a test was skipped
 * with, e.g. the real-Electron suite on a machine without Electron), then the plain line CI reads,
 * alone on its line: "tests: N passed, N failed, N skipped".
 */
export const summaryLines = (outcomes: readonly Outcome[]): string[] => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const notes = new Map<string, number>();
  for (const { state, note } of outcomes) {
    if (state === 'passed') passed += 1;
    else if (state === 'failed') failed += 1;
    else {
      skipped += 1;
      if (note) notes.set(note, (notes.get(note) ?? 0) + 1);
    }
  }
  return [
    ...[...notes].map(([note, count]) => `skipped ${count}: ${note}`),
    `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`,
  ];
};

type Parent = TestCase['parent'];

/** A test skipped because a hook of its suite or file failed has failed, whatever vitest files it under. */
const inFailedSuite = (parent: Parent | undefined): boolean =>
  parent !== undefined && (parent.state() === 'failed' || (parent.type === 'suite' && inFailedSuite(parent.parent)));

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const outcomes: Outcome[] = [];
    for (const mod of modules) {
      const tests = [...mod.children.allTests()];
      // A file that failed before defining any test (an import error) counts as one failure.
      if (tests.length === 0 && mod.state() === 'failed') outcomes.push({ state: 'failed' });
      for (const test of tests) {
        const result = test.result();
        if (result.state === 'skipped' && !result.note && inFailedSuite(test.parent)) outcomes.push({ state: 'failed' });
        else outcomes.push({ state: result.state, note: result.state === 'skipped' ? result.note : undefined });
      }
    }
    process.stdout.write(`\n${summaryLines(outcomes).join('\n')}\n`);
  }
}
