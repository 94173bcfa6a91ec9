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

export default class PlainSummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // Files that failed to load count as failures even though they hold no tests.
    totals.failed += files.filter((f) => f.result?.state === "fail" && f.tasks.length === 0).length;
    process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  }
}
