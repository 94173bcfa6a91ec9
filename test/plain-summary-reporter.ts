/**
 * Prints one plain closing line — `tests: N passed, N failed, N skipped` — after vitest's own
 * summary, so any log reader can tell how many tests ran without knowing vitest's format.
 */
import type { RunnerTask, RunnerTestFile } from "vitest";
import type { Reporter } from "vitest/reporters";

function count(tasks: readonly RunnerTask[], totals: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === "suite") count(task.tasks, totals);
    else if (task.result?.state === "pass") totals.passed += 1;
    else if (task.result?.state === "fail") totals.failed += 1;
    else totals.skipped += 1;
  }
}

function hasFailedTest(tasks: readonly RunnerTask[]): boolean {
  return tasks.some((t) => (t.type === "suite" ? hasFailedTest(t.tasks) : t.result?.state === "fail"));
}

export default class PlainSummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // A file that failed without a failing test (it did not load, or a beforeAll hook threw and
    // its tests were skipped) is a failure too: the plain line must never read "0 failed" then.
    totals.failed += files.filter((f) => f.result?.state === "fail" && !hasFailedTest(f.tasks)).length;
    process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  }
}
