/**
 * Every number a CTRF report gives is checked before it is used: a count sizes a loop or a list
 * (a 118-byte file with `"retries": 1000000000` once built a billion attempts and ran out of
 * memory), and a duration goes into the run report, whose schema allows no negative time. A bad
 * value is a coded error naming the file and the test, never a crash or a `REPORT_INVALID` about
 * the run report later.
 */
import { CodexrelError } from "@codexrel/core";
import { RegressionErrorCodes } from "./errors.js";

/** Most retries (or listed retry attempts) one CTRF test may have. */
export const MAX_CTRF_RETRIES = 1000;

/** Where a value sits, for messages: `results.tests[3] ("login").retries`. */
export function ctrfPath(index: number, name: unknown, field: string): string {
  const label =
    typeof name === "string" ? ` (${JSON.stringify(name.length > 120 ? `${name.slice(0, 119)}…` : name)})` : "";
  return `results.tests[${index}]${label}.${field}`;
}

function fail(file: string, where: string, what: string, test?: string): CodexrelError {
  return new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: ${where} ${what}`, {
    hint: "Check the file against the CTRF schema (https://ctrf.io): counts are non-negative integers, durations non-negative milliseconds.",
    details: { file, field: where, ...(test === undefined ? {} : { test }) },
  });
}

/**
 * A count that may be absent: null when absent, else a non-negative integer up to `cap`
 * (`REPORT_LIMIT_EXCEEDED` above it, `CTRF_MALFORMED` when not a count).
 */
export function ctrfCount(file: string, where: string, value: unknown, cap: number, test?: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw fail(file, where, `${JSON.stringify(value)} is not a count (a non-negative integer)`, test);
  }
  if (value > cap) {
    throw new CodexrelError(
      RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
      `${file}: ${where} ${value} is over the limit of ${cap}`,
      {
        hint: "The report is corrupt or hostile: no runner retries a test that often. Re-run the tests.",
        details: { file, field: where, limit: cap, ...(test === undefined ? {} : { test }) },
      },
    );
  }
  return value;
}

/** A duration in milliseconds that may be absent: null when absent, else a finite number >= 0. */
export function ctrfDuration(file: string, where: string, value: unknown, test?: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw fail(file, where, `${JSON.stringify(value)} is not a duration (non-negative milliseconds)`, test);
  }
  return value;
}

/** `results.summary`: each count CTRF defines must be a count when present. */
export function checkCtrfSummary(file: string, summary: unknown): number | null {
  if (summary === undefined || summary === null) return null;
  if (typeof summary !== "object") throw fail(file, "results.summary", "is not an object");
  const s = summary as Record<string, unknown>;
  for (const field of ["passed", "failed", "skipped", "pending", "other", "flaky", "suites"]) {
    ctrfCount(file, `results.summary.${field}`, s[field], Number.MAX_SAFE_INTEGER);
  }
  for (const field of ["start", "stop", "duration"]) {
    ctrfDuration(file, `results.summary.${field}`, s[field]);
  }
  return ctrfCount(file, "results.summary.tests", s.tests, Number.MAX_SAFE_INTEGER);
}
