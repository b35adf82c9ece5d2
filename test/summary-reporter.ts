import type { Reporter, TestModule } from 'vitest/node';

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

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const outcomes: Outcome[] = [];
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const result = test.result();
        outcomes.push({ state: result.state, note: result.state === 'skipped' ? result.note : undefined });
      }
    }
    process.stdout.write(`\n${summaryLines(outcomes).join('\n')}\n`);
  }
}
