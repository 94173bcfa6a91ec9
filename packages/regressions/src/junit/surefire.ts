/**
 * Surefire/Failsafe (and cargo-nextest, Gradle with `mergeReruns`) record the reruns of one test
 * as children of its `<testcase>`: `flakyFailure`/`flakyError` are failed runs before the passing
 * one, `rerunFailure`/`rerunError` failed runs after the first failure.
 */
import type { AttemptStatus, TestAttempt } from "../model.js";

export type RerunKind = "flakyFailure" | "flakyError" | "rerunFailure" | "rerunError";

export const RERUN_KINDS: readonly RerunKind[] = ["flakyFailure", "flakyError", "rerunFailure", "rerunError"];

/** A rerun child's attempt status: `…Error` errored, `…Failure` failed. */
export function rerunStatus(kind: RerunKind): AttemptStatus {
  return kind === "flakyError" || kind === "rerunError" ? "error" : "failed";
}

/** The attempts in the order they ran: flaky runs, then the test's result, then the reruns. */
export function inRunOrder(
  flaky: TestAttempt[] | null,
  main: TestAttempt,
  reruns: TestAttempt[] | null,
): TestAttempt[] {
  if (!flaky && !reruns) return [main];
  return [...(flaky ?? []), main, ...(reruns ?? [])];
}
