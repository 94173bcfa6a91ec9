/**
 * Stage 3, the fix-iteration loop: what one iteration records (counts, tests fixed during the
 * loop versus newly failing, against the previous iteration) and why the loop stops. Pure: the
 * CLI reads git and the ledger file and passes them in.
 */
import type { IterationEntry, IterationHistory, RunReport } from "./generated/run-report.js";

/** A ledger entry: the report's entry plus the failing test ids the next iteration compares with. */
export interface LedgerEntry extends IterationEntry {
  failingTests: string[];
}

/** The ledger file (`.codexrel/iterations.json`), restored and saved with the thread's state in CI. */
export interface IterationLedger {
  schemaVersion: "1";
  /** Set by a maintainer (`codexrel iterations raise`): overrides every other budget. */
  budget?: { max: number; raisedBy: string; at: string } | null;
  /** Set by a maintainer (`@codex stop` -> `codexrel iterations stop`): no further iteration runs. */
  stopped?: { by: string; at: string; reason?: string } | null;
  iterations: LedgerEntry[];
}

const FAILING = new Set(["new", "known", "unknown-baseline"]);

function testLabel(t: { id: string }): string {
  return t.id;
}

/** Test ids that fail (finally) in this report: new, known and unknown-baseline failures. */
export function failingTestIds(report: Pick<RunReport, "regressions">): string[] {
  return (report.regressions?.tests ?? []).filter((t) => FAILING.has(t.class)).map(testLabel);
}

export interface IterationInput {
  n: number;
  commit: string | null;
  at: Date;
  report: Pick<RunReport, "commands" | "regressions" | "decision">;
  previous?: LedgerEntry;
  diffStat: IterationEntry["diffStat"];
  hypothesis?: string | null;
  residualRisk?: string | null;
  stopReason: string | null;
}

export function buildIterationEntry(input: IterationInput): LedgerEntry {
  const { report } = input;
  const checks = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const c of report.commands) checks[c.status] += 1;
  const failing = failingTestIds(report);
  const listed = report.regressions?.tests ?? [];
  const removed = new Set(listed.filter((t) => t.class === "removed").map(testLabel));
  const listedHere = new Set(listed.filter((t) => t.class !== "removed").map(testLabel));
  // Passing tests are only counted unless passedListed: an id the section does not list then
  // passed (a base test the candidate dropped is listed as removed).
  const passedUnlisted = report.regressions ? report.regressions.passedListed !== true : false;
  const present = (id: string) => listedHere.has(id) || (passedUnlisted && !removed.has(id));
  const previousFailing = new Set(input.previous?.failingTests ?? []);
  const nowFailing = new Set(failing);
  const tests = report.regressions
    ? {
        // From the counts: passing tests may be counted without being listed.
        total: Object.entries(report.regressions.counts)
          .filter(([cls]) => cls !== "removed")
          .reduce((sum, [, n]) => sum + (n ?? 0), 0),
        passed: (["passed", "fixed", "added", "flaky"] as const).reduce(
          (sum, cls) => sum + (report.regressions?.counts[cls] ?? 0),
          0,
        ),
        failing: failing.length,
      }
    : null;
  return {
    n: input.n,
    commit: input.commit,
    at: input.at.toISOString(),
    checks,
    tests,
    // Failed in the previous iteration, passes now (a test that disappeared is not "fixed").
    fixedInLoop: [...previousFailing].filter((id) => present(id) && !nowFailing.has(id)),
    fixedAgainstBase: (report.regressions?.tests ?? []).filter((t) => t.class === "fixed").map(testLabel),
    newlyFailing: input.previous ? failing.filter((id) => !previousFailing.has(id)) : [],
    diffStat: input.diffStat,
    hypothesis: input.hypothesis ?? null,
    residualRisk: input.residualRisk ?? null,
    ready: report.decision.ready,
    stopReason: input.stopReason,
    failingTests: failing,
  };
}

/** Why the loop stops after this iteration, or null when it goes on. */
export function loopStopReason(o: {
  ready: boolean;
  n: number;
  max: number | null;
  explicit?: string | null;
}): string | null {
  if (o.explicit) return o.explicit;
  if (o.ready) return "required checks pass";
  if (o.max !== null && o.n >= o.max) return `fix budget reached (${o.n} of ${o.max})`;
  return null;
}

/** The report's view of the ledger (without the per-test lists kept for the next comparison). */
export function iterationHistory(ledger: IterationLedger, budget: IterationHistory["budget"]): IterationHistory {
  return {
    budget,
    stopped: ledger.stopped ?? null,
    entries: ledger.iterations.map(({ failingTests: _omit, ...entry }) => entry),
  };
}
