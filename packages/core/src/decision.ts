/**
 * The decision: derived from the report's sections, never set by hand, so "ready" can only mean
 * that nothing blocking failed. Warnings (fallbacks used, non-blocking failures, flaky tests) are
 * listed but do not block.
 */
import type { BlockingReason, Decision, RegressionClass, RunReport } from "./generated/run-report.js";

export type DecisionInput = Pick<RunReport, "preflight" | "commands" | "regressions" | "meta">;

export function decide(input: DecisionInput, options: { risks?: string[]; changelog?: string | null } = {}): Decision {
  const blockingReasons: BlockingReason[] = [];
  const warnings: string[] = [];

  for (const check of input.preflight) {
    if (check.status === "fail" && check.blocking) {
      blockingReasons.push({
        source: "preflight",
        code: check.code,
        message: `preflight ${check.id}: ${check.reason}`,
      });
    } else if (check.status === "fail" || check.status === "warn") {
      warnings.push(`preflight ${check.id}: ${check.reason}`);
    }
  }

  for (const cmd of input.commands) {
    if (cmd.status === "fail" && cmd.blocking) {
      blockingReasons.push({
        source: "command",
        code: cmd.code ?? "CHECK_FAILED",
        message: `check "${cmd.name}" failed${cmd.reason ? `: ${cmd.reason}` : ""}`,
      });
    } else if (cmd.status === "warn" || cmd.status === "fail") {
      warnings.push(`check "${cmd.name}": ${cmd.reason ?? cmd.status}`);
    }
  }

  const regressions = input.regressions;
  if (regressions) {
    const blockingClasses = new Set<RegressionClass>(regressions.policy.blocking);
    const blockingTests = regressions.tests.filter((t) => t.blocking ?? blockingClasses.has(t.class));
    if (blockingTests.length > 0) {
      const byClass = new Map<string, number>();
      for (const t of blockingTests) byClass.set(t.class, (byClass.get(t.class) ?? 0) + 1);
      const parts = [...byClass].map(([cls, n]) => `${n} ${cls}`);
      const named = blockingTests.slice(0, 3).map((t) => {
        const scope = t.suite ?? t.classname;
        return scope ? `${scope} › ${t.name}` : t.name;
      });
      const more = blockingTests.length > named.length ? ` and ${blockingTests.length - named.length} more` : "";
      blockingReasons.push({
        source: "regression",
        code: "REGRESSIONS_BLOCK",
        message: `blocking tests (${parts.join(", ")}): ${named.join("; ")}${more}`,
      });
    }
    if (!regressions.baseline.available) {
      warnings.push(`no baseline: ${regressions.baseline.note ?? "failures cannot be told new from known"}`);
    }
  }

  const iteration = input.meta.iteration;
  if (iteration && iteration.n >= iteration.max && blockingReasons.length > 0) {
    blockingReasons.push({
      source: "iteration",
      code: "ITERATIONS_EXHAUSTED",
      message: `fix iteration ${iteration.n} of ${iteration.max}${iteration.stopReason ? `: ${iteration.stopReason}` : ""}`,
    });
  }

  const ready = blockingReasons.length === 0;
  return {
    ready,
    blockingReasons,
    warnings,
    nextAction: nextAction(ready, blockingReasons, warnings),
    ...(options.risks ? { risks: options.risks } : {}),
    ...(options.changelog !== undefined ? { changelog: options.changelog } : {}),
  };
}

function nextAction(ready: boolean, reasons: BlockingReason[], warnings: string[]): string {
  const exhausted = reasons.find((r) => r.code === "ITERATIONS_EXHAUSTED");
  if (exhausted) {
    return `Stop the fix loop (${exhausted.message}) and hand over to a maintainer with the blocking reasons.`;
  }
  if (!ready) {
    const first = reasons[0];
    const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more blocking reason(s))` : "";
    return `Fix ${first?.message ?? "the blocking failures"}${more}, then re-run.`;
  }
  if (warnings.length > 0) return `Ready; review ${warnings.length} warning(s) before releasing.`;
  return "Ready to release.";
}
