import type { Scope } from '../store';
import { appStore, useApp } from '../store';
import { ProblemBox } from './problem-box';

/** The latest problem of one scope of the store, if any. */
export function ScopeProblem({ scope }: { scope: Scope }) {
  const problem = useApp((s) => s.problems[scope]);
  if (!problem) return null;
  return <ProblemBox problem={problem} onDismiss={() => appStore.getState().dismissProblem(scope)} />;
}
