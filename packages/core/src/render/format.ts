import type { RegressionClass, Status } from "../generated/run-report.js";
import { redactAndTruncate } from "../redact.js";

export const STATUS_ICON: Record<Status, string> = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" };

export const CLASS_LABEL: Record<RegressionClass, string> = {
  new: "New regressions",
  known: "Known failures",
  flaky: "Flaky suspects",
  "unknown-baseline": "Failures without a baseline",
  fixed: "Fixed",
  removed: "Removed",
  added: "Added",
  skipped: "Skipped",
  passed: "Passed",
};

export const CLASS_ICON: Record<RegressionClass, string> = {
  new: "🔴",
  known: "🟠",
  flaky: "🟡",
  "unknown-baseline": "❔",
  fixed: "🟢",
  removed: "➖",
  added: "➕",
  skipped: "⏭️",
  passed: "✅",
};

/** Order in which classes are listed: what needs attention first. */
export const CLASS_ORDER: readonly RegressionClass[] = [
  "new",
  "unknown-baseline",
  "known",
  "flaky",
  "fixed",
  "removed",
  "added",
  "skipped",
  "passed",
];

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${Math.round(s - m * 60)}s`;
}

/** Caps an array of lines, each line redacted and then cut to `width` code points. */
export function capLines(lines: readonly string[], count: number, width: number): string[] {
  return lines.slice(0, count).map((l) => redactAndTruncate(l, width));
}
