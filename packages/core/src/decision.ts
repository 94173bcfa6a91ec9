/**
 * The decision rule, in one place (the README's "Decision rule" section says the same in words).
 * The decision is derived from the report's sections, never set by hand. READY needs all of:
 *
 * 1. evidence: at least one blocking check that ran (a command that is blocking and not skipped),
 *    a classified test that ran, or a preflight check marked `evidence` that passed (e.g. CUJ
 *    journeys recorded at this commit). An empty config, only non-blocking checks, or every check
 *    skipped is NOT READY (`NO_EVIDENCE`);
 * 2. every configured input present: a missing input is a blocking reason of source `input`
 *    (`REGRESSIONS_INPUT_MISSING`, ...), and `decisionExitCode` maps it to exit 2;
 * 3. a baseline, or the explicit choice to have none (`baseline: none`): otherwise
 *    `BASELINE_MISSING`;
 * 4. no blocking failure: a blocking preflight or command failure, or a test in a blocking class
 *    (default `new` and `unknown-baseline`: a failure whose baseline is unknown blocks unless the
 *    policy relaxes it);
 * 5. every stage that ran reported honestly: a stage that could not finish is a failed blocking
 *    command of the report (the edges do that), and a stage's warnings (repeated testcases read as
 *    attempts, files skipped, tests dropped) are listed in the decision's warnings.
 *
 * Warnings (fallbacks used, non-blocking failures, flaky tests, stage warnings) never make a pass.
 */
import type { BlockingReason, Decision, RegressionClass, RunReport } from "./generated/run-report.js";

export type DecisionInput = Pick<RunReport, "preflight" | "commands" | "regressions" | "meta">;

/** Codes that mean a configured input is missing: the run is an input error (exit 2), not a verdict. */
export const INPUT_ERROR_CODES: ReadonlySet<string> = new Set([
  "REGRESSIONS_INPUT_MISSING",
  "REGRESSIONS_NO_CANDIDATE",
  "INPUT_NOT_FOUND",
]);

/** How many of a stage's warnings the decision lists before summarizing the rest. */
const MAX_STAGE_WARNINGS = 20;

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
      const code = cmd.code ?? "CHECK_FAILED";
      blockingReasons.push({
        source: INPUT_ERROR_CODES.has(code) ? "input" : "command",
        code,
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
      const note = regressions.baseline.note ?? "failures cannot be told new from known";
      if (regressions.baseline.declaredNone) warnings.push(`no baseline (chosen: baseline none): ${note}`);
      else {
        blockingReasons.push({
          source: "evidence",
          code: "BASELINE_MISSING",
          message: `no baseline: ${note}; give base reports or choose \`baseline: none\` explicitly`,
        });
      }
    }
    const stageWarnings = regressions.warnings ?? [];
    for (const w of stageWarnings.slice(0, MAX_STAGE_WARNINGS)) warnings.push(`classify: ${w}`);
    if (stageWarnings.length > MAX_STAGE_WARNINGS) {
      warnings.push(`classify: … and ${stageWarnings.length - MAX_STAGE_WARNINGS} more warning(s) in the report`);
    }
  }

  if (!hasEvidence(input)) {
    blockingReasons.push({
      source: "evidence",
      code: "NO_EVIDENCE",
      message:
        "no blocking check ran and no test was classified, so nothing shows the change works (configure at least one blocking check)",
    });
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

/** Rule 1: something blocking actually ran. */
export function hasEvidence(input: DecisionInput): boolean {
  if (input.commands.some((c) => c.blocking && c.status !== "skip")) return true;
  if (input.preflight.some((p) => p.evidence === true && p.status === "pass")) return true;
  return (input.regressions?.tests ?? []).some((t) => t.class !== "skipped" && t.class !== "removed");
}

/** The CLI's exit code for a decision: 0 ready, 2 when a configured input is missing, else 1. */
export function decisionExitCode(decision: Pick<Decision, "ready" | "blockingReasons">): 0 | 1 | 2 {
  if (decision.ready) return 0;
  return decision.blockingReasons.some((r) => r.source === "input") ? 2 : 1;
}

function nextAction(ready: boolean, reasons: BlockingReason[], warnings: string[]): string {
  const exhausted = reasons.find((r) => r.code === "ITERATIONS_EXHAUSTED");
  if (exhausted) {
    return `Stop the fix loop (${exhausted.message}) and hand over to a maintainer with the blocking reasons.`;
  }
  if (!ready) {
    const first = reasons.find((r) => r.source === "input") ?? reasons[0];
    const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more blocking reason(s))` : "";
    return `Fix ${first?.message ?? "the blocking failures"}${more}, then re-run.`;
  }
  if (warnings.length > 0) return `Ready; review ${warnings.length} warning(s) before releasing.`;
  return "Ready to release.";
}
