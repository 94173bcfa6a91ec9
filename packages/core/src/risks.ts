/**
 * Release risks: what a release manager should weigh even when nothing blocks. Derived from the
 * report's sections (never typed by hand), one line each, most serious first. Operational
 * problems (failed non-blocking checks, a missing baseline) are the decision's warnings instead.
 */
import type { RunReport } from "./generated/run-report.js";

export function deriveRisks(report: Pick<RunReport, "commands" | "regressions">): string[] {
  const risks: string[] = [];
  const r = report.regressions;
  if (r) {
    if (r.counts.flaky > 0) {
      risks.push(`${r.counts.flaky} flaky test(s): a real regression can hide behind a retry.`);
    }
    if (r.counts.known > 0) {
      risks.push(`${r.counts.known} known failure(s) ship with this release.`);
    }
    if (r.counts.removed > 0) {
      risks.push(`${r.counts.removed} test(s) were removed since the base: check coverage was not lost.`);
    }
    if (r.counts.skipped > 0) {
      risks.push(`${r.counts.skipped} test(s) skipped: their behaviour is unverified.`);
    }
  }
  for (const c of report.commands) {
    if (c.status === "warn" && c.fallback?.status === "pass") {
      risks.push(`Check "${c.name}" passed only through its fallback (${c.fallback.command}).`);
    }
  }
  return risks;
}
