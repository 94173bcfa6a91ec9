/**
 * Building reports: an empty skeleton that validates, counts for the regressions section, and
 * `finalizeReport` which derives the decision and validates before anything reads the report.
 */
import { decide } from "./decision.js";
import type { RegressionClass, RegressionCounts, Regressions, RunReport } from "./generated/run-report.js";
import { redactDeep } from "./redact.js";
import { assertValidReport } from "./schemas.js";

export const REGRESSION_CLASSES: readonly RegressionClass[] = [
  "new",
  "known",
  "flaky",
  "fixed",
  "added",
  "removed",
  "skipped",
  "passed",
  "unknown-baseline",
];

export const DEFAULT_BLOCKING_CLASSES: readonly RegressionClass[] = ["new"];

export interface CreateReportOptions {
  tool: { name?: string; version: string };
  stage?: RunReport["meta"]["stage"];
  title?: string;
  startedAt?: Date;
}

export function createReport(options: CreateReportOptions): RunReport {
  return {
    schemaVersion: "1",
    meta: {
      tool: { name: options.tool.name ?? "codexrel", version: options.tool.version },
      ...(options.title ? { title: options.title } : {}),
      stage: options.stage ?? "validation",
      startedAt: (options.startedAt ?? new Date()).toISOString(),
    },
    preflight: [],
    commands: [],
    regressions: null,
    artifacts: [],
    publication: { status: "skipped", code: "NOT_ATTEMPTED", reason: "publication was not attempted" },
    decision: { ready: true, blockingReasons: [], nextAction: "Ready to release." },
  };
}

export function countRegressions(tests: Regressions["tests"]): RegressionCounts {
  const counts = Object.fromEntries(REGRESSION_CLASSES.map((c) => [c, 0])) as unknown as RegressionCounts;
  for (const t of tests) counts[t.class] += 1;
  return counts;
}

export interface FinalizeOptions {
  finishedAt?: Date;
  risks?: string[];
  changelog?: string | null;
  /** Exact secret values to strip from every string of the report. */
  secrets?: Iterable<string | undefined | null>;
}

/** Derives the decision, stamps the finish time, redacts, and validates (throws REPORT_INVALID). */
export function finalizeReport(report: RunReport, options: FinalizeOptions = {}): RunReport {
  const withDecision: RunReport = {
    ...report,
    meta: { ...report.meta, finishedAt: (options.finishedAt ?? new Date()).toISOString() },
    decision: decide(report, {
      ...(options.risks ? { risks: options.risks } : {}),
      ...(options.changelog !== undefined ? { changelog: options.changelog } : {}),
    }),
  };
  const redacted = redactDeep(withDecision, options.secrets ? { secrets: options.secrets } : {});
  return assertValidReport(redacted);
}
