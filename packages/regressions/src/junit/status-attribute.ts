/**
 * Reporters that give a testcase's outcome as an attribute instead of a child element (tst's and
 * Bazel's `status`, `result` elsewhere): read only when the testcase has no failure, error or
 * skipped child, which always wins.
 */
import type { AttemptStatus } from "../model.js";

const SKIP_STATUS = new Set(["skipped", "skip", "disabled", "notrun", "not_run", "ignored", "pending", "todo"]);
const FAIL_STATUS = new Set(["failed", "failure", "fail"]);
const ERROR_STATUS = new Set(["error", "errored"]);

/** The outcome a `status`/`result` attribute names, or null for one that names none (e.g. "run"). */
export function statusFromAttribute(value: string): AttemptStatus | null {
  const status = value.toLowerCase();
  if (SKIP_STATUS.has(status)) return "skipped";
  if (FAIL_STATUS.has(status)) return "failed";
  if (ERROR_STATUS.has(status)) return "error";
  return null;
}
